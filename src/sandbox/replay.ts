/**
 * Replay of journal records on top of a snapshot: each record runs through the same route that served it, at the
 * clock value it ran at. A record that no longer applies, or that leaves the id counter elsewhere than it did,
 * means the journal and the code disagree: start-up stops with a clear message rather than guessing.
 */
import type { JournalRecord } from './durability/journal.js';
import type { Router } from './router.js';
import { SandboxStateError } from './state-error.js';
import type { Store } from './store.js';
import { parseJsonBody } from './validation.js';
import { resolveApiVersion } from './versions.js';

/** Apply one record to `store` (the caller has frozen the store's clock at `record.t`). */
export function applyRecord(router: Router, store: Store, record: JournalRecord): void {
  const query = new URLSearchParams(record.q);
  const apiVersion = resolveApiVersion(record.v, query.get('__clerk_api_version'));
  const { route, params } = router.match(record.m, record.p);
  let parsed: Record<string, unknown> | undefined;
  route.handle({ params, query, store, apiVersion, json: () => (parsed ??= parseJsonBody(record.b)) });
}

/** Replay `records` in order; `atClock` runs a function with the store's clock frozen at a time. */
export function replayJournal(
  router: Router,
  store: Store,
  records: readonly JournalRecord[],
  atClock: (t: number, fn: () => void) => void,
  journalFile: string,
): void {
  records.forEach((record, i) => {
    const where = `record ${i + 1} of ${journalFile} (${record.m} ${record.p})`;
    try {
      atClock(record.t, () => applyRecord(router, store, record));
    } catch (err) {
      throw new SandboxStateError(
        `Sandbox journal ${where} cannot be replayed: ${(err as Error).message}. Nothing was changed; move the sandbox folder away to keep it, or run \`clerk-agent sandbox --reset\` to start again from the demo data.`,
      );
    }
    if (store.state.nextId !== record.n) {
      throw new SandboxStateError(
        `Sandbox journal ${where} replayed to id counter ${store.state.nextId}, expected ${record.n}. Nothing was changed; move the sandbox folder away to keep it, or run \`clerk-agent sandbox --reset\`.`,
      );
    }
  });
}
