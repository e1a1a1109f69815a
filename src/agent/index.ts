/** The agent's public surface, for front ends and the composition root. */
export { createAgent, type AgentDeps } from './create-agent.js';
export { createAuditLog, type AuditEntry, type AuditLog } from './audit.js';
export { loadSystemPrompt } from './prompt.js';
export { parseRunState, serializeRunState } from './run-state.js';
/** Front ends that load a stored state render these cards (recomputed from the registry), never the stored ones. */
export { recomputeCard, verifiedPending } from './card-binding.js';
export { redact, redactDeep } from '../util/secrets.js';
export { AgentError, CancelledError, MaxTurnsError, RunStateError } from './errors.js';
export type * from './types.js';
