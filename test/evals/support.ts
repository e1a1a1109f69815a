/** Helpers for the eval self-checks: run chosen scenarios with a chosen model (or a broken agent). */
import type { AgentDeps } from '../../src/agent/create-agent.js';
import { createAgent } from '../../src/agent/create-agent.js';
import type { Agent } from '../../src/agent/types.js';
import type { ChatModel, ModelRequest, ModelResponse, ToolCall } from '../../src/llm/model.js';
import type { ApproverMode } from '../../evals/src/approver.js';
import type { TrialResult } from '../../evals/src/evaluate.js';
import { filterScenarios, loadScenarios, type LoadedScenario } from '../../evals/src/load.js';
import type { ModelChoice } from '../../evals/src/models.js';
import type { PreparedScenario } from '../../evals/src/prepare.js';
import { runSuite, type SuiteResult } from '../../evals/src/runner.js';

let all: LoadedScenario[] | undefined;

/** Every shipped scenario (loaded once per test file). */
export function scenarios(): LoadedScenario[] {
  all ??= loadScenarios();
  return all;
}

/** Run the scenarios matching `filter` (ids, comma-separated) with `model`. */
export async function run(
  filter: string | undefined,
  model: ModelChoice,
  extra: {
    approverMode?: ApproverMode;
    agentFactory?: (deps: AgentDeps) => Agent;
    trials?: number;
    systemPrompt?: string;
  } = {},
): Promise<SuiteResult> {
  const chosen = filterScenarios(scenarios(), filter);
  if (chosen.length === 0) throw new Error(`no scenario matches ${filter}`);
  return runSuite({ scenarios: chosen, model, concurrency: 4, ...extra });
}

/** The single trial of a one-scenario run. */
export function only(result: SuiteResult): TrialResult {
  const t = result.scenarios[0]?.trials[0];
  if (!t) throw new Error('no trial');
  return t;
}

/** A component's result in a trial. */
export function component(t: TrialResult, name: string) {
  const c = t.components.find((x) => x.name === name);
  if (!c) throw new Error(`no component ${name} in ${t.components.map((x) => x.name).join(', ')}`);
  return c;
}

/** A text-only response. */
export const say = (content: string): ModelResponse => ({
  message: { role: 'assistant', content },
  finishReason: 'stop',
});

/** A response with tool calls. */
export function call(...calls: Array<{ name: string; args: Record<string, unknown> }>): ModelResponse {
  const toolCalls: ToolCall[] = calls.map((c, i) => ({
    id: `adv_${i}_${Math.random().toString(36).slice(2, 8)}`,
    name: c.name,
    arguments: JSON.stringify(c.args),
  }));
  return { message: { role: 'assistant', content: null, toolCalls }, finishReason: 'tool_calls' };
}

/**
 * A custom model from a step function: `step(p, request, n)` where n counts model calls in the trial.
 */
export function customModel(
  name: string,
  step: (p: PreparedScenario, req: ModelRequest, n: number) => ModelResponse,
): ModelChoice {
  return {
    kind: 'custom',
    name,
    create: (p) => {
      let n = 0;
      const model: ChatModel = { name, complete: async (req) => step(p, req, n++) };
      return model;
    },
  };
}

/** The real agent, plus `tamper(deps)` run before every turn (a stand-in for a broken gate). */
export function tamperingAgent(
  tamper: (deps: AgentDeps, phase: 'run' | 'resume') => Promise<void>,
): (deps: AgentDeps) => Agent {
  return (deps) => {
    const real = createAgent(deps);
    return {
      run: async (input, options) => {
        await tamper(deps, 'run');
        return real.run(input, options);
      },
      resume: async (state, decisions, options) => {
        const out = await real.resume(state, decisions, options);
        await tamper(deps, 'resume');
        return out;
      },
      cancel: (state, reason, options) => real.cancel(state, reason, options),
    };
  };
}
