/**
 * The embedded approval store: plain files under `<dataDir>/approvals/`, shared safely by several local processes
 * (the REPL, a bot, an MCP server, the `approvals` command) with no lock and no native dependency.
 *
 * Each record is a folder of immutable versions: `requests/<id>/v<N>.json` (and `runs/<runId>/v<N>.json`). A write
 * goes to a temp file, is fsynced, then `link()`ed to `v<N>.json`; link fails with EEXIST when another writer got
 * there first, which is exactly compare-and-set on the version. Readers take the highest version. Old versions are
 * never deleted while the record lives: pruning could let a slow writer re-create a deleted `v<N>` and "win" a CAS
 * it lost. A request's runId never changes after insert: `runs/<runId>/members/` indexes them.
 *
 * An insert of several records is atomic through a batch marker: every `v1.json` of the batch names the batch, and
 * the records become visible only once `batches/<batch>` exists (created last). A crash at any point leaves either
 * invisible records or stray temp files, both ignored.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ApprovalStore, ChangeFilter, ChangeRequest, ChangeStatus, StoredRun } from './types.js';

/** What a version file holds: the record, and on v1 of a multi-record insert the batch that must be committed. */
interface Envelope<T> {
  batch?: string;
  record: T;
}

const SAFE_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

export interface EmbeddedStoreOptions {
  /** The data directory; files go to `<dataDir>/approvals/`. */
  dataDir: string;
  /** fsync files and folders before a write counts (default true; tests of logic may turn it off for speed). */
  durable?: boolean;
}

