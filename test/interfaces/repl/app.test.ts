/**
 * The REPL over the real app in-process (real agent, offline model, sandbox in a temp data dir), for what a spawned
 * CLI cannot script: Ctrl-C during a pending approval, and a live-key backend (sandbox behind a key-rewriting fetch).
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import type { ChatModel } from '../../../src/llm/model.js';
import { createRepl } from '../../../src/interfaces/repl/repl.js';
import { CANCEL_REASON } from '../../../src/interfaces/repl/turn.js';
import { createSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { captureOutput, fakeInterrupts, pipedLines, scriptedPrompter, scriptedRepl, tempDir } from './support.js';

const jane = (sandbox: Sandbox) =>
  sandbox.snapshot().users.find((u) => u.email_addresses.some((e) => e.email_address === 'jane@example.com'))!;

describe('REPL over the real app', () => {
  it('Ctrl-C during a pending approval: the call is denied, nothing is executed, the summary says so', async () => {
    const app = await createApp(loadConfig({}, { dataDir: tempDir() }));
    try {
      const interrupts = fakeInterrupts();
      const { out, text } = captureOutput();
      const prompter = scriptedPrompter([
        () => {
          interrupts.fire();
          return 'y';
        },
      ]);
      const repl = createRepl({ app, input: pipedLines([]), prompter, out, interrupts });
      expect(await repl.runOnce('ban jane@example.com')).toBe(0);
      expect(prompter.questions).toHaveLength(1);
      expect(jane(app.sandbox!).banned).toBe(false);
      expect(app.sandbox!.requests.filter((r) => r.mutating)).toEqual([]);
      expect(app.audit.recent(5)).toEqual([
        expect.objectContaining({ action: 'clerk_user_ban', status: 'denied', reason: CANCEL_REASON }),
      ]);
      expect(text()).toContain('No changes were made.');
      expect(text()).toContain(`denied: Ban Jane Doe <jane@example.com>`);
    } finally {
      await app.close();
    }
  });

  it('a prompt that fails (terminal gone) denies the pending call through the agent, so the denial is audited', async () => {
    const app = await createApp(loadConfig({}, { dataDir: tempDir() }));
    try {
      const { out, text } = captureOutput();
      const prompter = { ask: async () => Promise.reject(new Error('no /dev/tty')) };
      const repl = createRepl({ app, input: pipedLines([]), prompter, out, interrupts: fakeInterrupts() });
      await repl.runOnce('ban jane@example.com');
      expect(jane(app.sandbox!).banned).toBe(false);
      expect(app.sandbox!.requests.filter((r) => r.mutating)).toEqual([]);
      expect(app.audit.recent(5)).toEqual([
        expect.objectContaining({
          action: 'clerk_user_ban',
          status: 'denied',
          reason: expect.stringContaining('approval prompt failed'),
        }),
      ]);
      expect(text()).toContain('No changes were made.');
    } finally {
      await app.close();
    }
  });

  it('Ctrl-C while the model is thinking: the turn ends as cancelled (not as a failure) and the REPL goes on', async () => {
    const interrupts = fakeInterrupts();
    // A model that never answers on its own: it only ends when the turn's signal aborts.
    const stuck: ChatModel = {
      name: 'stuck',
      complete: (request) =>
        new Promise((_, reject) => {
          request.signal?.addEventListener('abort', () => reject(new Error('aborted')));
          setImmediate(() => interrupts.fire());
        }),
    };
    const app = await createApp(loadConfig({}, { dataDir: tempDir() }), { model: stuck });
    try {
      const { out, text } = captureOutput();
      const repl = createRepl({ app, input: pipedLines([]), prompter: scriptedPrompter([]), out, interrupts });
      expect(await repl.runOnce('ban jane@example.com')).toBe(0);
      expect(text()).toContain('^C cancelling');
      expect(text()).toContain('Cancelled before the turn finished.');
      expect(text()).not.toContain('error:');
      expect(app.sandbox!.requests.filter((r) => r.mutating)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('y executes exactly one ban, and the conversation continues in the next turn', async () => {
    const app = await createApp(loadConfig({}, { dataDir: tempDir() }));
    try {
      const { repl, text } = scriptedRepl(app, ['y']);
      expect(await repl.handleLine('ban jane@example.com')).toBe('done');
      expect(jane(app.sandbox!).banned).toBe(true);
      expect(app.sandbox!.requests.filter((r) => r.mutating)).toHaveLength(1);
      // Through the approval queue the audit names people as via:id: the terminal user is `terminal:<user>`.
      const terminalUser = app.config.requester.replace(/^local:/, 'terminal:');
      expect(app.audit.recent(1)[0]).toMatchObject({
        status: 'executed',
        requester: terminalUser,
        approver: terminalUser,
      });
      expect(await app.approvals.list({ status: ['executed'] })).toHaveLength(1);
      expect(text()).toMatch(/Done: 1 change/);
    } finally {
      await app.close();
    }
  });

  it('a change that adds a metadata key (its diff has no "before") survives the queue and executes on y', async () => {
    const app = await createApp(loadConfig({}, { dataDir: tempDir() }));
    try {
      const { repl, text } = scriptedRepl(app, ['y']);
      expect(await repl.handleLine('mark jane@example.com as a beta_tester in public metadata')).toBe('done');
      expect(text()).not.toMatch(/malformed/);
      expect(jane(app.sandbox!).public_metadata).toMatchObject({ beta_tester: true });
      expect(text()).toMatch(/Done: 1 change/);
    } finally {
      await app.close();
    }
  });

  it('a sk_live_ key: every approval card carries the LIVE warning', async () => {
    const sandbox = createSandbox({ seed: 'demo' });
    // The sandbox refuses live keys; this fetch swaps in its test key so the agent sees a "live" backend.
    const fetchAsLive: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      headers.set('authorization', `Bearer ${sandbox.secretKey}`);
      return sandbox.fetch(input instanceof Request ? new Request(input, { headers }) : input, { ...init, headers });
    };
    const config = loadConfig(
      { CLERK_SECRET_KEY: 'sk_live_abcdefghijklmnop', CLERK_API_URL: 'https://clerk.example.test/v1' },
      { dataDir: tempDir() },
    );
    const app = await createApp(config, { fetch: fetchAsLive });
    try {
      expect(app.live).toBe(true);
      const { repl, text } = scriptedRepl(app, ['n']);
      await repl.handleLine('ban jane@example.com');
      expect(text()).toContain('Change 1 of 1');
      expect(text()).toContain(' LIVE  This is a live Clerk instance');
      expect(jane(sandbox).banned).toBe(false);
    } finally {
      await app.close();
      await sandbox.close();
    }
  });
});
