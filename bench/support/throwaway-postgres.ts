/**
 * A throwaway PostgreSQL 15 cluster for tests and benchmarks: initdb in a temp folder, a free loopback port, trust auth, stopped
 * (and deleted) by `stop()`. initdb refuses to run as root, so as root the server runs as the `postgres` user.
 * When the binaries are missing this THROWS (the suite fails): a green run must never hide an untested store.
 * `.ci/run` installs PostgreSQL on a machine that lacks it.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

const BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'];

function binDir(): string {
  const found = BIN_DIRS.find((d) => existsSync(path.join(d, 'initdb')));
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries not found (looked in /usr/lib/postgresql/{15,16,17}/bin). ' +
        'Install them: apt-get update && apt-get install -y postgresql. The Postgres store tests do not skip.',
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool, as the `postgres` user when we are root. */
function runTool(bin: string, args: string[]): void {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: 'pipe', timeout: 60_000 });
}

/**
 * Starts a fresh cluster on a free 127.0.0.1 port (a second or two). Tests run with fsync off (speed; the data is
 * thrown away); benchmarks pass `fsync: true` so their figures include real commits.
 */
export async function startPostgres(options: { fsync?: boolean } = {}): Promise<TestPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-agent-pg-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const port = await freePort();
  runTool(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  runTool(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-t',
    '30',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${options.fsync ? 'on' : 'off'} -c max_connections=200`,
    'start',
  ]);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      runTool(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A test run killed by a signal still stops the server it started.
  process.once('exit', () => {
    if (!stopped) {
      try {
        runTool(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } catch {}
    }
  });
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
