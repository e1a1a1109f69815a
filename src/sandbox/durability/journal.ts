/**
 * The append-only journal: one line per acknowledged mutation, `<crc32 hex> <json>\n`, where the JSON is the
 * request that made the change (method, path, query, API version, body), the clock the change was made at, and the
 * id counter after it. Replaying the records on top of the snapshot through the same routes rebuilds the state
 * exactly (ids come from the counter, times from the record; the counter is checked after every record).
 *
 * Group commit: records appended while a write is in flight wait and go out together in the next write + fdatasync,
 * so N concurrent mutations cost one fsync. A record's promise settles only after its fsync: resolved = durable,
 * rejected = not written (the journal is cut back to the last durable byte).
 */
import { crc32 } from 'node:zlib';
import { SandboxStateError } from '../state-error.js';
import { type FsPort, readLines } from './fs-port.js';

export const JOURNAL_PREFIX = 'journal-';
export const JOURNAL_SUFFIX = '.ndjson';

/** One mutation as journaled. */
export interface JournalRecord {
  /** Clock value the mutation ran at (ms). */
  t: number;
  m: string;
  /** Path relative to /v1. */
  p: string;
  q: string;
  v: string | undefined;
  b: string;
  /** The id counter after the mutation: replay checks it to prove it rebuilt the same records. */
  n: number;
}

export function journalName(generation: number): string {
  return `${JOURNAL_PREFIX}${generation}${JOURNAL_SUFFIX}`;
}

export function encodeRecord(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

function decodeLine(line: string): JournalRecord | undefined {
  const space = line.indexOf(' ');
  if (space !== 8) return undefined;
  const json = line.slice(9);
  if (crc32(json).toString(16).padStart(8, '0') !== line.slice(0, 8)) return undefined;
  try {
    return JSON.parse(json) as JournalRecord;
  } catch {
    return undefined;
  }
}

/**
 * Read every record of a journal file. A damaged or unfinished LAST line is a record torn by a crash mid-append:
 * it was never acknowledged, so it is dropped and `validBytes` tells where the good part ends. A damaged line with
 * good lines after it is real corruption: SandboxStateError.
 */
export function readJournal(fs: FsPort, file: string): { records: JournalRecord[]; validBytes: number } {
  const records: JournalRecord[] = [];
  let validBytes = 0;
  let bad: number | undefined;
  let lineNo = 0;
  readLines(fs, file, (line, end) => {
    lineNo++;
    const record = decodeLine(line);
    if (bad !== undefined || !record) {
      if (bad === undefined) {
        bad = lineNo;
        return;
      }
      throw new SandboxStateError(
        `Sandbox journal ${file} is damaged at line ${bad} (records follow it). Nothing was changed; move the sandbox folder away to keep it, or run \`clerk-agent sandbox --reset\` to start again from the demo data.`,
      );
    }
    records.push(record);
    validBytes = end;
  });
  return { records, validBytes };
}

interface Waiter {
  resolve(): void;
  reject(err: Error): void;
}

/** Appends with group commit to an open journal file descriptor. */
export interface JournalWriter {
  /** Queue a record; the promise settles after the fdatasync that covers it. */
  append(line: string): Promise<void>;
  /** True while nothing is queued or in flight. */
  idle(): boolean;
  /** False from a failed write until the file has been cut back (appends are refused meanwhile). */
  healthy(): boolean;
  /** Bytes known durable. */
  size(): number;
  /** Resolves when everything queued so far has settled. */
  drain(): Promise<void>;
  /** Close the descriptor once idle. */
  close(): Promise<void>;
}

export interface JournalWriterOptions {
  fs: FsPort;
  fd: number;
  /** Durable length of the file (appends go here). */
  offset: number;
  /**
   * A write or fsync failed: every queued record was rejected and the file cut back to `offset`. `truncated`
   * is false when even that failed (the file may hold records that were never acknowledged).
   */
  onFailure(err: Error, truncated: boolean): void;
  /** Called after each successful batch, when nothing else is queued (compaction point). */
  onIdle?(): void;
}

export function createJournalWriter(options: JournalWriterOptions): JournalWriter {
  const { fs, fd } = options;
  let offset = options.offset;
  let queue: string[] = [];
  let waiters: Waiter[] = [];
  let inFlight = false;
  let failed: Error | undefined;
  let drained: Array<() => void> = [];

  const settleDrain = () => {
    if (inFlight || queue.length > 0) return;
    const list = drained;
    drained = [];
    for (const done of list) done();
  };

  const fail = (err: Error, batch: Waiter[]) => {
    // Everything queued after the failed batch was applied on top of it in memory: it fails with it.
    const all = [...batch, ...waiters];
    queue = [];
    waiters = [];
    failed = err;
    fs.ftruncate(fd, offset, (truncErr) => {
      inFlight = false;
      failed = undefined;
      options.onFailure(err, !truncErr);
      for (const w of all) w.reject(err);
      settleDrain();
    });
  };

  const flush = () => {
    if (inFlight || queue.length === 0) return;
    inFlight = true;
    const data = Buffer.from(queue.join(''), 'utf8');
    const batch = waiters;
    queue = [];
    waiters = [];
    let written = 0;
    const writeRest = () => {
      fs.write(fd, data, written, data.length - written, offset + written, (err, n) => {
        if (err) return fail(err, batch);
        if (n <= 0) return fail(Object.assign(new Error('short write: no space left'), { code: 'ENOSPC' }), batch);
        written += n;
        if (written < data.length) return writeRest();
        fs.fdatasync(fd, (syncErr) => {
          if (syncErr) return fail(syncErr, batch);
          offset += data.length;
          inFlight = false;
          for (const w of batch) w.resolve();
          if (queue.length > 0) flush();
          else {
            settleDrain();
            options.onIdle?.();
          }
        });
      });
    };
    writeRest();
  };

  return {
    append(line) {
      if (failed) return Promise.reject(failed);
      return new Promise<void>((resolve, reject) => {
        queue.push(line);
        waiters.push({ resolve, reject });
        // Let the other requests of this turn of the event loop join the batch.
        if (!inFlight && queue.length === 1) setImmediate(flush);
      });
    },
    idle: () => !inFlight && queue.length === 0,
    healthy: () => failed === undefined,
    size: () => offset,
    drain() {
      if (!inFlight && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => drained.push(resolve));
    },
    async close() {
      await this.drain();
      fs.closeSync(fd);
    },
  };
}
