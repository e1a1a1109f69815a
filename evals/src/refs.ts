/**
 * `${kind:key}` references in scenario files, resolved to real ids through the sandbox's own API, so scenarios
 * name things the way people do (`${user:jane@example.com}`, `${org:acme}`) and survive seed id changes.
 *
 * Kinds: user:<email|username> · email_id:<email> · org:<slug> · session:<email>[#n] (n-th active session, 0-based) ·
 * membership:<slug>/<email> · invitation:<email> · org_invitation:<slug>/<email> · allowlist:<identifier> ·
 * blocklist:<identifier> · jwt:<name> · domain:<name> · oauth:<name> ·
 * count:<path[?query]> (how many items a list endpoint holds, paging 500 at a time; for read-only questions).
 */

/** The part of the sandbox API refs need (fetch and a key). */
export interface ApiTarget {
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  readonly baseUrl: string;
  readonly secretKey: string;
}

const REF = /\$\{([a-z_]+):([^}]+)\}/g;

/** GET a sandbox path (relative to /v1) and parse JSON; throws with the status on failure. */
export async function apiGet(target: ApiTarget, path: string, query: Record<string, string> = {}): Promise<unknown> {
  const url = new URL(target.baseUrl.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
  const res = await target.fetch(url.toString(), {
    headers: { authorization: `Bearer ${target.secretKey}`, 'clerk-api-version': '2026-05-12' },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}`);
  return text ? JSON.parse(text) : null;
}

/** Items of a bare-array or `{data: [...]}` list response. */
export function asList(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value as Array<Record<string, unknown>>;
  const data = (value as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? (data as Array<Record<string, unknown>>) : [];
}

const eq = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

async function findUser(t: ApiTarget, key: string): Promise<Record<string, unknown> | undefined> {
  const byEmail = asList(await apiGet(t, '/users', { email_address: key, limit: '10' }));
  if (byEmail[0]) return byEmail[0];
  return asList(await apiGet(t, '/users', { username: key, limit: '10' }))[0];
}

async function findOrg(t: ApiTarget, slug: string): Promise<Record<string, unknown> | undefined> {
  const list = asList(await apiGet(t, '/organizations', { limit: '500' }));
  return list.find((o) => eq(o.slug, slug) || eq(o.name, slug));
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`no ${what} in the fixture`);
  return value;
}

/** Resolve one reference to an id. Throws an Error saying what was not found. */
export async function resolveRef(t: ApiTarget, kind: string, key: string): Promise<string> {
  switch (kind) {
    case 'user':
      return String(need(await findUser(t, key), `user with email or username "${key}"`).id);
    case 'email_id': {
      const user = need(await findUser(t, key), `user with email "${key}"`);
      const email = (user.email_addresses as Array<Record<string, unknown>>).find((e) => eq(e.email_address, key));
      return String(need(email, `email address "${key}"`).id);
    }
    case 'org':
      return String(need(await findOrg(t, key), `organization with slug or name "${key}"`).id);
    case 'session': {
      const [email, index] = key.split('#');
      const user = need(await findUser(t, email!), `user "${email}"`);
      const sessions = asList(
        await apiGet(t, '/sessions', { user_id: String(user.id), status: 'active', limit: '500' }),
      );
      return String(need(sessions[Number(index ?? 0)], `active session #${index ?? 0} of "${email}"`).id);
    }
    case 'membership': {
      const [slug, email] = splitPair(key);
      const org = need(await findOrg(t, slug), `organization "${slug}"`);
      const user = need(await findUser(t, email), `user "${email}"`);
      const list = asList(await apiGet(t, `/organizations/${String(org.id)}/memberships`, { limit: '500' }));
      const m = list.find((x) => (x.public_user_data as Record<string, unknown> | undefined)?.user_id === user.id);
      return String(need(m, `membership of "${email}" in "${slug}"`).id);
    }
    case 'invitation': {
      const list = asList(await apiGet(t, '/invitations', { limit: '500' })).filter((i) => eq(i.email_address, key));
      const pick = list.find((i) => i.status === 'pending') ?? list[0];
      return String(need(pick, `invitation for "${key}"`).id);
    }
    case 'org_invitation': {
      const [slug, email] = splitPair(key);
      const org = need(await findOrg(t, slug), `organization "${slug}"`);
      const list = asList(await apiGet(t, `/organizations/${String(org.id)}/invitations`, { limit: '500' })).filter(
        (i) => eq(i.email_address, email),
      );
      const pick = list.find((i) => i.status === 'pending') ?? list[0];
      return String(need(pick, `organization invitation for "${email}" at "${slug}"`).id);
    }
    case 'allowlist':
      return String(
        need(
          asList(await apiGet(t, '/allowlist_identifiers')).find((x) => eq(x.identifier, key)),
          `allowlist identifier "${key}"`,
        ).id,
      );
    case 'blocklist':
      return String(
        need(
          asList(await apiGet(t, '/blocklist_identifiers')).find((x) => eq(x.identifier, key)),
          `blocklist identifier "${key}"`,
        ).id,
      );
    case 'jwt':
      return String(
        need(
          asList(await apiGet(t, '/jwt_templates')).find((x) => eq(x.name, key)),
          `JWT template "${key}"`,
        ).id,
      );
    case 'domain':
      return String(
        need(
          asList(await apiGet(t, '/domains')).find((x) => eq(x.name, key)),
          `domain "${key}"`,
        ).id,
      );
    case 'oauth':
      return String(
        need(
          asList(await apiGet(t, '/oauth_applications', { limit: '500' })).find((x) => eq(x.name, key)),
          `OAuth application "${key}"`,
        ).id,
      );
    case 'count':
      return String(await countItems(t, key));
    default:
      throw new Error(
        `unknown reference kind "${kind}" (use user, email_id, org, session, membership, invitation, org_invitation, allowlist, blocklist, jwt, domain, oauth, count)`,
      );
  }
}

