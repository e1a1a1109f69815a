import * as fs from 'node:fs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FsPort } from '../../src/sandbox/durability/fs-port.js';
import { createSandbox, SandboxStateError, SEED_FACTS } from '../../src/sandbox/index.js';
import type { Sandbox } from '../../src/sandbox/types.js';
import { call, code, NOW } from './helpers.js';

const F = SEED_FACTS;
const dirs: string[] = [];
const open: Sandbox[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-sandbox-test-'));
  dirs.push(dir);
  return dir;
}

/** A sandbox on `dir`, closed after the test. */
function sandboxOn(dir: string, extra: Parameters<typeof createSandbox>[0] = {}, fsPort?: FsPort): Sandbox {
  const sb = createSandbox({ dataDir: dir, now: () => NOW, ...extra }, fsPort ? { fs: fsPort } : {});
  open.push(sb);
  return sb;
}

afterEach(async () => {
  for (const sb of open.splice(0)) await sb.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The state files of `dir` copied elsewhere: what a restart after kill -9 would read (the lock stays behind). */
function copyState(dir: string): string {
  const copy = tempDir();
  for (const n of readdirSync(dir)) {
    if (n === 'owner.lock' || n === 'sandbox.sock') continue;
    fs.copyFileSync(path.join(dir, n), path.join(copy, n));
  }
  return copy;
}

/** node:fs whose synchronous writes (snapshots) fail with ENOSPC while `disk.full` is set. */
function fullDiskSnapshots() {
  const disk = { full: false };
  const port: FsPort = {
    ...fs,
    writeSync: ((...args: Parameters<typeof fs.writeSync>) => {
      if (disk.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (fs.writeSync as (...a: unknown[]) => number)(...args);
    }) as FsPort['writeSync'],
  };
  return { port, disk };
}

const journalOf = (dir: string) => readdirSync(dir).find((n) => n.startsWith('journal-'))!;

/** node:fs with journal writes or fsyncs failing while `state.failing` is set. */
function faultyFs(kind: 'ENOSPC' | 'short' | 'EIO') {
  const state = { failing: false };
  const port: FsPort = {
    ...fs,
    write: ((
      fd: number,
      buf: Buffer,
      off: number,
      len: number,
      pos: number,
      cb: (e: Error | null, n: number) => void,
    ) => {
      if (!state.failing || kind === 'EIO') return fs.write(fd, buf, off, len, pos, cb);
      if (kind === 'short' && len > 1) {
        // The disk takes half the batch, then is full: the classic torn append.
        return fs.write(fd, buf, off, Math.floor(len / 2), pos, (err, n) => {
          if (err) return cb(err, 0);
          cb(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }), n);
        });
      }
      cb(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }), 0);
    }) as unknown as FsPort['write'],
    fdatasync: ((fd: number, cb: (e: Error | null) => void) => {
      if (state.failing && kind === 'EIO')
        return cb(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
      fs.fdatasync(fd, cb);
    }) as FsPort['fdatasync'],
  };
  return { port, state };
}

