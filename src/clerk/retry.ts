/** When and how long to wait before retrying a read. Writes are never retried (DESIGN §3 rule 8). */

/** Statuses worth retrying for a read: rate limiting and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** `Retry-After` (delta seconds or an HTTP-date) in ms, or undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Backoff before retry number `attempt` (1-based) when the server gave no Retry-After: 250 ms, 500 ms, 1 s, … */
export function backoffMs(attempt: number): number {
  return 250 * 2 ** Math.max(0, attempt - 1);
}

/** Default sleep: a plain timer. */
export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
