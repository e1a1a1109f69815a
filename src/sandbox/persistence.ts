/**
 * Durable state in `<dataDir>`: `snapshot.ndjson` (the state at some point) plus `journal-<generation>.ndjson`
 * (every acknowledged mutation since, appended with group commit). A mutation costs one journal line, not a
 * rewrite of the state. When the journal has grown past a threshold, the next quiet moment writes a new snapshot
 * (temp + fsync + rename) that names a new, empty journal; only then is the old journal deleted, so a crash at any
 * step leaves a snapshot and the journal that continues it. A `state.json` from earlier versions is read once and
 * converted. Leftover temp files and superseded journals are removed on load.
 */
import path from 'node:path';
import { type FsPort, fsyncDir, nodeFs } from './durability/fs-port.js';
import {
  createJournalWriter,
  encodeRecord,
  JOURNAL_PREFIX,
  JOURNAL_SUFFIX,
  type JournalRecord,
  type JournalWriter,
  journalName,
  readJournal,
} from './durability/journal.js';
import { readSnapshot, SNAPSHOT_FILE, SNAPSHOT_TEMP_PREFIX, writeSnapshot } from './durability/snapshot.js';
import { isSandboxState } from './seed/state.js';
import { SandboxStateError } from './state-error.js';
import type { SandboxState } from './types.js';

export { SandboxStateError } from './state-error.js';

const LEGACY_FILE = 'state.json';
const LEGACY_TEMP_PREFIX = 'state.json.tmp-';
/** Compact once the journal passes this size (~200k small mutations); a snapshot of 100k users takes ~2 s. */
const DEFAULT_COMPACT_BYTES = 64 * 1024 * 1024;

/** What is on disk: a state and the journal records still to replay on top of it. */
export interface LoadedState {
  state: SandboxState;
  records: JournalRecord[];
  generation: number;
  /** Length of the journal's good part (a torn last record is cut off when writing resumes). */
  journalBytes: number;
  /** Read from an old `state.json`: write a snapshot before accepting mutations. */
  legacy: boolean;
}

export interface PersistenceOptions {
  fs?: FsPort;
  compactAfterBytes?: number;
  /** A journal write failed: every queued mutation was rejected; the caller reloads the durable state. */
  onWriteFailure(err: Error, truncated: boolean): void;
  /** The journal is quiet and big: the caller may call `compact` with its current state. */
  onCompactDue(): void;
}

export interface Persistence {
  readonly dir: string;
  /** The snapshot + journal on disk, or undefined when the folder holds no state. */
  load(): LoadedState | undefined;
  /** Continue the journal of a loaded state (cuts off a torn last record). */
  resume(loaded: LoadedState): void;
  /** Write `state` as a new snapshot with a new, empty journal. Durable when it returns; throws when it is not. */
  rewrite(state: SandboxState): void;
  /** Journal one mutation; resolves once it is durable, rejects when it could not be written. */
  append(record: JournalRecord): Promise<void>;
  /** True when nothing is waiting to be written. */
  idle(): boolean;
  /** False while a failed write is being undone. */
  healthy(): boolean;
  /** Resolves when every queued mutation has settled. */
  drain(): Promise<void>;
  /** Size of the current journal's durable part. */
  journalBytes(): number;
  close(): Promise<void>;
}

