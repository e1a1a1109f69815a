/**
 * Sandbox durability at scale (issue 13): a 100 000-user sandbox seeded by the generator and saved to a data
 * directory, served by `clerk-agent sandbox` in its own process. Prints:
 *  - start-up: spawn → "listening" (snapshot load), and again after kill -9 with an un-compacted journal (replay);
 *  - mutations: PATCH /users/{id} from 16 concurrent clients (group commit) and from 1 client (one fsync each);
 *  - reads (GET /users?limit=10&offset=<varies>, 16 in flight) while one client mutates without pause;
 *  - the server process's peak RSS (VmHWM).
 * Targets: ≥ 1,000 mutations/s with p99 ≤ 20 ms; reads ≥ 5,000 req/s while a client mutates; start-up ≤ 3 s;
 * RSS ≤ 500 MB. Every mutation is fdatasync'ed before its answer, on whatever disk holds the temp directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addGeneratedUsers, buildDemoState, createSandbox } from '../src/sandbox/index.js';
import { LOAD_PHASES, type LoadResult } from './support/load-phases.js';

const USERS = 100_000;
const MUTATIONS = 10_000;
const READS = 30_000;
const CONCURRENCY = 16;

/** Load generator as plain JS for `node -e`. MODE=mutate: PATCH users round-robin; MODE=read: varied list pages. */
const LOADGEN = `
const http = require('node:http');
const { URL: target, KEY, N, WARM, C, MODE, IDS, UNTIL_STDIN } = process.env;
const url = new URL(target);
const ids = (IDS || '').split(',');
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(C) });
let seq = 0;
function once() {
  return new Promise((resolve, reject) => {
    const n = seq++;
    const mutate = MODE === 'mutate';
    const path = mutate ? url.pathname + '/users/' + ids[n % ids.length] : url.pathname + '/users?limit=10&offset=' + (n % 9990);
    const body = mutate ? JSON.stringify({ first_name: 'Bench' + n }) : undefined;
    const headers = { authorization: 'Bearer ' + KEY, 'clerk-api-version': '2026-05-12' };
    if (body) { headers['content-type'] = 'application/json'; headers['content-length'] = Buffer.byteLength(body); }
    const t0 = process.hrtime.bigint();
    const req = http.request({ host: url.hostname, port: url.port, path, method: mutate ? 'PATCH' : 'GET', agent, headers }, (res) => {
      let size = 0;
      res.on('data', (c) => { size += c.length; });
      res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, ok: res.statusCode === 200 && size > 2 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
${LOAD_PHASES}
if (UNTIL_STDIN) { process.stdin.on('data', () => { stop = true; }); process.stdout.write('STARTED\\n'); }
measure(Boolean(UNTIL_STDIN)).catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

interface LoadOptions {
  mode: 'read' | 'mutate';
  n: number;
  warm: number;
  c: number;
  ids: string[];
  /** Run until told to stop (stdin), not for n requests. */
  open?: boolean;
}

function startLoad(url: string, key: string, o: LoadOptions): { child: ChildProcess; result: Promise<LoadResult> } {
  const child = spawn(process.execPath, ['-e', LOADGEN], {
    env: {
      ...process.env,
      URL: url,
      KEY: key,
      N: String(o.n),
      WARM: String(o.warm),
      C: String(o.c),
      MODE: o.mode,
      IDS: o.ids.join(','),
      ...(o.open ? { UNTIL_STDIN: '1' } : {}),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const result = new Promise<LoadResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0) resolve(JSON.parse(last) as LoadResult);
      else reject(new Error(`load generator exited with ${code}: ${err.trim()}`));
    });
  });
  return { child, result };
}

function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

interface Server {
  child: ChildProcess;
  url: string;
  key: string;
  startupMs: number;
}

/** Spawn `clerk-agent sandbox --data dir --port 0` and wait for its banner. */
function startServer(root: string, dir: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [path.join(root, 'bin', 'clerk-agent.js'), 'sandbox', '--data', dir, '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /listening on (\S+)/.exec(out)?.[1];
      const key = /secret key:\s+(\S+)/.exec(out)?.[1];
      if (url && key) resolve({ child, url, key, startupMs: performance.now() - t0 });
    });
    child.on('close', (code) => reject(new Error(`sandbox exited with ${code}: ${err.trim().split('\n')[0]}`)));
  });
}

/** Peak resident set of a live process, from /proc (Linux). */
function peakRssMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function stopServer(s: Server, signal: NodeJS.Signals): Promise<void> {
  const closed = new Promise((r) => s.child.once('close', r));
  s.child.kill(signal);
  await closed;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER target');

export async function run(log: (line: string) => void): Promise<void> {
  const root = packageRoot();
  if (!existsSync(path.join(root, 'dist', 'src', 'cli.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-durability-'));
  try {
    const now = Date.now();
    const state = buildDemoState(now);
    addGeneratedUsers(state, USERS - state.users.length, now);
    const ids = state.users.slice(0, 2_000).map((u) => u.id);
    const t0 = performance.now();
    await createSandbox({ seed: state, dataDir: dir }).close();
    // Figures depend on what else runs: say how busy the machine was.
    const load = loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ');
    log(`durability: machine — ${availableParallelism()} CPUs, load average ${load} (1/5/15 min)`);
    log(
      `durability: ${fmt(USERS)} users seeded and snapshotted in ${fmt(performance.now() - t0)} ms (data dir on ${dir})`,
    );

    let server = await startServer(root, dir);
    log(
      `durability: start-up, clerk-agent sandbox → listening (snapshot, empty journal) — ${fmt(server.startupMs)} ms (${verdict(server.startupMs <= 3000)} ≤ 3,000 ms)`,
    );

    const many = await startLoad(server.url, server.key, {
      mode: 'mutate',
      n: MUTATIONS,
      warm: 500,
      c: CONCURRENCY,
      ids,
    }).result;
    const rate = (many.count / many.ms) * 1000;
    log(
      `durability: PATCH /users/{id}, ${CONCURRENCY} clients — ${fmt(rate)} mutations/s, p50 ${fmt(many.p50, 2)} ms, p99 ${fmt(many.p99, 2)} ms (${fmt(many.count)} mutations, ${many.errors} errors; ${verdict(rate >= 1000 && many.p99 <= 20)} ≥ 1,000/s, p99 ≤ 20 ms)`,
    );
    const one = await startLoad(server.url, server.key, { mode: 'mutate', n: 2_000, warm: 100, c: 1, ids }).result;
    log(
      `durability: PATCH /users/{id}, 1 client (one fdatasync each) — ${fmt((one.count / one.ms) * 1000)} mutations/s, p50 ${fmt(one.p50, 2)} ms, p99 ${fmt(one.p99, 2)} ms (${one.errors} errors)`,
    );

    const mutator = startLoad(server.url, server.key, { mode: 'mutate', n: 0, warm: 0, c: 1, ids, open: true });
    await new Promise<void>((resolve) => {
      let seen = '';
      mutator.child.stdout!.on('data', (c: Buffer) => {
        seen += c.toString();
        if (seen.includes('STARTED')) resolve();
      });
    });
    const reads = await startLoad(server.url, server.key, { mode: 'read', n: READS, warm: 1_000, c: CONCURRENCY, ids })
      .result;
    mutator.child.stdin!.end('stop\n');
    const bg = await mutator.result;
    const readRate = (reads.count / reads.ms) * 1000;
    log(
      `durability: GET /users?limit=10&offset=<varies>, ${CONCURRENCY} in flight, while 1 client mutates — ${fmt(readRate)} req/s, p50 ${fmt(reads.p50, 2)} ms, p99 ${fmt(reads.p99, 2)} ms (${reads.errors} errors; ${verdict(readRate >= 5000)} ≥ 5,000/s); the mutating client meanwhile: ${fmt((bg.count / bg.ms) * 1000)} mutations/s, p99 ${fmt(bg.p99, 2)} ms, ${bg.errors} errors`,
    );
    const rss = peakRssMb(server.child.pid!);
    if (rss !== undefined)
      log(`durability: server process peak RSS (VmHWM) — ${fmt(rss, 1)} MB (${verdict(rss <= 500)} ≤ 500 MB)`);

    // kill -9: nothing compacted, so the next start replays every mutation above from the journal.
    const journaled = MUTATIONS + 500 + one.count + 100 + bg.count;
    await stopServer(server, 'SIGKILL');
    server = await startServer(root, dir);
    log(
      `durability: start-up after kill -9, replaying a journal of ~${fmt(journaled)} mutations — ${fmt(server.startupMs)} ms (${verdict(server.startupMs <= 3000)} ≤ 3,000 ms)`,
    );
    const rss2 = peakRssMb(server.child.pid!);
    if (rss2 !== undefined) log(`durability: peak RSS after that start-up — ${fmt(rss2, 1)} MB`);
    await stopServer(server, 'SIGTERM');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
