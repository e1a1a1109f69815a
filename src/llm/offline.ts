/**
 * The offline model: a deterministic natural-language planner behind the ChatModel interface. It reads the
 * conversation like an LLM would (the latest request, our clarifying questions and the user's answers, the tool
 * results so far) and answers with the next step: read calls that resolve names to ids, the mutating calls (which
 * the agent gates behind a human yes), one clear question when something is ambiguous or missing, or a final
 * answer built from the results. Everything it understands is recomputed from the messages on every call; the one
 * piece of state it keeps is a small map from each user message to the clock reading taken when it was first seen
 * (see `anchors` below), so relative dates stay fixed across the steps of one request.
 * Text inside tool results is only ever displayed, never interpreted as a request.
 */
import type { ChatModel, ModelRequest, ModelResponse, ToolCall } from './model.js';
import { readConversation } from './offline/conversation.js';
import { planStep } from './offline/planner.js';
import { helpText } from './offline/examples.js';

/** Options for the offline model. */
export interface OfflineModelOptions {
  /** Clock for relative dates ("this week"); default Date.now. */
  now?: () => number;
}

/** Creates the offline model (name 'offline'). */
export function createOfflineModel(options: OfflineModelOptions = {}): ChatModel {
  const clock = options.now ?? Date.now;
  // Relative dates ("this week") must not move between the steps of one request: the planner recognises a read
  // it already made by its exact arguments, so a clock that ticks between steps would repeat the read forever.
  // The clock is therefore read once per user message and reused for every later step of that request.
  const anchors = new Map<string, number>();
  const now = (request: ModelRequest): number => {
    const key = latestUserKey(request);
    let t = anchors.get(key);
    if (t === undefined) {
      t = clock();
      anchors.set(key, t);
      if (anchors.size > 256) anchors.delete(anchors.keys().next().value as string);
    }
    return t;
  };
  return {
    name: 'offline',
    async complete(request: ModelRequest): Promise<ModelResponse> {
      request.signal?.throwIfAborted();
      try {
        return respond(request, now(request));
      } catch (error) {
        // A planner bug must not crash the loop: say so plainly and change nothing.
        const message = error instanceof Error ? error.message : String(error);
        // Only claim "nothing was changed" when no change of this request has run (the loop's results say so).
        const ran = changeRan(request);
        return {
          message: {
            role: 'assistant',
            content: `Sorry, the offline model hit an internal error (${message}). ${ran ? 'Steps already reported above stand; I made no further change.' : 'Nothing was changed.'}`,
          },
          finishReason: 'stop',
        };
      }
    },
  };
}

function respond(request: ModelRequest, now: number): ModelResponse {
  const turn = readConversation(request.messages);
  if (!turn) return text(request, helpText());
  const tools = new Set(request.tools.map((t) => t.name));
  const outcome = planStep(turn, tools, now);
  if (outcome.kind === 'say') return text(request, outcome.text);
  const step = turn.toolSteps + 1;
  const toolCalls: ToolCall[] = outcome.calls.map((c, n) => ({
    id: `call_${step}_${n + 1}`,
    name: c.name,
    arguments: JSON.stringify(c.args),
  }));
  const usage = {
    inputTokens: estimate(request),
    outputTokens: Math.ceil(toolCalls.reduce((sum, c) => sum + c.arguments.length + c.name.length, 0) / 4),
  };
  return {
    message: { role: 'assistant', content: outcome.text ?? null, toolCalls },
    finishReason: 'tool_calls',
    usage,
  };
}

function text(request: ModelRequest, content: string): ModelResponse {
  return {
    message: { role: 'assistant', content },
    finishReason: 'stop',
    usage: { inputTokens: estimate(request), outputTokens: Math.ceil(content.length / 4) },
  };
}

/** True when a mutating call (not a _list/_get read) has a successful result in the conversation. */
function changeRan(request: ModelRequest): boolean {
  const names = new Map<string, string>();
  for (const m of request.messages)
    if (m.role === 'assistant') for (const c of m.toolCalls ?? []) names.set(c.id, c.name);
  return request.messages.some(
    (m) =>
      m.role === 'tool' &&
      !/_(?:list|get)$/.test(names.get(m.toolCallId) ?? '_get') &&
      /"ok"\s*:\s*true/.test(m.content) &&
      !/"dry_run"\s*:\s*true/.test(m.content),
  );
}

/** Identifies the current request: the position and text of the latest user message. */
function latestUserKey(request: ModelRequest): string {
  for (let i = request.messages.length - 1; i >= 0; i--) {
    const m = request.messages[i]!;
    if (m.role === 'user') return `${i}\u0000${m.content}`;
  }
  return '';
}

/** A rough token figure (characters / 4) so budgets and reports have something honest to show. */
function estimate(request: ModelRequest): number {
  return Math.ceil(
    request.messages.reduce((sum, m) => sum + (typeof m.content === 'string' ? m.content.length : 0), 0) / 4,
  );
}
