/** Drive test/sandbox/fixtures/sandbox-child.ts: spawn it, send lines, wait (bounded) for output. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = path.join(ROOT, 'test/sandbox/fixtures/sandbox-child.ts');

export interface Child {
  proc: ChildProcessWithoutNullStreams;
  /** Every stdout line so far. */
  lines: string[];
  send(line: string): void;
  /** Wait until `test` holds for the lines (polls; fails after `ms`). */
  until(test: (lines: string[]) => boolean, ms?: number): Promise<void>;
  exited: Promise<number | null>;
}

export function spawnChild(dir: string): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, SANDBOX_DIR: dir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
  });
  proc.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
  return {
    proc,
    lines,
    exited,
    send: (line) => proc.stdin.write(`${line}\n`),
    async until(test, ms = 20_000) {
      const deadline = Date.now() + ms;
      while (!test(lines)) {
        if (Date.now() > deadline || proc.exitCode !== null)
          throw new Error(
            `child did not get there (exit ${proc.exitCode}); stdout: ${lines.slice(-5).join(' | ')}; stderr: ${stderr.slice(-500)}`,
          );
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

/** Ids from `ACK <id>` lines. */
export function acks(lines: string[]): string[] {
  return lines.filter((l) => l.startsWith('ACK ')).map((l) => l.slice(4));
}