/** Opens (creating folders as needed) the embedded store. */
export async function createEmbeddedStore(options: EmbeddedStoreOptions): Promise<ApprovalStore> {
  const root = path.join(options.dataDir, 'approvals');
  const durable = options.durable ?? true;
  const dirs = {
    requests: path.join(root, 'requests'),
    runs: path.join(root, 'runs'),
    batches: path.join(root, 'batches'),
    tmp: path.join(root, 'tmp'),
  };
  for (const dir of Object.values(dirs)) await fs.mkdir(dir, { recursive: true });
  await sweepTemp(dirs.tmp);
  /** Batches seen committed; a marker is never removed, so the cache cannot go stale. */
  const committed = new Set<string>();
  /** Last record read per folder and its version: a version file never changes, so it is safe to reuse. */
  const cache = new Map<string, { version: number; value: unknown }>();
  let closed = false;

  const checkOpen = () => {
    if (closed) throw new Error('approval store is closed');
  };

  const fsyncDir = async (dir: string) => {
    if (!durable) return;
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  };

  /** Writes `envelope` to a fresh, synced temp file and returns its path. */
  const writeTemp = async (envelope: Envelope<unknown>): Promise<string> => {
    const file = path.join(dirs.tmp, `${Date.now()}-${process.pid}-${randomBytes(6).toString('hex')}.json`);
    const handle = await fs.open(file, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(envelope));
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    return file;
  };

  /** Links a temp file to `<folder>/v<version>.json`; false when that version already exists (CAS lost). */
  const publish = async (temp: string, folder: string, version: number): Promise<boolean> => {
    try {
      await fs.link(temp, path.join(folder, `v${version}.json`));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await fs.rm(temp, { force: true });
    }
  };

  const isCommitted = async (batch: string | undefined): Promise<boolean> => {
    if (batch === undefined || committed.has(batch)) return true;
    try {
      await fs.access(path.join(dirs.batches, batch));
      committed.add(batch);
      return true;
    } catch {
      return false;
    }
  };

  /** The highest visible version of the record in `folder`, or undefined. */
  const readLatest = async <T>(folder: string): Promise<{ version: number; value: T } | undefined> => {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let top = 0;
    for (const name of names) {
      const m = /^v(\d+)\.json$/.exec(name);
      if (m) top = Math.max(top, Number(m[1]));
    }
    if (top === 0) return undefined;
    const cached = cache.get(folder);
    if (cached && cached.version === top) return cached as { version: number; value: T };
    const envelope = JSON.parse(await fs.readFile(path.join(folder, `v${top}.json`), 'utf8')) as Envelope<T>;
    if (top === 1 && !(await isCommitted(envelope.batch))) return undefined;
    const entry = { version: top, value: envelope.record };
    cache.set(folder, entry);
    return entry;
  };

  const requestDir = (id: string) => {
    if (!SAFE_ID.test(id)) throw new Error(`invalid change request id "${id.slice(0, 40)}"`);
    return path.join(dirs.requests, id);
  };
  const runDir = (id: string) => {
    if (!SAFE_ID.test(id)) throw new Error(`invalid run id "${id.slice(0, 40)}"`);
    return path.join(dirs.runs, id);
  };

  /** Request ids inserted with this runId (runId never changes after insert). */
  const runMembers = async (runId: string): Promise<string[]> => {
    if (!SAFE_ID.test(runId)) return [];
    try {
      return await fs.readdir(path.join(runDir(runId), 'members'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  };

  const store: ApprovalStore = {
    kind: 'embedded',

    async insert(requests, run) {
      checkOpen();
      const records: Array<{ folder: string; record: ChangeRequest | StoredRun; label: string }> = [
        ...requests.map((r) => ({ folder: requestDir(r.id), record: r, label: `change request ${r.id}` })),
        ...(run ? [{ folder: runDir(run.runId), record: run, label: `run ${run.runId}` }] : []),
      ];
      for (const { record, label } of records)
        if (record.version !== 1) throw new Error(`${label}: an inserted record must have version 1`);
      const ids = new Set(records.map((r) => r.folder));
      if (ids.size !== records.length) throw new Error('insert: the same id appears twice');
      const batch = records.length > 1 ? `${Date.now()}-${randomBytes(8).toString('hex')}` : undefined;
      const linked: string[] = [];
      try {
        // The run index first: `runs/<runId>/members/<requestId>` lets list({ runId }) read only that run's records.
        // A marker whose record never became visible is harmless (readers skip invisible records).
        const members = new Set<string>();
        for (const r of requests) {
          if (r.runId === null) continue;
          const dir = path.join(runDir(r.runId), 'members');
          await fs.mkdir(dir, { recursive: true });
          await fs.writeFile(path.join(dir, r.id), '');
          members.add(dir);
        }
        for (const dir of members) await fsyncDir(dir);
        for (const { folder, record, label } of records) {
          await fs.mkdir(folder, { recursive: true });
          const temp = await writeTemp(batch ? { batch, record } : { record });
          if (!(await publish(temp, folder, 1))) throw new Error(`${label} already exists`);
          linked.push(folder);
          await fsyncDir(folder);
        }
        if (batch) {
          const marker = await fs.open(path.join(dirs.batches, batch), 'wx', 0o600);
          if (durable) await marker.sync();
          await marker.close();
          await fsyncDir(dirs.batches);
          committed.add(batch);
        }
        await fsyncDir(dirs.requests);
        if (run) await fsyncDir(dirs.runs);
      } catch (error) {
        // Our uncommitted v1 files are invisible; remove them so their ids stay free.
        for (const folder of linked) await fs.rm(path.join(folder, 'v1.json'), { force: true });
        throw error;
      }
    },

    async get(id) {
      checkOpen();
      if (!SAFE_ID.test(id)) return undefined;
      return (await readLatest<ChangeRequest>(requestDir(id)))?.value;
    },

    async list(filter: ChangeFilter = {}) {
      checkOpen();
      const names = filter.runId !== undefined ? await runMembers(filter.runId) : await fs.readdir(dirs.requests);
      const found = await Promise.all(
        names.filter((n) => SAFE_ID.test(n)).map((n) => readLatest<ChangeRequest>(path.join(dirs.requests, n))),
      );
      const out = found
        .map((f) => f?.value)
        .filter((r): r is ChangeRequest => r !== undefined)
        .filter(
          (r) =>
            (!filter.status || filter.status.includes(r.status)) &&
            (filter.runId === undefined || r.runId === filter.runId) &&
            (filter.conversationId === undefined || r.conversationId === filter.conversationId),
        )
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
      return filter.limit !== undefined ? out.slice(0, Math.max(0, filter.limit)) : out;
    },

    async update(next, from: readonly ChangeStatus[]) {
      checkOpen();
      const folder = requestDir(next.id);
      const current = await readLatest<ChangeRequest>(folder);
      if (!current || current.version !== next.version - 1 || !from.includes(current.value.status)) return false;
      const won = await publish(await writeTemp({ record: next }), folder, next.version);
      if (won) await fsyncDir(folder);
      return won;
    },

    async getRun(runId) {
      checkOpen();
      if (!SAFE_ID.test(runId)) return undefined;
      return (await readLatest<StoredRun>(runDir(runId)))?.value;
    },

    async updateRun(next) {
      checkOpen();
      const folder = runDir(next.runId);
      const current = await readLatest<StoredRun>(folder);
      if (!current || current.version !== next.version - 1) return false;
      const won = await publish(await writeTemp({ record: next }), folder, next.version);
      if (won) await fsyncDir(folder);
      return won;
    },

    async close() {
      closed = true;
    },
  };
  return store;
}

/** Temp files older than 10 minutes are leftovers of a crashed writer (a live write takes milliseconds). */
async function sweepTemp(dir: string): Promise<void> {
  const cutoff = Date.now() - 10 * 60_000;
  for (const name of await fs.readdir(dir)) {
    const file = path.join(dir, name);
    try {
      if ((await fs.stat(file)).mtimeMs < cutoff) await fs.rm(file, { force: true });
    } catch {
      // Another process swept it first.
    }
  }
}
