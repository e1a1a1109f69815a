/** Identities: who asked and who decided, written `via:id` in the audit. */
import type { Identity, Via } from './types.js';

export const VIAS: readonly Via[] = ['terminal', 'slack', 'mcp', 'web', 'eval', 'system'];

/** `via:id`, the form the audit and the policy file use. */
export function formatIdentity(identity: Identity): string {
  return `${identity.via}:${identity.id}`;
}

/** The person at this terminal (config.requester is `local:<user>`; the queue calls it `terminal:<user>`). */
export function terminalIdentity(requester: string): Identity {
  const user = requester.replace(/^(local|terminal):/, '') || 'admin';
  return { via: 'terminal', id: user, name: user };
}

/** Same person? Compared by via and id (names are display copy). */
export function sameIdentity(a: Identity, b: Identity): boolean {
  return a.via === b.via && a.id === b.id;
}

/** A short label for messages: "Alice (slack:U123)". */
export function describeIdentity(identity: Identity): string {
  const key = formatIdentity(identity);
  return identity.name && identity.name !== identity.id ? `${identity.name} (${key})` : key;
}