/** Number of items behind a list path: `total_count` when the API gives one, else paging 500 at a time. */
async function countItems(t: ApiTarget, key: string): Promise<number> {
  const [pathPart, queryPart] = key.split('?');
  if (!pathPart?.startsWith('/')) throw new Error(`count needs a list path such as /users (got "${key}")`);
  const query = Object.fromEntries(new URLSearchParams(queryPart ?? ''));
  let total = 0;
  for (let offset = 0; ; offset += 500) {
    const page = await apiGet(t, pathPart, { ...query, limit: '500', offset: String(offset) });
    const count = (page as { total_count?: unknown } | null)?.total_count;
    if (typeof count === 'number') return count;
    const items = asList(page);
    total += items.length;
    if (items.length < 500) return total;
  }
}

function splitPair(key: string): [string, string] {
  const i = key.indexOf('/');
  if (i < 0) throw new Error(`"${key}" must look like <org slug>/<email>`);
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Every `${kind:key}` reference in a value (deep). */
export function findRefs(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const m of value.matchAll(REF)) out.add(m[0]);
  else if (Array.isArray(value)) value.forEach((v) => findRefs(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => findRefs(v, out));
  return out;
}

/** Replace references in a value (deep) using an already-resolved table. */
export function substituteRefs<T>(value: T, table: Map<string, string>): T {
  if (typeof value === 'string') return value.replace(REF, (m) => table.get(m) ?? m) as T;
  if (Array.isArray(value)) return value.map((v) => substituteRefs(v, table)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substituteRefs(v, table);
    return out as T;
  }
  return value;
}

/** Resolve every reference in `value` against `target`; errors name the reference and `where`. */
export async function resolveAll<T>(
  value: T,
  target: ApiTarget,
  where: string,
  table = new Map<string, string>(),
): Promise<T> {
  for (const ref of findRefs(value)) {
    if (table.has(ref)) continue;
    const m = /^\$\{([a-z_]+):([^}]+)\}$/.exec(ref)!;
    try {
      table.set(ref, await resolveRef(target, m[1]!, m[2]!));
    } catch (err) {
      throw new Error(`${where}: ${ref} does not resolve: ${(err as Error).message}`);
    }
  }
  return substituteRefs(value, table);
}
