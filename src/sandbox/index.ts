/**
 * The local Clerk sandbox: an emulator of the Clerk Backend API (version 2026-05-12) for every endpoint the 48
 * actions use. Stands alone: imports nothing of ours outside src/sandbox.
 */
export { createSandbox, SANDBOX_BASE_URL } from './sandbox.js';
export { serveSandbox, type SandboxServer } from './serve.js';
export { SANDBOX_SECRET_KEY } from './auth.js';
export { SEED_FACTS, type SeedFacts, type SeedUserFact, type SeedOrgFact } from './seed/facts.js';
export { buildDemoState } from './seed/demo.js';
export { addGeneratedUsers } from './seed/generate.js';
export { emptyState } from './seed/state.js';
export { SandboxStateError } from './persistence.js';
export { SandboxBusyError, type LockHolder } from './ownership/lock.js';
export { openSandbox, type OpenedSandbox, type OpenSandboxOptions } from './ownership/share.js';
export { DEFAULT_API_VERSION } from './versions.js';
export type {
  Sandbox,
  SandboxState,
  SandboxSeed,
  SandboxFault,
  SandboxRequestLogEntry,
  CreateSandboxOptions,
  UserRecord,
  OrganizationRecord,
  MembershipRecord,
  OrganizationInvitationRecord,
  InvitationRecord,
  SessionRecord,
  AllowlistIdentifierRecord,
  BlocklistIdentifierRecord,
  JwtTemplateRecord,
  DomainRecord,
  OAuthApplicationRecord,
} from './types.js';
