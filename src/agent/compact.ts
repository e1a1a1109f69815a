/**
 * Tool-result compaction (owners.md "Compaction"): what the model reads instead of Clerk's raw JSON. Users,
 * organizations and memberships are projected to the fields an admin reasons with; other objects keep Clerk's
 * field names minus noise; lists carry their total, position and a note on how to get more. Timestamps become
 * ISO-8601 strings at minute precision (`2026-11-20T10:00Z`: seconds cost tokens and tell an admin nothing); a
 * user's `last_active_at`, which Clerk keeps with day precision, is a date. A user's `banned` and `locked` appear
 * only when true. `private_metadata` is dropped everywhere unless the operator exposes it.
 */

export interface CompactOptions {
  exposePrivateMetadata?: boolean;
  /** The `offset` the list call used (default 0). */
  offset?: number;
  /** The `limit` the list call used (Clerk's default is 10); lets a bare-array page say "more may exist". */
  limit?: number;
}

type Obj = Record<string, unknown>;

/** Fields of "other" objects that cost tokens and tell an admin nothing (or hold a credential). */
const NOISE = new Set([
  'image_url',
  'profile_image_url',
  'has_image',
  'logo_url',
  'client_image_url',
  'instance_id',
  'updated_at',
  'verification',
  'linked_to',
  'public_inviter_data',
  'url',
  'authorize_url',
  'token_fetch_url',
  'user_info_url',
  'discovery_url',
  'token_introspection_url',
  'role_name',
  'permissions',
]);

const CLERK_DEFAULT_LIMIT = 10;

/**
 * Pages longer than this list users and memberships in a slim form (ids, names, emails; flags only when set):
 * a 100-user page must stay under 4,000 tokens, and a 27-character Clerk id alone costs ~20.
 */
export const SLIM_PAGE_SIZE = 25;
const SLIM_METADATA_CHARS = 80;
const SLIM_NOTE = 'long page: items are trimmed; call the _get tool for full details';

/** Compacts any Clerk response (object, list envelope or bare array). */
export function compact(value: unknown, options: CompactOptions = {}): unknown {
  if (Array.isArray(value)) return compactList(value, undefined, options);
  if (isObj(value) && Array.isArray(value.data) && value.object === undefined) {
    return compactList(value.data, typeof value.total_count === 'number' ? value.total_count : undefined, options);
  }
  return compactItem(value, options);
}

/** Unix ms → ISO-8601 at minute precision (`2026-11-20T10:00Z`); anything that is not a finite number → null. */
function isoTime(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? `${new Date(value).toISOString().slice(0, 16)}Z` : null;
}

/** Unix ms → ISO-8601 date (`2026-11-20`), for values Clerk keeps with day precision. */
function isoDay(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString().slice(0, 10) : null;
}

function compactList(items: unknown[], total: number | undefined, options: CompactOptions): Obj {
  const offset = options.offset ?? 0;
  const slim = items.length > SLIM_PAGE_SIZE;
  const data = items.map((item) => (slim ? slimItem(item, options) : compactItem(item, options)));
  const out: Obj = {};
  if (total !== undefined) out.total_count = total;
  out.returned = data.length;
  out.offset = offset;
  out.data = data;
  const next = offset + data.length;
  const notes: string[] = [];
  if (total !== undefined && next < total) notes.push(`more: call again with offset=${next} (${total - next} left)`);
  else if (total === undefined && data.length > 0 && data.length >= (options.limit ?? CLERK_DEFAULT_LIMIT)) {
    notes.push(`more may exist: call again with offset=${next}`);
  }
  if (slim && items.some((i) => isObj(i) && (i.object === 'user' || i.object === 'organization_membership')))
    notes.push(SLIM_NOTE);
  if (notes.length > 0) out.note = notes.join('; ');
  return out;
}

/** The long-page form of an item: users and memberships trimmed to what finding someone needs. */
function slimItem(value: unknown, options: CompactOptions): unknown {
  if (!isObj(value)) return value;
  if (value.object === 'user') {
    // (A username or external id is how people name someone too — "liamt", "CRM ref crm-2077" — so it stays.)
    const { id, name, email, username, external_id, banned, locked, public_metadata } = compactUser(value, options);
    // (A short public metadata stays too: people name someone by what their profile says — "the CEO", "the one
    // in Finance". A long one is left to the _get tool, so a page stays small.)
    const shortMetadata =
      public_metadata !== undefined && JSON.stringify(public_metadata).length <= SLIM_METADATA_CHARS;
    return {
      id,
      name,
      email,
      ...(username ? { username } : {}),
      ...(external_id ? { external_id } : {}),
      ...(banned ? { banned } : {}),
      ...(locked ? { locked } : {}),
      ...(shortMetadata ? { public_metadata } : {}),
    };
  }
  if (value.object === 'organization_membership') {
    const { organization_id: _org, organization_name: _name, created_at: _created, ...rest } = compactMembership(value);
    return rest;
  }
  return compactItem(value, options);
}

