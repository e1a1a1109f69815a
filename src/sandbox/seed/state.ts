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

/** The collections of a SandboxState, in the order they are stored (the snapshot writes them in this order). */
export const COLLECTION_KEYS = [
  'users',
  'organizations',
  'memberships',
  'organizationInvitations',
  'invitations',
  'sessions',
  'allowlistIdentifiers',
  'blocklistIdentifiers',
  'jwtTemplates',
  'domains',
  'oauthApplications',
] as const;

/** True when `value` has the SandboxState shape (version 1, a counter and every collection as an array). */
export function isSandboxState(value: unknown): value is SandboxState {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v.version === 1 && Number.isInteger(v.nextId) && COLLECTION_KEYS.every((c) => Array.isArray(v[c]));
}
