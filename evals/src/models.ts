/**
 * Which model drives the agent in a trial: the offline model (default), any OpenAI-compatible endpoint (optionally
 * recording or replaying cassettes), the oracle and null reference models, or a custom factory (self-checks).
 */
import type { ChatModel, ModelRequest, ModelResponse } from '../../src/llm/model.js';
import { createOfflineModel } from '../../src/llm/offline.js';
import { createOpenAIModel } from '../../src/llm/openai.js';
import {
  CassetteError,
  cassettePath,
  createRecordingFetch,
  createReplayFetch,
  readCassette,
  writeCassette,
  type CassetteEntry,
} from './cassette.js';
import { createNullModel, createOracleModel } from './oracle.js';
import { FIXED_NOW, type PreparedScenario } from './prepare.js';
import type { ModelCallRecord } from './trace.js';

/** Which model drives the agent: offline, OpenAI-compatible (with optional cassettes), oracle, null, or custom. */
export type ModelChoice =
  | { kind: 'offline' }
  | {
      kind: 'openai';
      model: string;
      baseUrl?: string;
      apiKey?: string;
      /** Record every exchange to, or replay it from, `<dir>/<model>/<scenario>/t<k>.jsonl`. */
      cassettes?: { mode: 'record' | 'replay'; dir: string };
      /** Transport override (tests); recording wraps it. */
      fetch?: typeof fetch;
    }
  | { kind: 'oracle' }
  | { kind: 'null' }
  | { kind: 'custom'; name: string; create: (p: PreparedScenario, trial: number) => ChatModel };

/** The name reported for a model choice. */
export function modelLabel(choice: ModelChoice): string {
  switch (choice.kind) {
    case 'openai':
      return choice.model;
    case 'custom':
      return choice.name;
    default:
      return choice.kind;
  }
}

/** A model for one trial, plus what the runner needs to finish it. */
export interface TrialModel {
  model: ChatModel;
  /** Persist anything recorded (cassettes). Called once after the trial. */
  finish(): void;
  /** The cassette problem that stopped the trial, if any. */
  harnessError(): string | undefined;
}

/** Build the model for one trial. */
export function createTrialModel(choice: ModelChoice, p: PreparedScenario, trial: number): TrialModel {
  const plain = (model: ChatModel): TrialModel => ({ model, finish: () => {}, harnessError: () => undefined });
  switch (choice.kind) {
    case 'offline':
      return plain(createOfflineModel({ now: () => FIXED_NOW }));
    case 'oracle':
      return plain(createOracleModel(p));
    case 'null':
      return plain(createNullModel());
    case 'custom':
      return plain(choice.create(p, trial));
    case 'openai': {
      const id = p.scenario.id;
      let problem: string | undefined;
      let transport: typeof fetch | undefined = choice.fetch;
      let finish = () => {};
      if (choice.cassettes?.mode === 'replay') {
        const file = cassettePath(choice.cassettes.dir, choice.model, id, trial);
        let entries: CassetteEntry[] = [];
        try {
          entries = readCassette(file);
        } catch (err) {
          problem = (err as Error).message;
        }
        const replay = createReplayFetch(entries, file);
        transport = (async (input: string | URL | Request, init?: RequestInit) => {
          if (problem) throw new CassetteError(problem);
          try {
            return await replay(input, init);
          } catch (err) {
            problem ??= (err as Error).message;
            throw err;
          }
        }) as typeof fetch;
      } else if (choice.cassettes?.mode === 'record') {
        const file = cassettePath(choice.cassettes.dir, choice.model, id, trial);
        const entries: CassetteEntry[] = [];
        transport = createRecordingFetch(entries, choice.fetch ?? globalThis.fetch);
        finish = () => writeCassette(file, entries);
      }
      const model = createOpenAIModel({
        model: choice.model,
        // Replay needs no key; the adapter still wants one, and it is never sent anywhere.
        apiKey: choice.apiKey ?? (choice.cassettes?.mode === 'replay' ? 'replay-without-key' : undefined),
        ...(choice.baseUrl
          ? { baseUrl: choice.baseUrl }
          : choice.cassettes?.mode === 'replay'
            ? { baseUrl: 'http://cassette.invalid/v1' }
            : {}),
        maxRetries: choice.cassettes?.mode === 'replay' ? 0 : 2,
        ...(transport ? { fetch: transport } : {}),
      });
      return { model, finish, harnessError: () => problem };
    }
  }
}

/** Wrap a model so every round trip is timed and its usage recorded. */
export function instrumentModel(model: ChatModel, log: ModelCallRecord[]): ChatModel {
  return {
    name: model.name,
    async complete(request: ModelRequest): Promise<ModelResponse> {
      const start = performance.now();
      const response = await model.complete(request);
      log.push({
        ms: performance.now() - start,
        inputTokens: response.usage?.inputTokens ?? null,
        outputTokens: response.usage?.outputTokens ?? null,
        finishReason: response.finishReason,
        ...(response.errorMessage ? { error: response.errorMessage } : {}),
      });
      return response;
    },
  };
}
