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
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { tempDir } from './support.js';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'worker.ts');

interface Worker {
  child: ChildProcess;
  /** The next JSON line the worker prints (bounded wait). */
  next(): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

function start(args: string[], env: NodeJS.ProcessEnv = process.env): Worker {
  const child = spawn(process.execPath, ['--import', tsx, worker, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
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

/** The same scenarios on each store: the embedded files, and PostgreSQL (a throwaway cluster). */
let pgServer: TestPostgres | undefined;
afterAll(async () => {
  await pgServer?.stop();
});

const stores: Array<[string, () => Promise<NodeJS.ProcessEnv>]> = [
  ['embedded', async () => process.env],
  [
    'postgres',
    async () => {
      pgServer ??= await startPostgres();
      return { ...process.env, WORKER_DATABASE_URL: pgServer.url };
    },
  ],
];

describe.each(stores)('two processes on one %s queue', (_name, storeEnv) => {
  let env: NodeJS.ProcessEnv = process.env;
  beforeAll(async () => {
    env = await storeEnv();
  }, 60_000);
  const run = (args: string[]) => start(args, env);
  /** One process approving `id` as `who`, and one poller's pass over the queue (each prints one JSON line). */
  const decide = (dataDir: string, id: string, who: string) =>
    run(['decide', dataDir, server.url, id, who, 'approve']).next();
  const poll = (dataDir: string) => run(['poll', dataDir, server.url]).next();
  /** A ban of Jane raised by a process that then exits, so no raiser is alive to execute it. */
  const raiseThenExit = async (dataDir: string) => {
    const raiser = run(['raise', dataDir, server.url, janeId, 'exit']);
    const raised = await raiser.next();
    expect(await raiser.exited).toBe(0);
    return String(raised.requestId);
  };

  it('raised by one, approved by another while the first runs: the first executes it, once', async () => {
    await unban();
    const before = mutations().length;
    const dataDir = tempDir();
    const raiser = run(['raise', dataDir, server.url, janeId, 'wait']);
    const raised = await raiser.next();
    expect(raised).toMatchObject({ event: 'raised' });
    const decided = await decide(dataDir, String(raised.requestId), 'slack:UALICE');
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
    const id = await raiseThenExit(dataDir);
    const decided = await decide(dataDir, id, 'slack:UALICE');
    expect(decided).toMatchObject({ decided: { ok: true }, executed: { ok: true } });
    expect(String((decided.executed as { summary: string }).summary)).toMatch(/^Done: 1 change/);
    const later = await poll(dataDir);
    expect(later).toMatchObject({ executed: [], statuses: [{ status: 'executed' }] });
    expect(mutations().slice(before)).toHaveLength(1);
    expect(jane().banned).toBe(true);
  });

  it('approved after the raiser exited: a refused approver runs nothing, the approver runs it, racing pollers add nothing', async () => {
    await unban();
    const before = mutations().length;
    const dataDir = tempDir();
    const id = await raiseThenExit(dataDir);
    // A person not allowed to approve is refused by a third process; nothing runs.
    const refused = await decide(dataDir, id, 'slack:UCAROL');
    expect(refused).toMatchObject({ decided: { ok: false, code: 'not_allowed' } });
    const polled1 = await poll(dataDir);
    expect(polled1).toMatchObject({ executed: [] });
    expect(mutations().slice(before)).toHaveLength(0);
    // The approving process executes an orphaned request itself, so two pollers racing after it run nothing more.
    const approved = await decide(dataDir, id, 'slack:UALICE');
    expect(approved).toMatchObject({ decided: { ok: true } });
    const racers = await Promise.all([poll(dataDir), poll(dataDir)]);
    expect(racers.every((r) => (r.executed as string[]).length === 0)).toBe(true);
    expect(mutations().slice(before)).toHaveLength(1);
  });

  it('kill -9 during executing: a restart shows "outcome unknown" and never runs it again', async () => {
    await unban();
    const before = mutations().length;
    const dataDir = tempDir();
    const raiser = run(['raise', dataDir, server.url, janeId, 'wait', '--hang']);
    const raised = await raiser.next();
    await decide(dataDir, String(raised.requestId), 'slack:UALICE');
    expect(await raiser.next()).toMatchObject({ event: 'mutation_sent' });
    raiser.child.kill('SIGKILL');
    await raiser.exited;
    expect(mutations().slice(before)).toHaveLength(1);
    const restarted = await poll(dataDir);
    expect(restarted).toMatchObject({ executed: [], unknown: [raised.requestId] });
    const [status] = restarted.statuses as Array<{ status: string; text: string }>;
    expect(status).toMatchObject({ status: 'unknown' });
    expect(status!.text).toMatch(/outcome unknown: check Clerk before retrying/);
    // Another approval and more pollers change nothing.
    const again = await decide(dataDir, String(raised.requestId), 'slack:UALICE');
    expect(again).toMatchObject({ decided: { ok: false, code: 'already_decided' } });
    await poll(dataDir);
    expect(mutations().slice(before)).toHaveLength(1);
  });

  it('20 concurrent approvals from two processes: one wins, 19 are told it was already approved, one execution', async () => {
    await unban();
    const before = mutations().length;
    const dataDir = tempDir();
    const id = await raiseThenExit(dataDir);
    const [a, b] = await Promise.all([
      run(['decide-many', dataDir, server.url, id, 'slack:UALICE', '10']).next(),
      run(['decide-many', dataDir, server.url, id, 'slack:UALICE', '10']).next(),
    ]);
    const results = [
      ...(a.results as Array<{ ok: boolean; message?: string }>),
      ...(b.results as Array<{ ok: boolean; message?: string }>),
    ];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r.message).toMatch(/already approved by/);
    const polled = await Promise.all([poll(dataDir), poll(dataDir)]);
    expect(polled.flatMap((p) => p.executed as string[])).toHaveLength(1);
    expect(
      mutations()
        .slice(before)
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual([`POST /users/${janeId}/ban`]);
    expect(jane().banned).toBe(true);
  }, 90_000);
});
