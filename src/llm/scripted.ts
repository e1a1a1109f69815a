/**
 * A deterministic model for tests, evals and demos: replays the given turns in order and records every request
 * it was sent (deep copies, so later changes to the history do not rewrite what it saw).
 */
import type { ChatModel, ModelRequest, ModelResponse } from './model.js';

export type ScriptedTurn = ModelResponse | ((request: ModelRequest) => ModelResponse | Promise<ModelResponse>);

export interface ScriptedModel extends ChatModel {
  /** What each `complete` call received (messages and tool names), in order. */
  readonly requests: Array<Omit<ModelRequest, 'signal'>>;
  /** Turns not yet used. */
  remaining(): number;
}

/** A ChatModel that answers with `turns[0]`, then `turns[1]`, …; past the end it returns finishReason 'error'. */
export function createScriptedModel(turns: ScriptedTurn[], name = 'scripted'): ScriptedModel {
  const queue = [...turns];
  const requests: ScriptedModel['requests'] = [];
  return {
    name,
    requests,
    remaining: () => queue.length,
    async complete(request) {
      request.signal?.throwIfAborted();
      // Tools are not copied: they are the same immutable list every step.
      requests.push({ messages: structuredClone(request.messages), tools: request.tools });
      const next = queue.shift();
      if (next === undefined) {
        return {
          message: { role: 'assistant', content: null },
          finishReason: 'error',
          errorMessage: `scripted model: no turn left (it was given ${turns.length})`,
        };
      }
      const response = typeof next === 'function' ? await next(request) : next;
      return structuredClone(response);
    },
  };
}
