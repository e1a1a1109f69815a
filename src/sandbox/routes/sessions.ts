/**
 * Session routes: list (bare array, or `{data,total_count}` with `paginated=true`), get, revoke. Sessions are
 * seeded only: none of the 48 actions creates one.
 */
import { clerkError, ClerkHttpError, notFound, paramValueInvalid } from '../errors.js';
import { page, paginated, pagination, queryBool, queryString, sortBy } from '../query.js';
import type { Route, RouteContext } from '../router.js';
import type { Store } from '../store.js';
import type { SessionRecord } from '../types.js';

const STATUSES = ['abandoned', 'active', 'ended', 'expired', 'removed', 'replaced', 'revoked', 'pending'] as const;

/** Revoke every active (or pending) session of a user; returns how many changed. Used by ban and password reset. */
export function revokeActiveSessions(store: Store, userId: string, now: number): number {
  let n = 0;
  for (const s of store.state.sessions) {
    if (s.user_id === userId && (s.status === 'active' || s.status === 'pending')) {
      s.status = 'revoked';
      s.updated_at = now;
      n++;
    }
  }
  return n;
}

function requireSession(store: Store, id: string): SessionRecord {
  const s = store.state.sessions.find((x) => x.id === id);
  if (!s) throw notFound('session', id);
  return s;
}

function listSessions(ctx: RouteContext): unknown {
  const { query } = ctx;
  const p = pagination(query);
  const userId = queryString(query, 'user_id');
  const clientId = queryString(query, 'client_id');
  const status = queryString(query, 'status');
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
    throw new ClerkHttpError(422, [
      paramValueInvalid(
        'status',
        `${status} does not match one of the allowed values for parameter status (allowed: ${STATUSES.join(', ')}).`,
      ),
    ]);
  }
  const matched = ctx.store.state.sessions.filter(
    (s) =>
      (userId === undefined || s.user_id === userId) &&
      (clientId === undefined || s.client_id === clientId) &&
      (status === undefined || s.status === status),
  );
  const ordered = sortBy(matched, (s) => s.created_at, true);
  const data = page(ordered, p);
  return queryBool(query, 'paginated') ? paginated(data, ordered.length) : data;
}

function revokeSession(ctx: RouteContext): SessionRecord {
  const s = requireSession(ctx.store, ctx.params.session_id!);
  if (s.status !== 'active' && s.status !== 'pending') {
    throw clerkError(
      400,
      'bad_request',
      'Session is not active',
      `Session ${s.id} is ${s.status}; only active sessions can be revoked.`,
    );
  }
  s.status = 'revoked';
  s.updated_at = ctx.store.now();
  return s;
}

/** Session routes. */
export const sessionRoutes: Route[] = [
  { method: 'GET', pattern: '/sessions', handle: listSessions },
  {
    method: 'GET',
    pattern: '/sessions/{session_id}',
    handle: (ctx) => requireSession(ctx.store, ctx.params.session_id!),
  },
  { method: 'POST', pattern: '/sessions/{session_id}/revoke', handle: revokeSession },
];
