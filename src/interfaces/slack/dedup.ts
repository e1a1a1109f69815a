/**
 * Remembers what the bot has already handled: Events API deliveries by event_id (Slack retries unacked or slow
 * deliveries at once, after 1 minute and after 5 minutes, each with X-Slack-Retry-Num), clicks, slash commands
 * and modal submissions by their trigger id, so a retried or replayed payload is acknowledged and ignored.
 * Kept in memory for longer than Slack's retry window; double execution after a restart is prevented by the
 * approval queue's atomic claim, not by this.
 */
export interface Dedup {
  /** True the first time `key` is seen (within the window); false for a repeat. */
  first(key: string): boolean;
  readonly size: number;
}

export function createDedup(options: { ttlMs?: number; max?: number; now?: () => number } = {}): Dedup {
  const ttl = options.ttlMs ?? 15 * 60_000;
  const max = options.max ?? 50_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  const prune = (t: number) => {
    for (const [key, at] of seen) {
      if (t - at < ttl && seen.size <= max) break;
      seen.delete(key);
    }
  };
  return {
    first(key) {
      const t = now();
      prune(t);
      const at = seen.get(key);
      if (at !== undefined && t - at < ttl) return false;
      seen.set(key, t);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}

/** The dedup key of an incoming Slack body, or undefined when it has none we trust. */
export function dedupKey(body: Record<string, any>): string | undefined {
  if (body.type === 'event_callback' && typeof body.event_id === 'string') return `event:${body.event_id}`;
  if (typeof body.trigger_id === 'string') {
    const actionTs = Array.isArray(body.actions) ? String(body.actions[0]?.action_ts ?? '') : '';
    return `${String(body.type ?? body.command ?? 'command')}:${body.trigger_id}:${actionTs}`;
  }
  return undefined;
}
