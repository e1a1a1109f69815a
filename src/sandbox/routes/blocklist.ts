/** Blocklist routes: list (always `{data,total_count}`, no query params), create, delete. */
import { newBlocklistIdentifier } from '../objects/instance-resources.js';
import { paginated, sortBy } from '../query.js';
import type { Route, RouteContext } from '../router.js';
import { validateBody, type BodySpec } from '../validation.js';
import { assertNotListed, classifyIdentifier, deleteIdentifier } from './identifier-lists.js';

const CREATE: BodySpec = { identifier: { type: 'string', required: true } };

function create(ctx: RouteContext): unknown {
  const b = validateBody(ctx.json(), CREATE);
  const identifier = (b.identifier as string).trim();
  const type = classifyIdentifier(identifier, true);
  assertNotListed(ctx.store.state.blocklistIdentifiers, identifier, 'blocklist');
  const entry = newBlocklistIdentifier(ctx.store.ids, identifier, type, ctx.store.now());
  ctx.store.state.blocklistIdentifiers.push(entry);
  return entry;
}

/** Blocklist routes. */
export const blocklistRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/blocklist_identifiers',
    handle: (ctx) => {
      const all = sortBy(ctx.store.state.blocklistIdentifiers, (x) => x.created_at, true);
      return paginated(all, all.length);
    },
  },
  { method: 'POST', pattern: '/blocklist_identifiers', handle: create },
  {
    method: 'DELETE',
    pattern: '/blocklist_identifiers/{identifier_id}',
    handle: (ctx) => deleteIdentifier(ctx.store.state.blocklistIdentifiers, ctx.params.identifier_id!),
  },
];
