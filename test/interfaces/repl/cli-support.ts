/**
 * Spawning the real CLI (`node --import tsx src/cli.ts chat …`) with a clean environment: no OPENAI_* or CLERK_*
 * variables from the developer's shell, a temp data dir, and a temp working directory (so no stray .env is read).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from './support.js';

export const root = path.resolve(import.meta.dirname, '../../..');
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** The CLI entry spawned by the tests (run directly, it calls its own main()). */
export const cliPath = path.join(root, 'src', 'cli.ts');

/** The environment for a spawned CLI: the shell's, minus model/Clerk/colour settings, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(OPENAI_|CLERK_|NO_COLOR$|FORCE_COLOR$|DOTENV_)/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

/** Result of one CLI run. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `clerk-agent chat <args>` with `input` piped to stdin (then EOF). */
export function runChat(
  args: string[],
  options: { input?: string; env?: Record<string, string>; dataDir?: string } = {},
): Promise<CliRun> {
  const dataDir = options.dataDir ?? tempDir();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, cliPath, 'chat', ...args], {
      cwd: dataDir,
      env: cleanEnv({ CLERK_AGENT_DATA_DIR: dataDir, ...options.env }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A 127.0.0.1 port with nothing listening on it (bound, then released). */
export async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when text looks like a stack trace. */
export const hasStackTrace = (text: string) => /\n\s+at .+[:(]\d+/.test(text) || /node:internal/.test(text);
