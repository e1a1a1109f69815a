/**
 * A chat killed with kill -9 while an approved change runs (issue 13, defect 3): the intent is on disk, the result
 * never came, and the next start reports the change as "outcome unknown" instead of forgetting it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../src/agent/audit.js';

const fixture = fileURLToPath(new URL('./fixtures/hang-during-ban.ts', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Polls `check` every 25 ms until it holds or `ms` pass. */
async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

describe('kill -9 between intent and result', () => {
  it('leaves the intent on disk, and the next start reports it as outcome unknown', async () => {
    const auditFile = path.join(mkdtempSync(path.join(tmpdir(), 'audit-kill-')), 'audit.jsonl');
    const child = spawn(process.execPath, ['--import', tsxLoader, fixture, auditFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );

    const hasIntent = () => existsSync(auditFile) && readFileSync(auditFile, 'utf8').includes('"status":"intent"');
    expect(await waitFor(hasIntent, 30_000), `child never wrote its intent: ${stderr}`).toBe(true);
    // While the child runs, its intent is in progress, not unknown.
    expect(createAuditLog({ file: auditFile }).unresolvedIntents()).toEqual([]);

    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const next = createAuditLog({ file: auditFile }); // the next start
    const unknown = next.unresolvedIntents();
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({
      status: 'intent',
      action: 'clerk_user_ban',
      requester: 'local:child',
      pid: child.pid,
    });
    expect(unknown[0]!.preview).toContain('Jane Doe');
    // Its approval id counts as decided, so a stale copy of the run cannot send it again.
    expect(next.entries().map((e) => e.approvalId)).toContain(unknown[0]!.approvalId);
  }, 60_000);
});
