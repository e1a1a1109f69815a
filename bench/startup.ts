/**
 * Cold start of the terminal chat: from spawning `node bin/clerk-agent.js chat` (the built JavaScript) to the first
 * prompt on stdout, with zero configuration (local sandbox + offline model). Median of 5 runs each with a fresh
 * data directory (the sandbox is seeded) and with a data directory that already exists. Target ≤ 800 ms.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = 5;
const TIMEOUT_MS = 15_000;
const PROMPT = 'clerk> ';

/** The package root (works from bench/ under tsx and from dist/bench/ when built). */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above bench/');
    dir = up;
  }
  return dir;
}

/** An environment with no model or Clerk configuration, so the run is the zero-config path. */
function cleanEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(OPENAI_|CLERK_)/.test(key)) env[key] = value;
  }
  return { ...env, CLERK_AGENT_DATA_DIR: dataDir, NO_COLOR: '1' };
}

/** Milliseconds from spawn to the first prompt; the process is then ended with EOF. */
function timeToPrompt(root: string, dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'bin', 'clerk-agent.js'), 'chat'], {
      cwd: dataDir,
      env: cleanEnv(dataDir),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let elapsed: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (elapsed === undefined && stdout.includes(PROMPT)) {
        elapsed = performance.now() - started;
        child.stdin.end();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (elapsed !== undefined) resolve(elapsed);
      else reject(new Error(`no prompt (exit ${code}): ${(stderr || stdout).trim().split('\n')[0] ?? ''}`));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;

/** Prints the start-up figures. */
export async function run(log: (line: string) => void): Promise<void> {
  const root = packageRoot();
  if (!existsSync(path.join(root, 'dist', 'src', 'cli.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clerk-startup-'));
    dirs.push(dir);
    return dir;
  };
  try {
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i++) cold.push(await timeToPrompt(root, fresh()));
    const existing = fresh();
    await timeToPrompt(root, existing); // seeds it
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await timeToPrompt(root, existing));
    const verdict = (x: number) => (x <= 800 ? 'within' : 'OVER');
    log(
      `startup: clerk-agent chat → first prompt, new data dir (seeds the sandbox) — median ${ms(median(cold))} (min ${ms(Math.min(...cold))}, max ${ms(Math.max(...cold))}, ${RUNS} runs; ${verdict(median(cold))} the 800 ms target)`,
    );
    log(
      `startup: clerk-agent chat → first prompt, existing data dir — median ${ms(median(warm))} (min ${ms(Math.min(...warm))}, max ${ms(Math.max(...warm))}, ${RUNS} runs; ${verdict(median(warm))} the 800 ms target)`,
    );
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
