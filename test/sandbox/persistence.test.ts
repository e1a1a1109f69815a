import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, SandboxStateError, SEED_FACTS } from '../../src/sandbox/index.js';
import { call, NOW } from './helpers.js';

const F = SEED_FACTS;
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-sandbox-test-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('persistence', () => {
  it('writes state.json on first start and after every mutation; a new sandbox on the same dir sees the changes', async () => {
    const dir = tempDir();
    const a = createSandbox({ dataDir: dir, now: () => NOW });
    expect(existsSync(path.join(dir, 'state.json'))).toBe(true);
    await call(a, 'POST', `/users/${F.users.jane.id}/ban`);
    const created = (await call(a, 'POST', '/users', { email_address: ['persisted@x.test'] })).body;
    // Written before the response: visible on disk without closing.
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8'));
    expect(onDisk.users.some((u: { id: string }) => u.id === created.id)).toBe(true);
    await a.close();

    const b = createSandbox({ dataDir: dir, now: () => NOW + 1000 });
    expect((await call(b, 'GET', `/users/${F.users.jane.id}`)).body.banned).toBe(true);
    expect((await call(b, 'GET', `/users/${created.id}`)).status).toBe(200);
    // The id counter continues: a new record does not reuse an id.
    const next = (await call(b, 'POST', '/users', { email_address: ['second@x.test'] })).body;
    expect(next.id).not.toBe(created.id);
    expect(b.snapshot().users.filter((u) => u.id === next.id)).toHaveLength(1);
  });

  it('reads do not rewrite the file; failed mutations do not either', async () => {
    const dir = tempDir();
    const sb = createSandbox({ dataDir: dir, now: () => NOW });
    const file = path.join(dir, 'state.json');
    // Every save renames a new file into place, so the inode tells whether a save happened.
    const inode = statSync(file).ino;
    await call(sb, 'GET', '/users');
    await call(sb, 'POST', '/users', { email_address: ['jane@example.com'] });
    await call(sb, 'POST', '/users/user_ghost/ban');
    expect(statSync(file).ino).toBe(inode);
    await call(sb, 'POST', `/users/${F.users.jane.id}/ban`);
    expect(statSync(file).ino).not.toBe(inode);
  });

  it('reset() reseeds and persists; the reset option ignores what is on disk', async () => {
    const dir = tempDir();
    const a = createSandbox({ dataDir: dir, now: () => NOW });
    await call(a, 'DELETE', `/users/${F.users.jane.id}`);
    a.reset();
    expect((await call(a, 'GET', `/users/${F.users.jane.id}`)).status).toBe(200);
    await call(a, 'DELETE', `/users/${F.users.bob.id}`);
    const b = createSandbox({ dataDir: dir, now: () => NOW });
    expect((await call(b, 'GET', `/users/${F.users.bob.id}`)).status).toBe(404);
    const c = createSandbox({ dataDir: dir, now: () => NOW, reset: true });
    expect((await call(c, 'GET', `/users/${F.users.bob.id}`)).status).toBe(200);
    const d = createSandbox({ dataDir: dir, now: () => NOW });
    expect((await call(d, 'GET', `/users/${F.users.bob.id}`)).status).toBe(200);
    d.reset('empty');
    expect(createSandbox({ dataDir: dir }).snapshot().users).toEqual([]);
  });

  it('a crash mid-write (leftover partial temp file) leaves the last good state and is cleaned up', async () => {
    const dir = tempDir();
    const a = createSandbox({ dataDir: dir, now: () => NOW });
    await call(a, 'POST', `/users/${F.users.lee.id}/unlock`);
    const good = readFileSync(path.join(dir, 'state.json'), 'utf8');
    // What a crash between write and rename leaves behind.
    writeFileSync(path.join(dir, 'state.json.tmp-99999-1'), good.slice(0, good.length / 2));
    const b = createSandbox({ dataDir: dir, now: () => NOW });
    expect((await call(b, 'GET', `/users/${F.users.lee.id}`)).body.locked).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('state.json.tmp-'))).toEqual([]);
  });

  it('never leaves temp files behind after normal writes', async () => {
    const dir = tempDir();
    const sb = createSandbox({ dataDir: dir, now: () => NOW });
    for (let i = 0; i < 5; i++) await call(sb, 'POST', '/users', { email_address: [`u${i}@x.test`] });
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('a corrupt state.json is an actionable SandboxStateError, never silently replaced', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'state.json'), '{"version":1,"users":[');
    expect(() => createSandbox({ dataDir: dir })).toThrow(SandboxStateError);
    expect(() => createSandbox({ dataDir: dir })).toThrow(/--reset/);
    expect(readFileSync(path.join(dir, 'state.json'), 'utf8')).toBe('{"version":1,"users":[');
    writeFileSync(path.join(dir, 'state.json'), '{"version":2}');
    expect(() => createSandbox({ dataDir: dir })).toThrow(/version-1/);
    const fresh = createSandbox({ dataDir: dir, reset: true });
    expect(fresh.snapshot().users).toHaveLength(F.counts.users);
  });

  it('memory-only sandboxes write nothing', async () => {
    const dir = tempDir();
    const sb = createSandbox({ now: () => NOW });
    await call(sb, 'POST', '/users', { email_address: ['mem@x.test'] });
    expect(readdirSync(dir)).toEqual([]);
  });
});
