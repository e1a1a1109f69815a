/**
 * What else a mutation changes, in words for the approval card: "its 12 memberships … are removed", "their 3
 * active sessions end". Counts come from best-effort reads; without them the sentence is still said, uncounted.
 */
import type { Action } from '../actions/define-action.js';
import type { ClerkReader } from './clerk-reader.js';

type Obj = Record<string, unknown>;

export interface ConsequenceFacts {
  /** The target object as read before the change (undefined if it could not be read). */
  current: Obj | undefined;
  labels: Record<string, string>;
  reader: ClerkReader;
  signal?: AbortSignal | undefined;
}

const FIXED: Record<string, string> = {
  clerk_user_lock: 'They cannot sign in until unlocked.',
  clerk_session_revoke: 'The user is signed out of this session.',
  clerk_invitation_revoke: 'The invitation link stops working.',
  clerk_org_invitation_revoke: 'The invitation link stops working.',
  clerk_allowlist_create: 'While the allowlist is on, only allowlisted identifiers can sign up.',
  clerk_allowlist_delete: 'While the allowlist is on, this identifier can no longer sign up.',
  clerk_blocklist_create: 'This identifier can no longer sign up or sign in.',
  clerk_blocklist_delete: 'This identifier can sign up again.',
  clerk_jwt_template_update: 'Tokens issued from now on use the new settings.',
  clerk_jwt_template_delete: 'Tokens can no longer be issued from this template.',
  clerk_domain_delete: 'The satellite domain stops working.',
  clerk_client_delete: 'Apps using this OAuth application can no longer sign users in.',
};

/** The consequences that follow from the action alone (no reads): every card for it must say them. */
export function fixedConsequences(action: Action): string[] {
  const out: string[] = [];
  const fixed = FIXED[action.name];
  if (fixed) out.push(fixed);
  if (action.method === 'DELETE') out.push('This cannot be undone.');
  return out;
}

/** Knock-on effects of `action` with `args`. Never throws. */
export async function consequencesFor(action: Action, args: Obj, facts: ConsequenceFacts): Promise<string[]> {
  const out: string[] = [];
  const userId = typeof args.user_id === 'string' ? args.user_id : undefined;
  switch (action.name) {
    case 'clerk_user_delete': {
      const [sessions, memberships] = await Promise.all([
        activeSessions(userId, facts),
        membershipCount(userId, facts),
      ]);
      out.push(
        `The user is deleted with ${count(sessions, 'active session')} and ${count(memberships, 'organization membership')}.`,
      );
      break;
    }
    case 'clerk_user_ban': {
      const sessions = await activeSessions(userId, facts);
      out.push(
        `All of their sessions are revoked (${count(sessions, 'active now', true)}); they cannot sign in until unbanned.`,
      );
      break;
    }
    case 'clerk_organization_delete': {
      const members = num(facts.current?.members_count);
      const invites = num(facts.current?.pending_invitations_count);
      const m = members === undefined ? 'all its memberships' : `its ${count(members, 'membership')}`;
      const i = invites === undefined ? 'pending invitations' : count(invites, 'pending invitation');
      out.push(`${m[0]!.toUpperCase()}${m.slice(1)} and ${i} are removed.`);
      break;
    }
    case 'clerk_org_membership_delete': {
      const org =
        typeof args.organization_id === 'string'
          ? (facts.labels[args.organization_id] ?? args.organization_id)
          : 'the organization';
      out.push(`The user loses access to ${org}.`);
      break;
    }
    default: {
      const fixed = FIXED[action.name];
      if (fixed) out.push(fixed);
    }
  }
  if (action.method === 'DELETE') out.push('This cannot be undone.');
  return out;
}

async function activeSessions(userId: string | undefined, facts: ConsequenceFacts): Promise<number | undefined> {
  if (!userId) return undefined;
  try {
    const value = await facts.reader.get('/sessions', { user_id: userId, status: 'active', limit: 500 }, facts.signal);
    return Array.isArray(value) ? value.length : num((value as Obj | null)?.total_count);
  } catch {
    return undefined;
  }
}

async function membershipCount(userId: string | undefined, facts: ConsequenceFacts): Promise<number | undefined> {
  if (!userId) return undefined;
  try {
    const value = await facts.reader.get(
      `/users/${encodeURIComponent(userId)}/organization_memberships`,
      { limit: 1 },
      facts.signal,
    );
    return num((value as Obj | null)?.total_count);
  } catch {
    return undefined;
  }
}

function count(n: number | undefined, noun: string, fixedNoun = false): string {
  if (n === undefined) return fixedNoun ? `count unknown` : `all their ${noun}s`;
  if (fixedNoun) return `${n} ${noun}`;
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
