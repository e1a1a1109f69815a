import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/commands/sandbox.js';
import { createSandbox, openSandbox, SandboxBusyError, SEED_FACTS, serveSandbox } from '../../src/sandbox/index.js';
import { acks, type Child, spawnChild } from './child-support.js';
import { call } from './helpers.js';

const F = SEED_FACTS;
const dirs: string[] = [];
const children: Child[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-own-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const c of children.splice(0)) {
    c.proc.kill('SIGKILL');
    await c.exited;
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A pid that certainly belongs to no running process: one that just exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('one owner per sandbox state', () => {
  it('a second process shares the owner’s sandbox: a ban through one is seen by the other; 100 concurrent creates from both, none lost, no id twice', async () => {
    const dir = tempDir();
    const a = spawnChild(dir);
    children.push(a);
    await a.until((l) => l.some((x) => x.startsWith('READY')));
    expect(a.lines[0]).toBe(`READY owner ${a.proc.pid}`);
    const lock = JSON.parse(readFileSync(path.join(dir, 'owner.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: a.proc.pid, command: `test child ${a.proc.pid}` });

    const b = spawnChild(dir);
    children.push(b);
    await b.until((l) => l.some((x) => x.startsWith('READY')));
    expect(b.lines[0]).toBe(`READY shared ${a.proc.pid}`);

    b.send(`ban ${F.users.jane.id}`);
    await b.until((l) => l.some((x) => x.startsWith('STATUS')));
    expect(b.lines).toContain('STATUS 200 banned=true');
    a.send(`get ${F.users.jane.id}`);
    await a.until((l) => l.some((x) => x.startsWith('STATUS')));
    expect(a.lines).toContain('STATUS 200 banned=true');

    a.send('create 50 a');
    b.send('create 50 b');
    await a.until((l) => l.includes('DONE'));
    await b.until((l) => l.includes('DONE'));
    const acked = [...acks(a.lines), ...acks(b.lines)];
    expect(acked).toHaveLength(100);
    expect(new Set(acked).size).toBe(100);

    b.send('quit');
    await b.until((l) => l.includes('CLOSED'));
    a.send('quit');
    await a.until((l) => l.includes('CLOSED'));
    expect(existsSync(path.join(dir, 'owner.lock'))).toBe(false);
    const after = createSandbox({ dataDir: dir });
    const users = after.snapshot().users;
    await after.close();
    const ids = new Set(users.map((u) => u.id));
    for (const id of acked) expect(ids.has(id)).toBe(true);
    expect(users.find((u) => u.id === F.users.jane.id)!.banned).toBe(true);
  });

  it('an owner that cannot be reached is named in a clear refusal (pid, command, what to do)', async () => {
    const dir = tempDir();
    // A live pid (this test process) holding the lock, with no socket to share through.
    writeFileSync(
      path.join(dir, 'owner.lock'),
      JSON.stringify({ pid: process.pid, command: 'clerk-agent sandbox', startedAt: '2026-12-06T03:00:00.000Z' }),
    );
    const refused = await openSandbox({ dataDir: dir, owner: 'clerk-agent chat' }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(SandboxBusyError);
    expect((refused as Error).message).toMatch(
      new RegExp(`in use by pid ${process.pid} \\(clerk-agent sandbox\\) and cannot be shared.*Stop that process`),
    );
    // The same process cannot open the state twice either.
    expect(() => createSandbox({ dataDir: dir })).toThrow(SandboxBusyError);
    // Nothing was read or written.
    expect(existsSync(path.join(dir, 'snapshot.ndjson'))).toBe(false);
  });

  it('a process started while the owner is still loading waits for its socket instead of being refused', async () => {
    const dir = tempDir();
    // An owner that has just taken the lock (this process) and has not opened its socket yet.
    writeFileSync(
      path.join(dir, 'owner.lock'),
      JSON.stringify({ pid: process.pid, command: 'slow owner', startedAt: new Date().toISOString() }),
    );
    const opening = openSandbox({ dataDir: dir, owner: 'second' });
    await new Promise((r) => setTimeout(r, 300));
    const ownerSandbox = createSandbox({ now: () => 0 });
    const server = await serveSandbox(ownerSandbox, { socketPath: path.join(dir, 'sandbox.sock') });
    try {
      const { sandbox, sharedWith } = await opening;
      expect(sharedWith).toMatchObject({ pid: process.pid, command: 'slow owner' });
      expect((await call(sandbox, 'POST', `/users/${F.users.jane.id}/ban`)).status).toBe(200);
      expect(ownerSandbox.snapshot().users.find((u) => u.id === F.users.jane.id)!.banned).toBe(true);
      await sandbox.close();
    } finally {
      await server.close();
    }
  });

  it('a stale lock from a dead process is recovered', async () => {
    const dir = tempDir();
    const pid = deadPid();
    writeFileSync(
      path.join(dir, 'owner.lock'),
      JSON.stringify({ pid, command: 'clerk-agent chat', startedAt: '2026-12-06T03:00:00.000Z' }),
    );
    const { sandbox, sharedWith } = await openSandbox({ dataDir: dir, owner: 'recovering' });
    expect(sharedWith).toBeUndefined();
    expect(JSON.parse(readFileSync(path.join(dir, 'owner.lock'), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'recovering',
    });
    expect((await call(sandbox, 'GET', `/users/${F.users.jane.id}`)).status).toBe(200);
    await sandbox.close();
    expect(existsSync(path.join(dir, 'owner.lock'))).toBe(false);
  });

  it('clerk-agent sandbox --reset is refused while another process owns the state; without --reset it shares', async () => {
    const dir = tempDir();
    const owner = spawnChild(dir);
    children.push(owner);
    await owner.until((l) => l.some((x) => x.startsWith('READY')));
    owner.send(`ban ${F.users.bob.id}`);
    await owner.until((l) => l.some((x) => x.startsWith('STATUS')));

    let err = '';
    const code = await run(['--port', '0', '--data', dir, '--reset'], { out: () => {}, err: (t) => (err += t) });
    expect(code).toBe(1);
    expect(err).toContain(`Cannot reset the sandbox in ${dir}: it is in use by pid ${owner.proc.pid}`);

    let out = '';
    const stop = new AbortController();
    const done = run(['--port', '0', '--data', dir], { out: (t) => (out += t), err: () => {}, signal: stop.signal });
    const deadline = Date.now() + 10_000;
    while (!/listening on (\S+)/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(out).toContain(`shared with pid ${owner.proc.pid}`);
    const url = /listening on (\S+)/.exec(out)![1]!;
    const key = /secret key:\s+(\S+)/.exec(out)![1]!;
    const bob = (await (
      await fetch(`${url}/users/${F.users.bob.id}`, { headers: { authorization: `Bearer ${key}` } })
    ).json()) as {
      banned: boolean;
    };
    expect(bob.banned).toBe(true);
    stop.abort();
    expect(await done).toBe(0);
  });
});

describe('kill -9 during a stream of mutations', () => {
  it('loses no acknowledged mutation (20 rounds, each reopened by the next)', async () => {
    const dir = tempDir();
    const everAcked: string[] = [];
    for (let round = 0; round < 20; round++) {
      const child = spawnChild(dir);
      children.push(child);
      await child.until((l) => l.some((x) => x.startsWith('READY owner')));
      child.send('stream');
      // Kill at a different point each round (after 5..62 acknowledgements).
      const target = 5 + ((round * 37) % 58);
      await child.until((l) => acks(l).length >= target);
      child.proc.kill('SIGKILL');
      await child.exited;
      children.pop();
      const acked = acks(child.lines);
      everAcked.push(...acked);
      // Reopen (recovers the stale lock, replays the journal, ignores a torn last record).
      const reopened = createSandbox({ dataDir: dir });
      const ids = new Set(reopened.snapshot().users.map((u) => u.id));
      const missing = everAcked.filter((id) => !ids.has(id));
      expect({ round, missing }).toEqual({ round, missing: [] });
      await reopened.close(); // compacts and releases the lock: the next round's child owns the state again
    }
    expect(everAcked.length).toBeGreaterThan(20 * 5);
  }, 240_000);
});

describe('when the owner stops', () => {
  it('a process that shared its sandbox takes the state over on its next request (never re-sending one that may have arrived)', async () => {
    const dir = tempDir();
    const owner = spawnChild(dir);
    children.push(owner);
    await owner.until((l) => l.some((x) => x.startsWith('READY owner')));
    const { sandbox, sharedWith } = await openSandbox({ dataDir: dir, owner: 'second terminal' });
    expect(sharedWith?.pid).toBe(owner.proc.pid);
    expect((await call(sandbox, 'POST', `/users/${F.users.jane.id}/ban`)).status).toBe(200);

    owner.proc.kill('SIGKILL');
    await owner.exited;
    children.pop();
    // The owner is gone (its socket file is still there, nothing listens): this request was never sent, so it
    // runs here after taking over the stale lock.
    const lock = await call(sandbox, 'POST', `/users/${F.users.bob.id}/lock`);
    expect(lock.status).toBe(200);
    expect(JSON.parse(readFileSync(path.join(dir, 'owner.lock'), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'second terminal',
    });
    const jane = await call(sandbox, 'GET', `/users/${F.users.jane.id}`);
    expect(jane.body.banned).toBe(true);
    await sandbox.close();
    const after = createSandbox({ dataDir: dir });
    expect(after.snapshot().users.find((u) => u.id === F.users.bob.id)!.locked).toBe(true);
    await after.close();
  });
});