function compactItem(value: unknown, options: CompactOptions): unknown {
  if (Array.isArray(value)) return value.map((v) => compactItem(v, options));
  if (!isObj(value)) return value;
  switch (value.object) {
    case 'user':
      return compactUser(value, options);
    case 'organization':
      return compactOrganization(value, options);
    case 'organization_membership':
      return compactMembership(value);
    default:
      return compactOther(value, options);
  }
}

/** A Clerk user → `{id, name, email, …}` (owners.md field list; `banned`/`locked` only when true). */
function compactUser(u: Obj, options: CompactOptions = {}): Obj {
  const emails = arr(u.email_addresses).filter(isObj);
  const primary = emails.find((e) => e.id === u.primary_email_address_id) ?? emails[0];
  const phones = arr(u.phone_numbers).filter(isObj);
  const phone = phones.find((p) => p.id === u.primary_phone_number_id) ?? phones[0];
  const out: Obj = { id: u.id, name: fullName(u.first_name, u.last_name), email: str(primary?.email_address) };
  const others = emails.filter((e) => e !== primary).map((e) => e.email_address);
  if (others.length > 0) out.other_emails = others;
  if (typeof u.username === 'string' && u.username) out.username = u.username;
  if (typeof phone?.phone_number === 'string') out.phone = phone.phone_number;
  if (u.banned === true) out.banned = true;
  if (u.locked === true) out.locked = true;
  out.created_at = isoTime(u.created_at);
  out.last_active_at = isoDay(u.last_active_at);
  out.last_sign_in_at = isoTime(u.last_sign_in_at);
  if (typeof u.external_id === 'string' && u.external_id) out.external_id = u.external_id;
  copyMetadata(u, out, options);
  const memberships = arr(u.organization_memberships).filter(isObj);
  if (memberships.length > 0) out.organization_memberships = memberships.map(compactMembership);
  return out;
}

/** A Clerk organization → `{id, name, slug, members_count?, max_allowed_memberships, created_at, public_metadata?}`. */
function compactOrganization(o: Obj, options: CompactOptions = {}): Obj {
  const out: Obj = { id: o.id, name: o.name, slug: o.slug };
  if (typeof o.members_count === 'number') out.members_count = o.members_count;
  if (typeof o.pending_invitations_count === 'number') out.pending_invitations_count = o.pending_invitations_count;
  out.max_allowed_memberships = o.max_allowed_memberships;
  // (Who created it: "the org Ann set up", "whoever created Foo" are answered from it.)
  if (typeof o.created_by === 'string' && o.created_by) out.created_by = o.created_by;
  out.created_at = isoTime(o.created_at);
  copyMetadata(o, out, options);
  return out;
}

/** A membership → `{id, organization_id, organization_name?, user_id, email?, name?, role, created_at}`. */
function compactMembership(m: Obj): Obj {
  const org = isObj(m.organization) ? m.organization : {};
  const user = isObj(m.public_user_data) ? m.public_user_data : {};
  const out: Obj = { id: m.id, organization_id: org.id ?? m.organization_id };
  if (typeof org.name === 'string') out.organization_name = org.name;
  out.user_id = user.user_id ?? m.user_id;
  if (typeof user.identifier === 'string') out.email = user.identifier;
  const name = fullName(user.first_name, user.last_name);
  if (name) out.name = name;
  out.role = m.role;
  out.created_at = isoTime(m.created_at);
  return out;
}

function compactOther(o: Obj, options: CompactOptions): Obj {
  const out: Obj = {};
  for (const [key, value] of Object.entries(o)) {
    if (NOISE.has(key)) continue;
    if (key === 'private_metadata' && !options.exposePrivateMetadata) continue;
    if (key === 'client_secret') {
      out[key] = '[hidden: secrets are never shown to the model; see the Clerk Dashboard]';
    } else if (key.endsWith('_at') && typeof value === 'number') {
      out[key] = isoTime(value);
    } else if (isObj(value) && key !== 'public_metadata' && key !== 'private_metadata' && key !== 'claims') {
      out[key] = compactItem(value, options);
    } else if (Array.isArray(value)) {
      out[key] = value.map((v) => compactItem(v, options));
    } else {
      out[key] = value;
    }
  }
  return out;
}

function copyMetadata(from: Obj, to: Obj, options: CompactOptions): void {
  if (nonEmpty(from.public_metadata)) to.public_metadata = from.public_metadata;
  if (options.exposePrivateMetadata && nonEmpty(from.private_metadata)) to.private_metadata = from.private_metadata;
  if (nonEmpty(from.unsafe_metadata)) to.unsafe_metadata = from.unsafe_metadata;
}

function fullName(first: unknown, last: unknown): string | null {
  const name = [first, last].filter((p) => typeof p === 'string' && p.trim() !== '').join(' ');
  return name === '' ? null : name;
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const nonEmpty = (v: unknown): boolean => isObj(v) && Object.keys(v).length > 0;