describe('persistence: snapshot + journal', () => {
  it('journals every mutation before answering; a new sandbox on the same dir sees the changes', async () => {
    const dir = tempDir();
    const a = sandboxOn(dir);
    expect(existsSync(path.join(dir, 'snapshot.ndjson'))).toBe(true);
    await call(a, 'POST', `/users/${F.users.jane.id}/ban`);
    const created = (await call(a, 'POST', '/users', { email_address: ['persisted@x.test'] })).body;
    // Durable before the response: the journal holds both records without closing.
    const lines = readFileSync(path.join(dir, journalOf(dir)), 'utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('persisted@x.test');

    // A second reader of the same files (what a restart after kill -9 sees): snapshot + journal replayed.
    const copy = copyState(dir);
    const b = sandboxOn(copy, { now: () => NOW + 1000 });
    expect((await call(b, 'GET', `/users/${F.users.jane.id}`)).body.banned).toBe(true);
    const replayed = (await call(b, 'GET', `/users/${created.id}`)).body;
    expect(replayed).toEqual(created);
    // The id counter continues: a new record does not reuse an id.
    const next = (await call(b, 'POST', '/users', { email_address: ['second@x.test'] })).body;
    expect(next.id).not.toBe(created.id);
  });

  it('reads and refused mutations journal nothing', async () => {
    const dir = tempDir();
    const sb = sandboxOn(dir);
    await call(sb, 'GET', '/users');
    await call(sb, 'POST', '/users', { email_address: ['jane@example.com'] });
    await call(sb, 'POST', '/users/user_ghost/ban');
    expect(statSync(path.join(dir, journalOf(dir))).size).toBe(0);
    await call(sb, 'POST', `/users/${F.users.jane.id}/ban`);
    expect(statSync(path.join(dir, journalOf(dir))).size).toBeGreaterThan(0);
  });

  it('concurrent mutations are all acknowledged and all replayed (group commit)', async () => {
    const dir = tempDir();
    const a = sandboxOn(dir);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(a, 'POST', '/users', { email_address: [`c${i}@x.test`] })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const copy = copyState(dir);
    const ids = new Set(
      sandboxOn(copy)
        .snapshot()
        .users.map((u) => u.id),
    );
    for (const r of results) expect(ids.has(r.body.id)).toBe(true);
  });

  it('close() compacts: the journal is folded into a new snapshot and the old journal removed', async () => {
    const dir = tempDir();
    const a = sandboxOn(dir);
    const before = journalOf(dir);
    await call(a, 'POST', `/users/${F.users.bob.id}/lock`);
    await a.close();
    expect(journalOf(dir)).not.toBe(before);
    expect(statSync(path.join(dir, journalOf(dir))).size).toBe(0);
    expect(readdirSync(dir).filter((n) => n.startsWith('journal-'))).toHaveLength(1);
    expect(
      sandboxOn(dir)
        .snapshot()
        .users.find((u) => u.id === F.users.bob.id)!.locked,
    ).toBe(true);
  });

  it('compacts on its own once the journal passes the threshold, losing nothing', async () => {
    const dir = tempDir();
    const a = createSandbox({ dataDir: dir, now: () => NOW }, { compactAfterBytes: 2000 });
    open.push(a);
    const made: string[] = [];
    for (let i = 0; i < 30; i++)
      made.push((await call(a, 'POST', '/users', { email_address: [`k${i}@x.test`] })).body.id);
    expect(statSync(path.join(dir, journalOf(dir))).size).toBeLessThan(4000);
    const copy = copyState(dir);
    const ids = new Set(
      sandboxOn(copy)
        .snapshot()
        .users.map((u) => u.id),
    );
    expect(made.every((id) => ids.has(id))).toBe(true);
  });

  it('a torn last journal record (crash mid-append) is ignored, never a reason to refuse start-up', async () => {
    const dir = tempDir();
    const a = sandboxOn(dir);
    await call(a, 'POST', `/users/${F.users.lee.id}/unlock`);
    const journal = path.join(dir, journalOf(dir));
    const copy = tempDir();
    fs.copyFileSync(path.join(dir, 'snapshot.ndjson'), path.join(copy, 'snapshot.ndjson'));
    const good = readFileSync(journal, 'utf8');
    writeFileSync(path.join(copy, path.basename(journal)), good + good.slice(0, 40));
    // Leftover temp files from a crash during compaction are cleaned up too.
    writeFileSync(path.join(copy, 'snapshot.ndjson.tmp-99999-1'), 'partial');
    const b = sandboxOn(copy);
    expect((await call(b, 'GET', `/users/${F.users.lee.id}`)).body.locked).toBe(false);
    expect(readdirSync(copy).filter((n) => n.includes('.tmp-'))).toEqual([]);
    // The torn bytes were cut off, so the next append starts on a clean line.
    await call(b, 'POST', `/users/${F.users.jane.id}/ban`);
    const lines = readFileSync(path.join(copy, path.basename(journal)), 'utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
  });

  it('a damaged record in the middle of the journal stops start-up with a clear message', async () => {
    const dir = tempDir();
    const a = sandboxOn(dir);
    await call(a, 'POST', `/users/${F.users.lee.id}/unlock`);
    await call(a, 'POST', `/users/${F.users.jane.id}/ban`);
    const journal = path.join(dir, journalOf(dir));
    const copy = tempDir();
    fs.copyFileSync(path.join(dir, 'snapshot.ndjson'), path.join(copy, 'snapshot.ndjson'));
    writeFileSync(path.join(copy, path.basename(journal)), readFileSync(journal, 'utf8').replace('unlock', 'unlocX'));
    expect(() => sandboxOn(copy)).toThrow(/journal .* damaged at line 1/);
  });

  it('a corrupt snapshot is an actionable SandboxStateError, never silently replaced', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'snapshot.ndjson'),
      '{"format":"clerk-sandbox-snapshot","version":1,"nextId":5,"journal":1,"records":3}\n["users",{',
    );
    expect(() => sandboxOn(dir)).toThrow(SandboxStateError);
    expect(() => sandboxOn(dir)).toThrow(/--reset/);
    expect(readFileSync(path.join(dir, 'snapshot.ndjson'), 'utf8')).toContain('["users",{');
    writeFileSync(path.join(dir, 'snapshot.ndjson'), '{"version":2}\n');
    expect(() => sandboxOn(dir)).toThrow(/not a version-1 snapshot header/);
    const fresh = sandboxOn(dir, { reset: true });
    expect(fresh.snapshot().users).toHaveLength(F.counts.users);
  });

  it('reads a state.json from earlier versions once and converts it', async () => {
    const dir = tempDir();
    const old = createSandbox({ now: () => NOW }).snapshot();
    old.users[0]!.first_name = 'Legacy';
    writeFileSync(path.join(dir, 'state.json'), JSON.stringify(old));
    const sb = sandboxOn(dir);
    expect(sb.snapshot().users[0]!.first_name).toBe('Legacy');
    expect(existsSync(path.join(dir, 'state.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'snapshot.ndjson'))).toBe(true);
  });

  it('a corrupt legacy state.json stops start-up and is left in place', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'state.json'), '{"version":1,"users":[');
    expect(() => sandboxOn(dir)).toThrow(/not valid JSON/);
    expect(readFileSync(path.join(dir, 'state.json'), 'utf8')).toBe('{"version":1,"users":[');
  });

  it('reset() reseeds durably; the reset option ignores what is on disk', async () => {
    const dir = tempDir();
    const a = sandboxOn(dir);
    await call(a, 'DELETE', `/users/${F.users.jane.id}`);
    a.reset();
    expect((await call(a, 'GET', `/users/${F.users.jane.id}`)).status).toBe(200);
    await call(a, 'DELETE', `/users/${F.users.bob.id}`);
    await a.close();
    const b = sandboxOn(dir);
    expect((await call(b, 'GET', `/users/${F.users.bob.id}`)).status).toBe(404);
    expect((await call(b, 'GET', `/users/${F.users.jane.id}`)).status).toBe(200);
    await b.close();
    const c = sandboxOn(dir, { reset: true });
    expect((await call(c, 'GET', `/users/${F.users.bob.id}`)).status).toBe(200);
    c.reset('empty');
    await c.close();
    expect(sandboxOn(dir).snapshot().users).toEqual([]);
  });

  it('memory-only sandboxes write nothing', async () => {
    const dir = tempDir();
    const sb = createSandbox({ now: () => NOW });
    await call(sb, 'POST', '/users', { email_address: ['mem@x.test'] });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('persistence: a full disk never loses or misreports a change', () => {
  for (const kind of ['ENOSPC', 'short', 'EIO'] as const) {
    it(`${kind}: the mutation is answered 500, undone in memory, and the disk keeps the previous state`, async () => {
      const dir = tempDir();
      const { port, state } = faultyFs(kind);
      const a = sandboxOn(dir, {}, port);
      expect((await call(a, 'POST', `/users/${F.users.bob.id}/lock`)).status).toBe(200);

      state.failing = true;
      const results = await Promise.all([
        call(a, 'POST', `/users/${F.users.jane.id}/ban`),
        call(a, 'POST', '/users', { email_address: ['lost@x.test'] }),
      ]);
      for (const r of results) {
        expect(r.status).toBe(500);
        expect(code(r)).toBe('internal_clerk_error');
        expect(r.body.errors[0].long_message).toMatch(/could not save this change .*nothing was changed/);
      }
      // Undone in memory: never kept and written later.
      expect((await call(a, 'GET', `/users/${F.users.jane.id}`)).body.banned).toBe(false);
      expect((await call(a, 'GET', '/users?email_address=lost@x.test')).body).toEqual([]);
      // The journal holds only the acknowledged change.
      expect(
        readFileSync(path.join(dir, journalOf(dir)), 'utf8')
          .trim()
          .split('\n'),
      ).toHaveLength(1);

      // Space again: the next change works and everything acknowledged survives a restart.
      state.failing = false;
      expect((await call(a, 'POST', `/users/${F.users.lee.id}/unlock`)).status).toBe(200);
      const copy = copyState(dir);
      const b = sandboxOn(copy);
      const users = b.snapshot().users;
      expect(users.find((u) => u.id === F.users.bob.id)!.locked).toBe(true);
      expect(users.find((u) => u.id === F.users.lee.id)!.locked).toBe(false);
      expect(users.find((u) => u.id === F.users.jane.id)!.banned).toBe(false);
      expect(users.some((u) => u.email_addresses.some((e) => e.email_address === 'lost@x.test'))).toBe(false);
    });
  }

  it('a snapshot that cannot be written (reset on a full disk) changes nothing', async () => {
    const dir = tempDir();
    const { port, disk } = fullDiskSnapshots();
    const a = sandboxOn(dir, {}, port);
    await call(a, 'DELETE', `/users/${F.users.jane.id}`);
    disk.full = true;
    expect(() => a.reset()).toThrow(/ENOSPC/);
    expect((await call(a, 'GET', `/users/${F.users.jane.id}`)).status).toBe(404);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    disk.full = false;
    const copy = copyState(dir);
    expect((await call(sandboxOn(copy), 'GET', `/users/${F.users.jane.id}`)).status).toBe(404);
  });
});

describe('persistence: reset never endangers the state it replaces', () => {
  it('a --reset whose snapshot cannot be written leaves the previous snapshot and its journal intact', async () => {
    const dir = tempDir();
    const a = sandboxOn(dir);
    await call(a, 'POST', `/users/${F.users.jane.id}/ban`);
    // Simulate a crash: the journal keeps the ban, no compaction ran.
    const copy = copyState(dir);
    const { port, disk } = fullDiskSnapshots();
    disk.full = true;
    expect(() => sandboxOn(copy, { reset: true }, port)).toThrow(/ENOSPC/);
    disk.full = false;
    expect(
      sandboxOn(copy)
        .snapshot()
        .users.find((u) => u.id === F.users.jane.id)!.banned,
    ).toBe(true);
  });
});
