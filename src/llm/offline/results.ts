/**
 * Reading tool messages: the owners.md envelope (ok/result, error, denied, skipped, dry_run) and the compacted
 * Clerk objects inside it. Also tolerates raw Clerk JSON (no envelope, uncompacted objects) so the model works
 * behind any loop that passes results through.
 */

type Obj = Record<string, unknown>;

/** One tool message, parsed. */
export type Envelope =
  | { status: 'ok'; result: unknown }
  | { status: 'dry_run'; message: string }
  /** The call would have changed nothing (already so): not asked, not sent. */
  | { status: 'noop'; message: string }
  | { status: 'error'; message: string; httpStatus?: number; code?: string; errorKind?: string }
  | { status: 'denied'; reason: string }
  | { status: 'skipped'; message: string };

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Parses a tool message's content. Non-JSON text is an error envelope carrying that text. */
export function parseEnvelope(content: string): Envelope {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return { status: 'error', message: content.slice(0, 300) };
  }
  if (!isObj(value) || typeof value.ok !== 'boolean') return { status: 'ok', result: value };
  if (value.ok) {
    if (value.dry_run === true) return { status: 'dry_run', message: str(value.message) ?? 'Dry run: not executed.' };
    if (value.noop === true) return { status: 'noop', message: str(value.message) ?? 'already so' };
    return { status: 'ok', result: value.result };
  }
  if (value.denied === true) return { status: 'denied', reason: str(value.reason) ?? 'denied' };
  if (value.skipped === true) return { status: 'skipped', message: str(value.message) ?? 'not run' };
  const error = isObj(value.error) ? value.error : {};
  return {
    status: 'error',
    message: str(error.message) ?? str(value.message) ?? 'unknown error',
    ...(typeof error.status === 'number' ? { httpStatus: error.status } : {}),
    ...(str(error.code) ? { code: str(error.code)! } : {}),
    ...(str(error.kind) ? { errorKind: str(error.kind)! } : {}),
  };
}

/** A page of a list result. */
export interface Page {
  items: Obj[];
  total?: number;
  more: boolean;
}

/** The items of a list result (compacted `{data, total_count, note}`, Clerk `{data,total_count}` or a bare array). */
export function asPage(result: unknown): Page {
  if (Array.isArray(result)) return { items: result.filter(isObj), more: false };
  if (isObj(result) && Array.isArray(result.data)) {
    const total = typeof result.total_count === 'number' ? result.total_count : undefined;
    return {
      items: result.data.filter(isObj),
      ...(total !== undefined ? { total } : {}),
      more: typeof result.note === 'string',
    };
  }
  if (isObj(result)) return { items: [result], more: false };
  return { items: [], more: false };
}

/** What the summaries need about a user. */
export interface UserRow {
  id: string;
  name: string | null;
  email: string | null;
  username?: string;
  externalId?: string;
  phone?: string;
  banned: boolean;
  locked: boolean;
  createdAt: string | null;
  lastActiveAt: string | null;
  lastSignInAt: string | null;
  publicMetadata?: unknown;
  /** True when only the id is known (no read was made), so banned/locked are unknown. */
  stub?: boolean;
}

/** The user's phone: the compacted `phone`, else the primary (or first) of Clerk's phone_numbers. */
function phoneOf(o: Obj): string | undefined {
  if (str(o.phone)) return str(o.phone)!;
  const phones = Array.isArray(o.phone_numbers) ? o.phone_numbers.filter(isObj) : [];
  const primary = phones.find((p) => p.id === o.primary_phone_number_id) ?? phones[0];
  return str(primary?.phone_number) ?? undefined;
}

/** A compacted (or raw) Clerk user → UserRow. */
export function toUser(o: Obj): UserRow {
  const rawEmails = Array.isArray(o.email_addresses) ? o.email_addresses.filter(isObj) : [];
  const primary = rawEmails.find((e) => e.id === o.primary_email_address_id) ?? rawEmails[0];
  const name = str(o.name) ?? ([str(o.first_name), str(o.last_name)].filter(Boolean).join(' ') || null);
  const phone = phoneOf(o);
  return {
    id: String(o.id ?? ''),
    name,
    email: str(o.email) ?? str(primary?.email_address) ?? null,
    ...(str(o.username) ? { username: str(o.username)! } : {}),
    ...(str(o.external_id) ? { externalId: str(o.external_id)! } : {}),
    ...(phone ? { phone } : {}),
    banned: o.banned === true,
    locked: o.locked === true,
    createdAt: time(o.created_at),
    lastActiveAt: time(o.last_active_at),
    lastSignInAt: time(o.last_sign_in_at),
    ...(o.public_metadata !== undefined ? { publicMetadata: o.public_metadata } : {}),
  };
}

/** ISO string from an ISO string or Unix ms. */
export function time(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v).toISOString();
  return null;
}

/** "Jane Doe <jane@example.com>" (falls back to the email or the id). */
export function userLabel(u: UserRow): string {
  if (u.name && u.email) return `${u.name} <${u.email}>`;
  // (No name but a username: the handle people call them by comes first — "@nightowl <n.owl@x.test>".)
  if (!u.name && u.email && u.username) return `@${u.username} <${u.email}>`;
  // (A service account with neither name nor address is shown by its username: "deploy-bot".)
  return u.name ?? u.email ?? (u.username ? `@${u.username}` : u.id);
}

/** What the summaries need about an organization. */
export interface OrgRow {
  id: string;
  name: string;
  slug: string;
  membersCount?: number;
  maxAllowed?: number;
  createdAt: string | null;
  publicMetadata?: unknown;
  /** The user who created it (Clerk's `created_by`), when the listing says. */
  createdBy?: string;
}

/** A compacted (or raw) organization → OrgRow. */
export function toOrg(o: Obj): OrgRow {
  return {
    id: String(o.id ?? ''),
    name: str(o.name) ?? String(o.id ?? ''),
    slug: str(o.slug) ?? '',
    ...(typeof o.members_count === 'number' ? { membersCount: o.members_count } : {}),
    ...(typeof o.max_allowed_memberships === 'number' ? { maxAllowed: o.max_allowed_memberships } : {}),
    createdAt: time(o.created_at),
    ...(o.public_metadata !== undefined ? { publicMetadata: o.public_metadata } : {}),
    ...(str(o.created_by) ? { createdBy: str(o.created_by)! } : {}),
  };
}

/** What the summaries need about a membership. */
interface MemberRow {
  userId: string;
  orgId: string;
  orgName?: string;
  name: string | null;
  email: string | null;
  role: string;
}

/** A compacted (or raw) membership → MemberRow. */
export function toMember(o: Obj): MemberRow {
  const user = isObj(o.public_user_data) ? o.public_user_data : {};
  const org = isObj(o.organization) ? o.organization : {};
  const name = str(o.name) ?? ([str(user.first_name), str(user.last_name)].filter(Boolean).join(' ') || null);
  return {
    userId: String(o.user_id ?? user.user_id ?? ''),
    orgId: String(o.organization_id ?? org.id ?? ''),
    ...((str(o.organization_name) ?? str(org.name)) ? { orgName: (str(o.organization_name) ?? str(org.name))! } : {}),
    name,
    email: str(o.email) ?? str(user.identifier) ?? null,
    role: String(o.role ?? ''),
  };
}

/** A field of any object as a string, or undefined. */
export function field(o: Obj, key: string): string | undefined {
  const v = o[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A single object result (or the first item of a list). */
export function asObject(result: unknown): Obj | undefined {
  if (isObj(result) && !Array.isArray(result.data)) return result;
  return asPage(result).items[0];
}
