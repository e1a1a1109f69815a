/** The empty state and a deep copy helper. */
import type { SandboxState } from '../types.js';

/** A state with no records; the id counter starts at 1 (0 is the instance id). */
export function emptyState(): SandboxState {
  return {
    version: 1,
    nextId: 1,
    users: [],
    organizations: [],
    memberships: [],
    organizationInvitations: [],
    invitations: [],
    sessions: [],
    allowlistIdentifiers: [],
    blocklistIdentifiers: [],
    jwtTemplates: [],
    domains: [],
    oauthApplications: [],
  };
}

/** A deep copy, so callers can never reach into the live state. */
export function cloneState(state: SandboxState): SandboxState {
  return structuredClone(state);
}
