/**
 * Reading a whole list page by page: limit 500 and a growing offset until a short page, the way an agent gets an
 * exact count from clerk_users_list (a bare array with no total_count). Bounded, so a huge instance gives
 * "at least N" instead of an endless loop.
 */
import type { PlanContext } from './plan-context.js';
import { asPage, type Envelope } from './results.js';

type Obj = Record<string, unknown>;

/** The pages read so far: all items, whether the list is complete, or the read still needed / that failed. */
type Paged =
  | { kind: 'done'; items: Obj[]; complete: boolean; total?: number }
  | { kind: 'pending' }
  | { kind: 'failed'; env: Envelope };

/** Max pages read for one answer (10,000 rows at 500 a page). */
const MAX_PAGES = 20;

/** Reads `name` with `args` (its `limit` is the page size) page after page; offset 0 is left out of the args. */
export function readAllPages(ctx: PlanContext, name: string, args: Record<string, unknown>): Paged {
  const size = typeof args.limit === 'number' ? args.limit : 500;
  const items: Obj[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const env = ctx.read(name, page === 0 ? args : { ...args, offset: page * size });
    if (!env) return { kind: 'pending' };
    if (env.status !== 'ok') return { kind: 'failed', env };
    const p = asPage(env.result);
    items.push(...p.items);
    // A total from Clerk settles it; otherwise a short page is the last one.
    if (p.total !== undefined) return { kind: 'done', items, complete: items.length >= p.total, total: p.total };
    if (p.items.length < size) return { kind: 'done', items, complete: true };
  }
  return { kind: 'done', items, complete: false };
}
