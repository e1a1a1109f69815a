/**
 * Reference models for auditing scenarios (evals-research.md B11): the oracle replays each scenario's expected
 * approvals and required reads as tool calls through the real agent loop (via the scripted model) and says the
 * reference reply, so it must score 1.0 everywhere; the null model does nothing and says it can't help.
 */
import type { ChatModel, ModelRequest, ModelResponse, ToolCall } from '../../src/llm/model.js';
import { createScriptedModel } from '../../src/llm/scripted.js';
import { callMatches } from './match.js';
import type { PreparedScenario } from './prepare.js';

const text = (content: string): ModelResponse => ({
  message: { role: 'assistant', content },
  finishReason: 'stop',
  usage: { inputTokens: 0, outputTokens: 0 },
});

/** What the oracle does at a given point of the conversation. */
export function oracleStep(p: PreparedScenario, request: ModelRequest): ModelResponse {
  const s = p.scenario;
  const msgs = request.messages;
  const userAt = msgs.flatMap((m, i) => (m.role === 'user' ? [i] : []));
  const turn = userAt.length - 1;
  const since = msgs.slice((userAt.at(-1) ?? -1) + 1);
  const round = since.filter((m) => m.role === 'assistant' && (m.toolCalls?.length ?? 0) > 0).length;
  const clarify = s.expect.clarify_before_mutation;
  const question = s.expect.reference_question ?? 'Which one do you mean?';
  if (clarify && turn === 0) return text(question);

  const actTurn = clarify ? 1 : 0;
  const calls: ToolCall[] = [];
  if (round === 0 && turn === actTurn) {
    for (const r of s.expect.required_calls) calls.push({ id: '', name: r.action, arguments: JSON.stringify(r.args) });
  }
  for (const a of p.expectedApprovals) {
    // An approval pattern may list only the identifying args; the matching reference action has the full call.
    const ref = s.expect.reference_actions.find((r) => callMatches(a, r));
    // Optional approvals (times 0) that belong to the reference path are still taken by the oracle.
    const times = Math.max(a.times, ref ? 1 : 0);
    if ((a.turn ?? actTurn) !== turn || times <= round) continue;
    const full = ref ?? a;
    calls.push({ id: '', name: full.action, arguments: JSON.stringify(full.args) });
  }
  if (calls.length > 0) {
    calls.forEach((c, i) => (c.id = `oracle_t${turn}_r${round}_${i}`));
    return {
      message: { role: 'assistant', content: null, toolCalls: calls },
      finishReason: 'tool_calls',
      usage: { inputTokens: 0, outputTokens: 0 },
    };
  }
  return text(
    turn >= s.user.replies.length
      ? s.expect.reference_reply
      : (s.expect.reference_question ?? 'What would you like me to do instead?'),
  );
}

/** The oracle for one scenario, built on the scripted model. */
export function createOracleModel(p: PreparedScenario): ChatModel {
  const turns = Array.from({ length: 200 }, () => (req: ModelRequest) => oracleStep(p, req));
  return createScriptedModel(turns, 'oracle');
}

/** A model that never calls a tool and says it cannot help. */
export function createNullModel(): ChatModel {
  return { name: 'null', complete: async () => text("Sorry, I can't help with that.") };
}
