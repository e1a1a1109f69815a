/**
 * Issue 13 through the real CLI: one exit-code rule for one-shot requests, piped input echoed terminal-safe (and an
 * over-long line refused without being printed), a blank one-shot request refused, and an approved change whose
 * outcome never reached the audit reported at the next start.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedPort, hasStackTrace, runChat } from './cli-support.js';
import { tempDir } from './support.js';

describe('clerk-agent chat: exit codes and input (issue 13, defect 7)', () => {
  it('a one-shot request exits non-zero when Clerk is unreachable, with one clear line', async () => {
    const port = await closedPort();
    const run = await runChat(['list banned users'], {
      env: { CLERK_SECRET_KEY: 'sk_test_abcdefghijklmnop', CLERK_API_URL: `http://127.0.0.1:${port}/v1` },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`cannot reach http://127\\.0\\.0\\.1:${port}/v1`));
    expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
    expect(run.stdout + run.stderr).not.toContain('sk_test_abcdefghijklmnop');
  });

  it('a one-shot request that worked still exits 0', async () => {
    const run = await runChat(['list banned users']);
    expect(run.code).toBe(0);
  });

  it('a blank one-shot request is refused with one line and does not open the interactive chat', async () => {
    const run = await runChat(['   '], { input: 'list banned users\n' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('the request is empty');
  });

  it('piped lines are echoed with escape sequences made visible', async () => {
    const run = await runChat([], { input: 'who is \x1b[2J\x1b[31mjane\x07?\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('clerk> who is \\u001b[2J\\u001b[31mjane\\u0007?');
    expect(run.stdout).not.toContain('\x1b[2J');
    expect(run.stdout).not.toContain('\x07');
  });

  it('a 1 MB piped line is refused without being printed, and the chat goes on', async () => {
    const run = await runChat([], { input: `${'x'.repeat(1_000_000)}\n/model\n` });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('x'.repeat(100));
    expect(run.stdout).toContain('[a line of 1,000,000 characters, not shown]');
    expect(run.stdout).toContain('1,000,000 characters long; the limit is 4,000');
    expect(run.stdout).toContain('model    offline');
    expect(run.stdout.length).toBeLessThan(20_000);
  });
});

describe('clerk-agent chat: an approved change whose outcome never reached the audit', () => {
  it('is reported at the next start as outcome unknown, and /audit lists it so', async () => {
    const dataDir = tempDir();
    // A pid that is certainly not running any more: a process that has exited.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const intent = {
      time: '2026-12-06T03:00:00.000Z',
      runId: 'run_1',
      requester: 'local:alice',
      approver: 'local:alice',
      decision: 'approved',
      status: 'intent',
      action: 'clerk_user_ban',
      callId: 'call_1',
      approvalId: 'appr_1',
      argsDigest: '0'.repeat(64),
      args: { user_id: 'user_1' },
      preview: 'Ban Jane Doe <jane@example.com> (user_1)',
      live: false,
      pid: dead,
    };
    writeFileSync(path.join(dataDir, 'audit.jsonl'), `${JSON.stringify(intent)}\n`);
    const run = await runChat([], { input: '/audit\n', dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Outcome unknown: 1 approved change was running when an earlier chat stopped; check Clerk before retrying',
    );
    expect(run.stdout).toContain('2026-12-06 03:00  Ban Jane Doe <jane@example.com> (user_1)');
    expect(run.stdout).toMatch(/outcome unknown\s+│?\s*Ban Jane Doe/);
  });
});
