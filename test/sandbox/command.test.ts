import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSandboxFlags, run } from '../../src/commands/sandbox.js';
import { SEED_FACTS } from '../../src/sandbox/index.js';

const F = SEED_FACTS;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-sandbox-cmd-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Run the command in-process until `whileRunning` finishes; returns exit code and output. */
async function runCommand(argv: string[], whileRunning: (url: string, key: string) => Promise<void> = async () => {}) {
  let out = '';
  let err = '';
  const stop = new AbortController();
  const done = run(argv, { out: (t) => (out += t), err: (t) => (err += t), signal: stop.signal });
  const deadline = Date.now() + 10_000;
  while (!/listening on (\S+)/.test(out) && Date.now() < deadline) {
    const early = await Promise.race([done.then((c) => c), new Promise((r) => setTimeout(() => r(undefined), 10))]);
    if (early !== undefined) return { code: early as number, out, err };
  }
  const url = /listening on (\S+)/.exec(out)![1]!;
  const key = /secret key:\s+(\S+)/.exec(out)![1]!;
  try {
    await whileRunning(url, key);
  } finally {
    stop.abort();
  }
  return { code: await done, out, err };
}

describe('flag parsing', () => {
  it('parses --port, --data, --reset, --help in both spellings', () => {
    expect(parseSandboxFlags(['--port', '0', '--data=/tmp/x', '--reset'])).toEqual({
      port: 0,
      data: '/tmp/x',
      reset: true,
      help: false,
    });
    expect(parseSandboxFlags(['--port=8080', '-h'])).toMatchObject({ port: 8080, help: true });
    expect(parseSandboxFlags([])).toMatchObject({ port: 4010, data: undefined, reset: false });
  });

  it('explains bad flags', () => {
    expect(parseSandboxFlags(['--port', 'abc'])).toMatch(/--port needs a whole number/);
    expect(parseSandboxFlags(['--port', '70000'])).toMatch(/65535/);
    expect(parseSandboxFlags(['--port'])).toMatch(/got nothing/);
    expect(parseSandboxFlags(['--data'])).toMatch(/--data needs a directory/);
    expect(parseSandboxFlags(['--verbose'])).toMatch(/unknown option "--verbose"/);
    expect(parseSandboxFlags(['--reset=yes'])).toMatch(/unknown option/);
  });
});

describe('clerk-agent sandbox', () => {
  it('--help prints usage and exits 0; bad flags exit 2 with a message on stderr', async () => {
    const help = await runCommand(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: clerk-agent sandbox');
    const bad = await runCommand(['--port', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--port needs a whole number');
    expect(bad.out).toBe('');
  });

  it('serves, prints how to connect, persists across runs, and --reset reseeds', async () => {
    const dir = tempDir();
    const first = await runCommand(['--port', '0', '--data', dir], async (url, key) => {
      expect(key).toMatch(/^sk_test_/);
      const res = await fetch(`${url}/users/${F.users.jane.id}/ban`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
      });
      expect(res.status).toBe(200);
    });
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /CLERK_API_URL=http:\/\/127\.0\.0\.1:\d+\/v1 CLERK_SECRET_KEY=sk_test_\S+ clerk-agent chat/,
    );
    expect(first.out).toContain('new, seeded with the demo data');
    expect(first.out).toContain('Sandbox stopped');
    expect(existsSync(path.join(dir, 'snapshot.ndjson'))).toBe(true);

    const second = await runCommand(['--port', '0', '--data', dir], async (url, key) => {
      const user = (await (
        await fetch(`${url}/users/${F.users.jane.id}`, { headers: { authorization: `Bearer ${key}` } })
      ).json()) as { banned: boolean };
      expect(user.banned).toBe(true);
    });
    expect(second.out).toContain('loaded from the last run');

    const third = await runCommand(['--port', '0', '--data', dir, '--reset'], async (url, key) => {
      const user = (await (
        await fetch(`${url}/users/${F.users.jane.id}`, { headers: { authorization: `Bearer ${key}` } })
      ).json()) as { banned: boolean };
      expect(user.banned).toBe(false);
    });
    expect(third.out).toContain('reset to the demo data');
  });

  it('defaults to <CLERK_AGENT_DATA_DIR>/sandbox (via loadConfig)', async () => {
    const dir = tempDir();
    const saved = process.env.CLERK_AGENT_DATA_DIR;
    process.env.CLERK_AGENT_DATA_DIR = dir;
    try {
      const r = await runCommand(['--port', '0']);
      expect(r.code).toBe(0);
      expect(existsSync(path.join(dir, 'sandbox', 'snapshot.ndjson'))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.CLERK_AGENT_DATA_DIR;
      else process.env.CLERK_AGENT_DATA_DIR = saved;
    }
  });

  it('reports a busy port and a corrupt state file with exit code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const busy = await runCommand(['--port', String(port), '--data', tempDir()]);
      expect(busy.code).toBe(1);
      expect(busy.err).toContain(`port ${port} is already in use`);
    } finally {
      blocker.close();
    }
    const dir = tempDir();
    writeFileSync(path.join(dir, 'snapshot.ndjson'), 'not json\n');
    const corrupt = await runCommand(['--port', '0', '--data', dir]);
    expect(corrupt.code).toBe(1);
    expect(corrupt.err).toContain('--reset');
  });

  it('stops cleanly on SIGINT (Ctrl-C) with the state on disk', async () => {
    const dir = tempDir();
    const script = `import('./src/commands/sandbox.ts').then((m) => m.run(['--port', '0', '--data', process.env.SANDBOX_DIR])).then((c) => { process.exitCode = c; });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, SANDBOX_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const deadline = Date.now() + 20_000;
    while (!/listening on (\S+)/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const url = /listening on (\S+)/.exec(out)![1]!;
    const key = /secret key:\s+(\S+)/.exec(out)![1]!;
    await fetch(`${url}/users/${F.users.bob.id}/lock`, { method: 'POST', headers: { authorization: `Bearer ${key}` } });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('Sandbox stopped');
    const { createSandbox } = await import('../../src/sandbox/index.js');
    expect(
      createSandbox({ dataDir: dir })
        .snapshot()
        .users.find((u) => u.id === F.users.bob.id)!.locked,
    ).toBe(true);
  });
});
