/**
 * The REPL on the queue: the same prompt as before for one user, and under a four-eyes policy the terminal's own
 * yes is refused and the REPL waits for another approver's decision (made through the queue, as from Slack).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { scriptedRepl, tempDir } from '../interfaces/repl/support.js';
import { bob } from './support.js';

const jane = (sandbox: Sandbox) =>
  sandbox.snapshot().users.find((u) => u.email_addresses.some((e) => e.email_address === 'jane@example.com'))!;

/** Polls `check` until it returns a value (bounded: fails the test rather than hanging). */
async function eventually<T>(check: () => Promise<T | undefined>, tries = 400): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not reached');
}

describe('REPL on the approval queue', () => {
  it('four-eyes: the terminal user cannot approve their own ban; the REPL waits, Bob approves, it runs once', async () => {
    const dataDir = tempDir();
    const policyFile = path.join(dataDir, 'policy.yaml');
    writeFileSync(
      policyFile,
      [
        'approve:',
        '  write: ["terminal:*", "slack:UBOB"]',
        '  destructive: ["slack:UBOB"]',
        'self_approval:',
        '  write: false',
      ].join('\n'),
    );
    const app = await createApp(loadConfig({ CLERK_AGENT_POLICY: policyFile, USER: 'tester' }, { dataDir }));
    try {
      const { repl, text } = scriptedRepl(app, ['y']);
      const turn = repl.handleLine('ban jane@example.com');
      const pending = await eventually(async () => {
        const [r] = await app.approvals.list({ status: ['pending'] });
        return r && text().includes('Waiting:') ? r : undefined;
      });
      expect(jane(app.sandbox!).banned).toBe(false);
      expect(await app.approvals.decide(pending.id, { approve: true }, bob)).toMatchObject({ ok: true, ready: true });
      expect(await turn).toBe('done');
      expect(jane(app.sandbox!).banned).toBe(true);
      expect(app.sandbox!.requests.filter((r) => r.mutating)).toHaveLength(1);
      expect(text()).toMatch(/may not approve it too \(four-eyes\)/);
      expect(text()).toMatch(/Done: 1 change/);
      expect(app.audit.recent(1)[0]).toMatchObject({ requester: 'terminal:tester', approver: 'slack:UBOB' });
    } finally {
      await app.close();
    }
  });

  it('n: the request is denied in the queue and nothing runs', async () => {
    const app = await createApp(loadConfig({ USER: 'tester' }, { dataDir: tempDir() }));
    try {
      const { repl } = scriptedRepl(app, ['n not now']);
      expect(await repl.handleLine('ban jane@example.com')).toBe('done');
      expect(jane(app.sandbox!).banned).toBe(false);
      const [request] = await app.approvals.list();
      expect(request).toMatchObject({
        status: 'denied',
        reason: 'not now',
        decidedBy: { via: 'terminal', id: 'tester' },
      });
    } finally {
      await app.close();
    }
  });
});

describe('REPL when the policy does not let the terminal user ask', () => {
  it('says so in one line, and the pending change is denied and audited', async () => {
    const dataDir = tempDir();
    const policyFile = path.join(dataDir, 'policy.yaml');
    writeFileSync(policyFile, 'request: ["slack:UBOB"]\n');
    const app = await createApp(loadConfig({ CLERK_AGENT_POLICY: policyFile, USER: 'tester' }, { dataDir }));
    try {
      const { repl, text, prompter } = scriptedRepl(app, ['y']);
      expect(await repl.handleLine('ban jane@example.com')).toBe('done');
      expect(prompter.questions).toHaveLength(0);
      expect(text()).toMatch(/terminal:tester may not ask for changes/);
      expect(jane(app.sandbox!).banned).toBe(false);
      expect(app.audit.recent(1)[0]).toMatchObject({ status: 'denied', reason: expect.stringMatching(/may not ask/) });
      expect(await app.approvals.list()).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
