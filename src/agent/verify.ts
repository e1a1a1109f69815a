/**
 * The verification read after a lost reply (lost-reply.ts): where the action allows it, one read shows whether the
 * change took effect (banned? locked? member? invitation revoked? fields set? object gone?). The answer is what the
 * read showed, in words, e.g. "Jane Doe is now banned (checked)"; undefined when no read can tell.
 * Reads go through the read-only reader: verification can never cause a write.
 */
import type { Action } from '../actions/define-action.js';
import type { Registry } from '../actions/registry.js';
import { ClerkApiError } from '../clerk/errors.js';
import type { ClerkReader } from './clerk-reader.js';
import { fetchCurrent, getActionFor, getArgsFrom } from './current-object.js';

type Obj = Record<string, unknown>;

/** What the read showed: whether the change is in place, in words, and the object read (for the tool result). */
export interface Verification {
  done: boolean;
  /** e.g. "Jane Doe is now banned (checked)" or "Jane Doe is not banned (checked)". */
  what: string;
  object?: unknown;
}

export interface VerifyInput {
  registry: Registry;
  reader: ClerkReader;
  action: Action;
  args: Obj;
  /** The object before the change, when it was read (for its name). */
  before?: Obj | undefined;
  signal?: AbortSignal;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** A person's or object's name for the sentence: "Jane Doe", an org's name, else its id. */
function nameOf(obj: Obj | undefined, fallback: string): string {
  if (!obj) return fallback;
  const person = [str(obj.first_name), str(obj.last_name)].filter(Boolean).join(' ');
  return person || str(obj.name) || str(obj.username) || str(obj.email_address) || str(obj.id) || fallback;
}

/** The flag checks: action → field that must hold `value` afterwards, and the words for yes and no. */
const FLAGS: Record<string, { field: string; value: boolean; yes: string; no: string }> = {
  clerk_user_ban: { field: 'banned', value: true, yes: 'is now banned', no: 'is not banned' },
  clerk_user_unban: { field: 'banned', value: false, yes: 'is no longer banned', no: 'is still banned' },
  clerk_user_lock: { field: 'locked', value: true, yes: 'is now locked', no: 'is not locked' },
  clerk_user_unlock: { field: 'locked', value: false, yes: 'is no longer locked', no: 'is still locked' },
};

/** Fields an update sets that a read cannot show back (or must not be compared). */
const UNCOMPARABLE = new Set(['password', 'skip_password_checks', 'sign_out_of_other_sessions', 'notify']);

/** Reads back the effect of `action`; undefined when no read can tell (then the outcome stays unknown). */
export async function verifyOutcome(input: VerifyInput): Promise<Verification | undefined> {
  const { action, args } = input;
  const flag = FLAGS[action.name];
  if (flag) {
    const now = await readTarget(input);
    if (!now || typeof now[flag.field] !== 'boolean') return undefined;
    const done = now[flag.field] === flag.value;
    return { done, what: `${nameOf(now, String(args.user_id))} ${done ? flag.yes : flag.no} (checked)`, object: now };
  }
  if (action.name === 'clerk_org_membership_create' || action.name === 'clerk_org_membership_delete')
    return verifyMembership(input, action.name.endsWith('_create'));
  if (action.name === 'clerk_org_membership_update') return verifyMembershipRole(input);
  if (action.name === 'clerk_invitation_revoke') return verifyInvitationRevoked(input);
  if (action.name === 'clerk_org_invitation_revoke') return verifyOrgInvitationRevoked(input);
  if (action.method === 'DELETE') return verifyGone(input);
  if (action.method === 'PATCH') return verifyFields(input);
  return undefined;
}

/** The target object now, through the action's `_get` read (undefined when unreadable). */
function readTarget(input: VerifyInput): Promise<Obj | undefined> {
  return fetchCurrent(input.registry, input.reader, input.action, input.args, input.signal);
}

async function verifyGone(input: VerifyInput): Promise<Verification | undefined> {
  const get = getActionFor(input.registry, input.action);
  if (!get) return undefined;
  const getArgs = getArgsFrom(get, input.args);
  const parsed = get.params.safeParse(getArgs);
  if (!parsed.success) return undefined;
  const name = nameOf(input.before, String(Object.values(getArgs)[0] ?? 'the object'));
  try {
    const still = await input.reader.read(get, parsed.data as Obj, input.signal);
    return {
      done: false,
      what: `${nameOf(isObj(still) ? still : input.before, name)} still exists (checked)`,
      object: still,
    };
  } catch (error) {
    if (error instanceof ClerkApiError && error.status === 404)
      return { done: true, what: `${name} no longer exists (checked)` };
    return undefined;
  }
}

/** Every key of `patch` holds in `target` (metadata is deep-merged, and a null deletes the key). */
function holds(target: unknown, patch: unknown): boolean {
  if (isObj(patch)) {
    if (!isObj(target)) return false;
    return Object.entries(patch).every(([k, v]) =>
      v === null ? !(k in target) || target[k] === null : holds(target[k], v),
    );
  }
  return JSON.stringify(target) === JSON.stringify(patch);
}

async function verifyFields(input: VerifyInput): Promise<Verification | undefined> {
  const now = await readTarget(input);
  if (!now) return undefined;
  const idKeys = new Set(Object.keys(input.args).filter((k) => k.endsWith('_id') && !(k in now)));
  const fields = Object.keys(input.args).filter((k) => !idKeys.has(k) && !UNCOMPARABLE.has(k) && k in now);
  // A field the read cannot show (e.g. a password) leaves the question open.
  if (fields.length === 0) return undefined;
  const ok = fields.every((k) =>
    k.endsWith('_metadata')
      ? holds(now[k], input.args[k])
      : holds(now[k] === null && input.args[k] === '' ? '' : now[k], input.args[k]),
  );
  const name = nameOf(now, 'the object');
  return {
    done: ok,
    what: `${name} ${ok ? 'shows' : 'does not show'} the new ${fields.join(', ')} (checked)`,
    object: now,
  };
}

async function verifyMembership(input: VerifyInput, shouldExist: boolean): Promise<Verification | undefined> {
  const org = String(input.args.organization_id);
  const user = String(input.args.user_id);
  const member = await findMembership(input, org, user);
  if (member === 'error') return undefined;
  const exists = member !== undefined;
  // After a removal the listing no longer has the names: take them from the membership read before the change.
  const known = member ?? input.before;
  const who = isObj(known?.public_user_data)
    ? nameOf(known.public_user_data as Obj, user)
    : await nameByRead(input, `/users/${encodeURIComponent(user)}`, user);
  const where = isObj(known?.organization)
    ? nameOf(known.organization as Obj, org)
    : await nameByRead(input, `/organizations/${encodeURIComponent(org)}`, org);
  return {
    done: exists === shouldExist,
    what: `${who} ${exists ? 'is' : 'is not'} a member of ${where} (checked)`,
    ...(member ? { object: member } : {}),
  };
}

async function verifyMembershipRole(input: VerifyInput): Promise<Verification | undefined> {
  const member = await findMembership(input, String(input.args.organization_id), String(input.args.user_id));
  if (member === 'error' || member === undefined) return undefined;
  const done = member.role === input.args.role;
  const who = nameOf(
    isObj(member.public_user_data) ? (member.public_user_data as Obj) : undefined,
    String(input.args.user_id),
  );
  return { done, what: `${who} has the role ${String(member.role)} (checked)`, object: member };
}

/** The name of the object at `path` (one read), or `fallback` when it cannot be read. */
async function nameByRead(input: VerifyInput, path: string, fallback: string): Promise<string> {
  try {
    const obj = await input.reader.get(path, undefined, input.signal);
    return nameOf(isObj(obj) ? obj : undefined, fallback);
  } catch {
    return fallback;
  }
}

async function findMembership(input: VerifyInput, org: string, user: string): Promise<Obj | undefined | 'error'> {
  try {
    const page = await input.reader.get(
      `/organizations/${encodeURIComponent(org)}/memberships`,
      { user_id: [user], limit: 10 },
      input.signal,
    );
    const items = isObj(page) && Array.isArray(page.data) ? page.data : [];
    return items.find(
      (m): m is Obj => isObj(m) && isObj(m.public_user_data) && (m.public_user_data as Obj).user_id === user,
    );
  } catch {
    return 'error';
  }
}

/** The invitation's status after a revoke: Clerk's list accepts the invitation id as `query`. */
async function verifyInvitationRevoked(input: VerifyInput): Promise<Verification | undefined> {
  const id = String(input.args.invitation_id);
  try {
    const list = await input.reader.get('/invitations', { query: id, status: ['revoked'], limit: 10 }, input.signal);
    const items = Array.isArray(list) ? list : isObj(list) && Array.isArray(list.data) ? list.data : [];
    const found = items.find((i): i is Obj => isObj(i) && i.id === id);
    if (found)
      return { done: true, what: `the invitation for ${nameOf(found, id)} is revoked (checked)`, object: found };
    const pending = await input.reader.get('/invitations', { query: id, limit: 10 }, input.signal);
    const open = (Array.isArray(pending) ? pending : []).find((i): i is Obj => isObj(i) && i.id === id);
    return open
      ? {
          done: false,
          what: `the invitation for ${nameOf(open, id)} is still ${String(open.status)} (checked)`,
          object: open,
        }
      : undefined;
  } catch {
    return undefined;
  }
}

async function verifyOrgInvitationRevoked(input: VerifyInput): Promise<Verification | undefined> {
  const org = encodeURIComponent(String(input.args.organization_id));
  const id = encodeURIComponent(String(input.args.invitation_id));
  try {
    const inv = await input.reader.get(`/organizations/${org}/invitations/${id}`, undefined, input.signal);
    if (!isObj(inv) || typeof inv.status !== 'string') return undefined;
    const done = inv.status === 'revoked';
    return {
      done,
      what: `the invitation for ${nameOf(inv, String(input.args.invitation_id))} is ${done ? 'revoked' : `still ${inv.status}`} (checked)`,
      object: inv,
    };
  } catch {
    return undefined;
  }
}
