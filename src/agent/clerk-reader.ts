/**
 * The read-only face of the Clerk client. The loop, previews and snapshots get only this: it can run `read`
 * actions and plain GETs, and nothing else. Mutations go through the gate's executor (approval.ts) alone.
 */
import type { Action } from '../actions/define-action.js';
import type { ClerkClient } from '../clerk/types.js';

export interface ClerkReader {
  /** True for a live Clerk instance (`sk_live_`). */
  readonly live: boolean;
  /** Runs a `read` action. Throws for any other risk: that is a programming error, never a model's choice. */
  read(action: Action, args: Record<string, unknown>, signal?: AbortSignal): Promise<unknown>;
  /** A plain GET (for preview facts no read action covers). */
  get(path: string, query?: Record<string, unknown>, signal?: AbortSignal): Promise<unknown>;
}

/** Wraps a Clerk client so that only reads can pass. */
export function createClerkReader(clerk: ClerkClient): ClerkReader {
  return {
    live: clerk.live,
    read(action, args, signal) {
      if (action.risk !== 'read' || action.method !== 'GET') {
        return Promise.reject(
          new Error(`internal: ${action.name} is a ${action.risk} action; reads only on this path`),
        );
      }
      return clerk.execute(action, args, signal ? { signal } : undefined);
    },
    get(path, query, signal) {
      return clerk.request('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) });
    },
  };
}
