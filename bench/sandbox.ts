/**
 * Sandbox throughput: 10 000 users served on 127.0.0.1, `GET /v1/users?limit=10` from a bounded keep-alive load
 * generator in a child process (so it does not share the server's event loop), 16 requests in flight. Prints
 * req/s, p50/p99 latency, the server process's peak RSS, and the in-process fetch rate for comparison.
 * Targets (issue #3): ≥ 3,000 req/s and p99 ≤ 20 ms on a 2-core machine, RSS ≤ 250 MB.
 */
import { spawn } from 'node:child_process';
import { addGeneratedUsers, buildDemoState, createSandbox, serveSandbox } from '../src/sandbox/index.js';
import { LOAD_PHASES, type LoadResult } from './support/load-phases.js';

const USERS = 10_000;
const REQUESTS = 30_000;
const WARMUP = 2_000;
const CONCURRENCY = 16;

/** The load generator, as plain JS for `node -e` (no TypeScript loader needed in the child). */
const LOADGEN = `
const http = require('node:http');
const { URL: target, KEY, N, WARM, C, VARY } = process.env;
const url = new URL(target);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(C) });
const headers = { authorization: 'Bearer ' + KEY, 'clerk-api-version': '2026-05-12' };
let seq = 0;
function once() {
  return new Promise((resolve, reject) => {
    // VARY=1: a different offset on every request, so no two consecutive queries are the same.
    const path = url.pathname + url.search + (VARY === '1' ? '&offset=' + (seq++ % 9990) : '');
    const t0 = process.hrtime.bigint();
    const req = http.get({ host: url.hostname, port: url.port, path, agent, headers }, (res) => {
      let n = 0;
      res.on('data', (c) => { n += c.length; });
      res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, ok: res.statusCode === 200 && n > 2 }));
    });
    req.on('error', reject);
  });
}
${LOAD_PHASES}
measure(false).catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

function runLoad(url: string, key: string, vary: boolean): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOADGEN], {
      env: {
        ...process.env,
        URL: url,
        KEY: key,
        N: String(REQUESTS),
        WARM: String(WARMUP),
        C: String(CONCURRENCY),
        VARY: vary ? '1' : '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out) as LoadResult);
      else reject(new Error(`load generator exited with ${code}: ${err.trim()}`));
    });
  });
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function inProcessRate(
  fetchFn: (url: string, init: RequestInit) => Promise<Response>,
  key: string,
): Promise<number> {
  const init = { headers: { authorization: `Bearer ${key}` } };
  const n = 5_000;
  for (let i = 0; i < 1_000; i++) await (await fetchFn('http://sandbox.local/v1/users?limit=10', init)).text();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await (await fetchFn('http://sandbox.local/v1/users?limit=10', init)).text();
  return (n / (performance.now() - t0)) * 1000;
}

/** Run the sandbox benchmark and print its figures. */
export async function run(log: (line: string) => void): Promise<void> {
  const now = Date.now();
  const state = buildDemoState(now);
  addGeneratedUsers(state, USERS - state.users.length, now);
  const sandbox = createSandbox({ seed: state, now: () => now });
  const server = await serveSandbox(sandbox);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    const r = await runLoad(`${server.url}/users?limit=10`, sandbox.secretKey, false);
    log(
      `sandbox: GET /users?limit=10 over loopback HTTP, ${fmt(USERS)} users, ${CONCURRENCY} in flight — ${fmt((r.count / r.ms) * 1000)} req/s, p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms (${fmt(r.count)} requests, ${r.errors} errors)`,
    );
    const v = await runLoad(`${server.url}/users?limit=10`, sandbox.secretKey, true);
    log(
      `sandbox: GET /users?limit=10&offset=<varies> (no repeated query) — ${fmt((v.count / v.ms) * 1000)} req/s, p50 ${fmt(v.p50, 2)} ms, p99 ${fmt(v.p99, 2)} ms (${v.errors} errors)`,
    );
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    log(`sandbox: resident memory (server process, peak) — ${fmt(peakRss / 1024 / 1024, 1)} MB`);
    const inProc = await inProcessRate((u, i) => sandbox.fetch(u, i), sandbox.secretKey);
    log(`sandbox: GET /users?limit=10 in-process fetch — ${fmt(inProc)} req/s`);
  } finally {
    clearInterval(sampler);
    await server.close();
    await sandbox.close();
  }
}
