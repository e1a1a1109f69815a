/**
 * Several processes on one embedded queue (child processes via tsx), against one sandbox served over HTTP by the
 * test, so every write any process makes is counted in one place.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox, type SandboxServer, serveSandbox } from '../../src/sandbox/index.js';
import { tempDir } from './support.js';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'worker.ts');

interface Worker {
  child: ChildProcess;
  /** The next JSON line the worker prints (bounded wait). */
  next(): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

function start(args: string[]): Worker {
  const child = spawn(process.execPath, ['--import', tsx, worker, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<(line: string) => void> = [];
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += String(d);
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const waiter = waiters.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    next: () =>
      new Promise((resolve, reject) => {
        const take = (line: string) => resolve(JSON.parse(line) as Record<string, unknown>);
        const queued = lines.shift();
        if (queued !== undefined) return take(queued);
        const timer = setTimeout(() => reject(new Error(`worker said nothing in 60 s; stderr: ${stderr}`)), 60_000);
        waiters.push((line) => {
          clearTimeout(timer);
          take(line);
        });
        void exited.then((code) => {
          if (lines.length === 0) reject(new Error(`worker exited (${code}); stderr: ${stderr}`));
        });
      }),
  };
}

let sandbox: Sandbox;
let server: SandboxServer;
let janeId: string;

beforeAll(async () => {
  sandbox = createSandbox({ seed: 'demo' });
  server = await serveSandbox(sandbox);
  janeId = sandbox
    .snapshot()
    .users.find((u) => u.email_addresses.some((e) => e.email_address === 'jane@example.com'))!.id;
});
afterAll(async () => {
  await server.close();
  await sandbox.close();
});

const mutations = () => sandbox.requests.filter((r) => r.method !== 'GET');
const jane = () => sandbox.snapshot().users.find((u) => u.id === janeId)!;
const unban = async () => {
  if (jane().banned)
    await sandbox.fetch(`http://sandbox.local/v1/users/${janeId}/unban`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.secretKey}` },
    });
};

describe('two processes on one embedded queue', () => {
  it('raised by one, approved by another while the first runs: the first executes it, once', async () => {
    await unban();
    const before = mutations().length;
    const dataDir = tempDir();
    const raiser = start(['raise', dataDir, server.url, janeId, 'wait']);
    const raised = await raiser.next();
    expect(raised).toMatchObject({ event: 'raised' });
    const approver = start(['decide', dataDir, server.url, String(raised.requestId), 'slack:UALICE', 'approve']);
    const decided = await approver.next();
    // The raiser is alive, so the approving process leaves the execution to it.
    expect(decided).toMatchObject({ decided: { ok: true, status: 'approved' }, executed: { ok: false, code: 'busy' } });
    const executed = await raiser.next();
    expect(executed).toMatchObject({ event: 'executed', status: 'executed', modelText: 'Banned the user.' });
    expect(String(executed.summary)).toMatch(/^Done: 1 change/);
    expect(await raiser.exited).toBe(0);
    expect(
      mutations()
        .slice(before)
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual([`POST /users/${janeId}/ban`]);
    expect(jane().banned).toBe(true);
  });

  it('raised by a process that then exited, approved by another: that one executes it, once; later pollers do nothing', async () => {
    await unban();
    const before = mutations().length;
    const dataDir = tempDir();
    const raiser = start(['raise', dataDir, server.url, janeId, 'exit']);
    const raised = await raiser.next();
    expect(await raiser.exited).toBe(0);
    const approver = start(['decide', dataDir, server.url, String(raised.requestId), 'slack:UALICE', 'approve']);
    const decided = await approver.next();
    expect(decided).toMatchObject({ decided: { ok: true }, executed: { ok: true } });
    expect(String((decided.executed as { summary: string }).summary)).toMatch(/^Done: 1 change/);
    const later = await start(['poll', dataDir, server.url]).next();
    expect(later).toMatchObject({ executed: [], statuses: [{ status: 'executed' }] });
    expect(mutations().slice(before)).toHaveLength(1);
    expect(jane().banned).toBe(true);
  });

  it('approved after the raiser exited, executed by a later process that polls', async () => {
    await unban();
    const before = mutations().length;
    const dataDir = tempDir();
    const raiser = start(['raise', dataDir, server.url, janeId, 'exit']);
    const raised = await raiser.next();
    await raiser.exited;
    // A person not allowed to approve is refused by a third process; nothing runs.
    const refused = await start([
      'decide',
      dataDir,
      server.url,
      String(raised.requestId),
      'slack:UCAROL',
      'approve',
    ]).next();
    expect(refused).toMatchObject({ decided: { ok: false, code: 'not_allowed' } });
    const polled1 = await start(['poll', dataDir, server.url]).next();
    expect(polled1).toMatchObject({ executed: [] });
    expect(mutations().slice(before)).toHaveLength(0);
    // Approve without executing (deny-then... no: decide executes if orphaned), so use two pollers racing instead.
    const approved = await start([
      'decide',
      dataDir,
      server.url,
      String(raised.requestId),
      'slack:UALICE',
      'approve',
    ]).next();
    expect(approved).toMatchObject({ decided: { ok: true } });
    const racers = await Promise.all([
      start(['poll', dataDir, server.url]).next(),
      start(['poll', dataDir, server.url]).next(),
    ]);
    expect(racers.every((r) => (r.executed as string[]).length === 0)).toBe(true);
    expect(mutations().slice(before)).toHaveLength(1);
  });

  it('kill -9 during executing: a restart shows "outcome unknown" and never runs it again', async () => {
    await unban();
    const before = mutations().length;
    const dataDir = tempDir();
    const raiser = start(['raise', dataDir, server.url, janeId, 'wait', '--hang']);
    const raised = await raiser.next();
    await start(['decide', dataDir, server.url, String(raised.requestId), 'slack:UALICE', 'approve']).next();
    expect(await raiser.next()).toMatchObject({ event: 'mutation_sent' });
    raiser.child.kill('SIGKILL');
    await raiser.exited;
    expect(mutations().slice(before)).toHaveLength(1);
    const restarted = await start(['poll', dataDir, server.url]).next();
    expect(restarted).toMatchObject({ executed: [], unknown: [raised.requestId] });
    const [status] = restarted.statuses as Array<{ status: string; text: string }>;
    expect(status).toMatchObject({ status: 'unknown' });
    expect(status!.text).toMatch(/outcome unknown: check Clerk before retrying/);
    // Another approval and more pollers change nothing.
    const again = await start([
      'decide',
      dataDir,
      server.url,
      String(raised.requestId),
      'slack:UALICE',
      'approve',
    ]).next();
    expect(again).toMatchObject({ decided: { ok: false, code: 'already_decided' } });
    await start(['poll', dataDir, server.url]).next();
    expect(mutations().slice(before)).toHaveLength(1);
  });
});
