/** Allowlist routes: list (bare array; `{data,total_count}` with `paginated=true`), create, delete. */
import { newAllowlistIdentifier } from '../objects/instance-resources.js';
import { page, paginated, pagination, queryBool, sortBy } from '../query.js';
import type { Route, RouteContext } from '../router.js';
import { validateBody, type BodySpec } from '../validation.js';
import { assertNotListed, classifyIdentifier, deleteIdentifier } from './identifier-lists.js';

const CREATE: BodySpec = {
  identifier: { type: 'string', required: true },
  notify: { type: 'boolean' },
};

function list(ctx: RouteContext): unknown {
  const p = pagination(ctx.query);
  const ordered = sortBy(ctx.store.state.allowlistIdentifiers, (x) => x.created_at, true);
  const data = page(ordered, p);
  return queryBool(ctx.query, 'paginated') ? paginated(data, ordered.length) : data;
}

function create(ctx: RouteContext): unknown {
  const b = validateBody(ctx.json(), CREATE);
  const identifier = (b.identifier as string).trim();
  const type = classifyIdentifier(identifier, false);
  assertNotListed(ctx.store.state.allowlistIdentifiers, identifier, 'allowlist');
  const entry = newAllowlistIdentifier(ctx.store.ids, identifier, type, ctx.store.now());
  ctx.store.state.allowlistIdentifiers.push(entry);
  return entry;
}

/** Allowlist routes. */
export const allowlistRoutes: Route[] = [
  { method: 'GET', pattern: '/allowlist_identifiers', handle: list },
  { method: 'POST', pattern: '/allowlist_identifiers', handle: create },
  {
    method: 'DELETE',
    pattern: '/allowlist_identifiers/{identifier_id}',
    handle: (ctx) => deleteIdentifier(ctx.store.state.allowlistIdentifiers, ctx.params.identifier_id!),
  },
];
