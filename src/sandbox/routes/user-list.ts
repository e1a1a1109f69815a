/**
 * `GET /users` (bare array) and `GET /users/count` (`{object:'total_count', total_count}`). The default order,
 * newest first, walks `state.users` backwards and stops after the page, so a 10 000-user list costs the page size.
 */
import { ClerkHttpError, paramValueInvalid } from '../errors.js';
import { orderBy, pagination, sortBy, type OrderBy } from '../query.js';
import type { Route } from '../router.js';
import type { Store } from '../store.js';
import type { UserRecord } from '../types.js';
import { compileUserFilter } from './user-filters.js';
import { primaryEmail } from '../objects/user.js';

const USER_ORDER_FIELDS = [
  'created_at',
  'updated_at',
  'email_address',
  'web3wallet',
  'first_name',
  'last_name',
  'phone_number',
  'username',
  'last_active_at',
  'last_sign_in_at',
] as const;

function sortKey(field: string): (u: UserRecord) => string | number | null {
  switch (field) {
    case 'email_address':
      return (u) => primaryEmail(u)?.toLowerCase() ?? null;
    case 'web3wallet':
      return (u) => u.web3_wallets[0]?.web3_wallet.toLowerCase() ?? null;
    case 'phone_number':
      return (u) => u.phone_numbers[0]?.phone_number ?? null;
    case 'first_name':
    case 'last_name':
    case 'username':
      return (u) => (u[field] as string | null)?.toLowerCase() ?? null;
    default:
      return (u) => u[field as 'created_at'] as number | null;
  }
}

/** Users in the requested order, filtered; stops early once `stopAfter` matches are collected. */
function orderedUsers(
  store: Store,
  order: OrderBy,
  filter: ((u: UserRecord) => boolean) | undefined,
  stopAfter: number,
): UserRecord[] {
  const users = store.state.users;
  if (order.field !== 'created_at') {
    const matched = filter ? users.filter(filter) : users;
    return sortBy(matched, sortKey(order.field), order.desc);
  }
  const out: UserRecord[] = [];
  if (order.desc) {
    for (let i = users.length - 1; i >= 0 && out.length < stopAfter; i--) {
      const u = users[i]!;
      if (!filter || filter(u)) out.push(u);
    }
  } else {
    for (let i = 0; i < users.length && out.length < stopAfter; i++) {
      const u = users[i]!;
      if (!filter || filter(u)) out.push(u);
    }
  }
  return out;
}

function listUsers(store: Store, query: URLSearchParams): UserRecord[] {
  const page = pagination(query);
  const order = orderBy(query, USER_ORDER_FIELDS, '-created_at')!;
  const filter = compileUserFilter(query, store);
  const cursor = query.get('starting_after');
  if (cursor) {
    if (order.field !== 'created_at') {
      throw new ClerkHttpError(422, [
        paramValueInvalid(
          'starting_after',
          `starting_after requires ordering by created_at; order_by=${query.get('order_by')} cannot be combined with it.`,
        ),
      ]);
    }
    if (page.offset !== 0) {
      throw new ClerkHttpError(422, [
        paramValueInvalid('starting_after', 'starting_after cannot be combined with a non-zero offset.'),
      ]);
    }
    const all = orderedUsers(store, order, filter, Infinity);
    const at = all.findIndex((u) => u.id === cursor);
    if (at < 0)
      throw new ClerkHttpError(422, [
        paramValueInvalid(
          'starting_after',
          `No user with id ${cursor} is in this list; starting_after must be the id of the last user of the previous page.`,
        ),
      ]);
    return all.slice(at + 1, at + 1 + page.limit);
  }
  if (!filter && order.field === 'created_at') {
    // No filter: the page is a direct slice of the created_at-sorted array (O(limit), whatever the offset).
    const users = store.state.users;
    if (!order.desc) return users.slice(page.offset, page.offset + page.limit);
    const end = Math.max(0, users.length - page.offset);
    return users.slice(Math.max(0, end - page.limit), end).reverse();
  }
  const upto = orderedUsers(store, order, filter, page.offset + page.limit);
  return upto.slice(page.offset, page.offset + page.limit);
}

function countUsers(store: Store, query: URLSearchParams): number {
  const filter = compileUserFilter(query, store);
  if (!filter) return store.state.users.length;
  let n = 0;
  for (const u of store.state.users) if (filter(u)) n++;
  return n;
}

/** The two user list routes. */
export const userListRoutes: Route[] = [
  { method: 'GET', pattern: '/users', handle: (ctx) => listUsers(ctx.store, ctx.query) },
  {
    method: 'GET',
    pattern: '/users/count',
    handle: (ctx) => ({ object: 'total_count', total_count: countUsers(ctx.store, ctx.query) }),
  },
];
