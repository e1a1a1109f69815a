/**
 * What the loop runs with: the agent's dependencies, resolved once by createAgent. Note what is absent: the
 * loop gets a read-only Clerk view, never the client itself, so it has no way to mutate.
 */
import type { Registry } from '../actions/registry.js';
import type { ChatModel, ToolSpec } from '../llm/model.js';
import type { AuditLog } from './audit.js';
import type { HistoryBudget } from './budget.js';
import type { ClerkReader } from './clerk-reader.js';
import { redactDeep } from '../util/secrets.js';
import type { AgentEvent, EventSink } from './types.js';

export interface AgentContext {
  model: ChatModel;
  registry: Registry;
  reader: ClerkReader;
  audit: AuditLog;
  systemPrompt: string;
  tools: ToolSpec[];
  maxStepsPerTurn: number;
  maxToolCallsPerStep: number;
  dryRun: boolean;
  exposePrivateMetadata: boolean;
  /** What the history may use once the system prompt, tool list and answer reserve are paid for. */
  historyBudget: HistoryBudget;
  newId: () => string;
  now: () => Date;
}

/** Emits one event. */
export type Emit = (event: AgentEvent) => void;

/** An Emit that scrubs secrets and never lets a faulty sink break the run. */
export function createEmit(sink: EventSink | undefined): Emit {
  return (event) => {
    if (!sink) return;
    try {
      sink(redactDeep(event));
    } catch {
      // Contract: sinks must not throw. If one does, the run goes on; the front end lost one frame.
    }
  };
}