export function createPersistence(dataDir: string, options: PersistenceOptions): Persistence {
  const fs = options.fs ?? nodeFs;
  const dir = path.resolve(dataDir);
  const compactAfter = options.compactAfterBytes ?? DEFAULT_COMPACT_BYTES;
  let generation = 0;
  let writer: JournalWriter | undefined;

  const openWriter = (gen: number, offset: number) => {
    const fd = fs.openSync(path.join(dir, journalName(gen)), 'r+');
    const w: JournalWriter = createJournalWriter({
      fs,
      fd,
      offset,
      // A retired writer's failure concerns a state that a rewrite has already replaced.
      onFailure: (err, truncated) => w === writer && options.onWriteFailure(err, truncated),
      onIdle: () => w === writer && w.size() >= compactAfter && options.onCompactDue(),
    });
    return w;
  };

  const rewrite = (state: SandboxState) => {
    fs.mkdirSync(dir, { recursive: true });
    // Above every journal on disk, never one an existing snapshot still names (a reset has not loaded it).
    const existing = journalGenerations(fs, dir);
    const next = Math.max(generation, ...existing) + 1;
    const nextFile = path.join(dir, journalName(next));
    fs.closeSync(fs.openSync(nextFile, 'wx', 0o600));
    try {
      writeSnapshot(fs, dir, state, next);
    } catch (err) {
      fs.rmSync(nextFile, { force: true });
      throw err;
    }
    // The new snapshot is durable and names journal `next`: every other journal is superseded. A retired writer
    // may still finish a write into its (now unlinked) file; nothing reads it again.
    const old = writer;
    generation = next;
    writer = openWriter(next, 0);
    // The folder is ours (the lock): the journals listed above are all there is besides `next`.
    for (const g of existing) fs.rmSync(path.join(dir, journalName(g)), { force: true });
    if (old) void old.close();
  };

  return {
    dir,
    rewrite,
    load: () => loadState(fs, dir),
    resume(loaded) {
      if (loaded.legacy) {
        rewrite(loaded.state);
        fs.rmSync(path.join(dir, LEGACY_FILE), { force: true });
        return;
      }
      generation = loaded.generation;
      const file = path.join(dir, journalName(generation));
      if (!fs.existsSync(file)) {
        fs.closeSync(fs.openSync(file, 'a', 0o600));
        fsyncDir(fs, dir);
      } else if (fs.statSync(file).size !== loaded.journalBytes) {
        // A record torn by a crash mid-append was never acknowledged: cut it off so appends start clean.
        const fd = fs.openSync(file, 'r+');
        try {
          fs.ftruncateSync(fd, loaded.journalBytes);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
      }
      writer = openWriter(generation, loaded.journalBytes);
    },
    append(record) {
      if (!writer) return Promise.reject(new Error('sandbox persistence is not open'));
      return writer.append(encodeRecord(record));
    },
    idle: () => writer?.idle() ?? true,
    healthy: () => writer?.healthy() ?? true,
    drain: () => writer?.drain() ?? Promise.resolve(),
    journalBytes: () => writer?.size() ?? 0,
    async close() {
      await writer?.close();
      writer = undefined;
    },
  };
}

/** The snapshot + journal on disk, or undefined when the folder holds no state (see Persistence.load). */
function loadState(fs: FsPort, dir: string): LoadedState | undefined {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return undefined;
  }
  if (!names.includes(SNAPSHOT_FILE)) {
    removeLeftovers(fs, dir, names, undefined);
    return names.includes(LEGACY_FILE) ? loadLegacy(fs, dir) : undefined;
  }
  const snap = readSnapshot(fs, dir);
  const journal = journalName(snap.generation);
  removeLeftovers(fs, dir, names, journal);
  if (!names.includes(journal))
    return { state: snap.state, records: [], generation: snap.generation, journalBytes: 0, legacy: false };
  const { records, validBytes } = readJournal(fs, path.join(dir, journal));
  return { state: snap.state, records, generation: snap.generation, journalBytes: validBytes, legacy: false };
}

/** Removes temp files and every journal but `keepJournal` (a crash can leave them behind). */
function removeLeftovers(fs: FsPort, dir: string, names: string[], keepJournal: string | undefined): void {
  for (const name of names) {
    const stale =
      name.startsWith(SNAPSHOT_TEMP_PREFIX) ||
      name.startsWith(LEGACY_TEMP_PREFIX) ||
      (name.startsWith(JOURNAL_PREFIX) && name !== keepJournal);
    if (stale) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Reads a `state.json` from earlier versions. */
function loadLegacy(fs: FsPort, dir: string): LoadedState {
  const file = path.join(dir, LEGACY_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new SandboxStateError(
      `Sandbox state ${file} is not valid JSON (${(err as Error).message}). Move it away, or run \`clerk-agent sandbox --reset\` to start again from the demo data.`,
    );
  }
  if (!isSandboxState(parsed)) {
    throw new SandboxStateError(
      `Sandbox state ${file} is not a version-1 sandbox state. Move it away, or run \`clerk-agent sandbox --reset\` to start again from the demo data.`,
    );
  }
  return { state: parsed, records: [], generation: 0, journalBytes: 0, legacy: true };
}

/** Journal files in the folder, by generation. */
function journalGenerations(fs: FsPort, dir: string): number[] {
  return fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(JOURNAL_PREFIX) && n.endsWith(JOURNAL_SUFFIX))
    .map((n) => Number(n.slice(JOURNAL_PREFIX.length, -JOURNAL_SUFFIX.length)))
    .filter((g) => Number.isInteger(g));
}
