/**
 * No-op detection: a call whose target already is what the call asks for ("Jane Doe is already banned") is not put
 * to a human and not sent. Only a positive reading of the current state counts: when it could not be read, or a
 * field cannot be confirmed from it (a password), the call is asked for as usual.
 */
import type { Action } from '../actions/define-action.js';
import { show } from '../actions/preview-text.js';
import type { ClerkReader } from './clerk-reader.js';
import type { FieldDiff } from './preview-diff.js';

type Obj = Record<string, unknown>;

export interface NoopFacts {
  current: Obj | undefined;
  /** The update diff, when the action is an update and the current object was read. */
  diff: FieldDiff | undefined;
  labels: Record<string, string>;
  reader: ClerkReader;
  signal?: AbortSignal | undefined;
}

const FLAGS: Record<string, { field: string; value: boolean; words: string }> = {
  clerk_user_ban: { field: 'banned', value: true, words: 'is already banned' },
  clerk_user_unban: { field: 'banned', value: false, words: 'is not banned' },
  clerk_user_lock: { field: 'locked', value: true, words: 'is already locked' },
  clerk_user_unlock: { field: 'locked', value: false, words: 'is not locked' },
};

const LISTS: Record<string, { path: string; words: string }> = {
  clerk_allowlist_create: { path: '/allowlist_identifiers', words: 'the allowlist' },
  clerk_blocklist_create: { path: '/blocklist_identifiers', words: 'the blocklist' },
};

/** "… — nothing to change" when the call would leave everything as it is, else undefined. Never throws. */
export async function noopReason(action: Action, args: Obj, facts: NoopFacts): Promise<string | undefined> {
  try {
    return await detect(action, args, facts);
  } catch {
    return undefined;
  }
}

async function detect(action: Action, args: Obj, facts: NoopFacts): Promise<string | undefined> {
  const { current } = facts;
  const flag = FLAGS[action.name];
  if (flag) {
    if (current?.object !== 'user' || current[flag.field] !== flag.value) return undefined;
    return `${who(current, args.user_id)} ${flag.words} — nothing to change`;
  }
  const list = LISTS[action.name];
  if (list) return listed(list, args, facts);
  if (action.name === 'clerk_org_membership_create' || action.name === 'clerk_org_membership_update') {
    if (!current || typeof current.role !== 'string' || current.role !== args.role) return undefined;
    const user = facts.labels[String(args.user_id)] ?? String(args.user_id);
    const org = facts.labels[String(args.organization_id)] ?? String(args.organization_id);
    return `${user} already has the role ${current.role} in ${org} — nothing to change`;
  }
  if (action.name.endsWith('_update') && typeof current?.id === 'string' && facts.diff) {
    const { changes, unconfirmed } = facts.diff;
    const asked = Object.keys(args).filter((k) => !action.path.includes(`{${k}}`) && args[k] !== undefined);
    // An update that names no field is not "already so": it is passed on as asked (and Clerk answers it).
    if (asked.length === 0 || changes.length > 0 || unconfirmed.length > 0) return undefined;
    const id = Object.values(args).find((v) => typeof v === 'string' && v === current.id);
    return `${alreadySo(who(current, id), args, action)} — nothing to change`;
  }
  return undefined;
}

/** Whether `args.identifier` is already on the allow/blocklist (read in full; unknown → undefined). */
async function listed(list: { path: string; words: string }, args: Obj, facts: NoopFacts): Promise<string | undefined> {
  const identifier = args.identifier;
  if (typeof identifier !== 'string') return undefined;
  const value = await facts.reader.get(list.path, {}, facts.signal);
  const items = Array.isArray(value) ? value : (value as Obj | null)?.data;
  if (!Array.isArray(items)) return undefined;
  const found = items.some((item) => (item as Obj | null)?.identifier === identifier);
  return found ? `${identifier} is already on ${list.words} — nothing to change` : undefined;
}

/** "Jane Doe's public metadata already has plan: "pro"; first_name is already "Jane"". */
function alreadySo(name: string, args: Obj, action: Action): string {
  const parts: string[] = [];
  for (const [field, value] of Object.entries(args)) {
    if (action.path.includes(`{${field}}`) || value === undefined) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && field.endsWith('_metadata')) {
      const keys = Object.entries(value as Obj).map(([k, v]) => (v === null ? `no ${k}` : `${k}: ${show(v, 60)}`));
      parts.push(`${field.replace('_', ' ')} already has ${keys.join(', ') || 'those keys'}`);
    } else {
      parts.push(`${field} is already ${show(value, 60)}`);
    }
  }
  return `${name}'s ${parts.join('; ') || 'fields are already so'}`;
}

/** A short name for the object: "Jane Doe" (else her email or username) for a user, the name for anything else. */
function who(current: Obj, id: unknown): string {
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  if (current.object === 'user') {
    const emails = Array.isArray(current.email_addresses) ? (current.email_addresses as Obj[]) : [];
    const email = emails.find((e) => e.id === current.primary_email_address_id) ?? emails[0];
    const name = [str(current.first_name), str(current.last_name)].filter(Boolean).join(' ');
    return name || str(email?.email_address) || str(current.username) || String(id ?? current.id);
  }
  return str(current.name) ?? String(id ?? current.id ?? 'the object');
}
