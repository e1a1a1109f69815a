/**
 * One overall deadline per model request. The SDK's `timeout` stops waiting for the response headers only; a server
 * that sends headers and then an endless (or very slow) body would hold the chat forever (issue 13, defect 5). This
 * signal covers everything: retries, headers and the whole body, and it also follows the caller's own signal.
 */

export interface Deadline {
  /** Aborts when the deadline passes or the caller's signal aborts. Pass it to every fetch of the request. */
  readonly signal: AbortSignal;
  /** True once the deadline itself (not the caller) aborted the request. */
  expired(): boolean;
  /** Stops the timer (call in `finally`). */
  clear(): void;
}

/** Starts a deadline of `ms` milliseconds, chained to `outer` (the caller's Ctrl-C). */
export function startDeadline(ms: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let fired = false;
  const timer = setTimeout(() => {
    fired = true;
    controller.abort(new Error(`no complete answer within ${ms} ms`));
  }, ms);
  // Node would otherwise keep the process alive until the timer fires.
  timer.unref?.();
  const onOuterAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  return {
    signal: controller.signal,
    expired: () => fired,
    clear() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}

/** "30 s" or "1.5 s" or "250 ms", for messages. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
