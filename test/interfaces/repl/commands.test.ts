import { describe, expect, it } from 'vitest';
import { createAuditLog, type AuditEntry } from '../../../src/agent/audit.js';
import { createRepl, MAX_LINE_LENGTH } from '../../../src/interfaces/repl/repl.js';
import type { ReplApp } from '../../../src/interfaces/repl/types.js';
import { assistantText, toolCall, toolCalls } from '../../support/builders.js';
import { createHarness } from '../../support/agent-harness.js';
import {
  captureOutput,
  createFakeAgent,
  fakeApp,
  fakeInterrupts,
  pipedLines,
  realApp,
  scriptedPrompter,
} from './support.js';

function setup(
  options: {
    app?: Partial<ReplApp>;
    answers?: Array<string | null>;
    switchDryRun?: (on: boolean) => Promise<ReplApp>;
  } = {},
) {
  const agent = createFakeAgent({ pending: 0 });
  const app = fakeApp(agent, options.app ?? {});
  const { out, text } = captureOutput();
  const prompter = scriptedPrompter(options.answers ?? []);
  const repl = createRepl({
    app,
    input: pipedLines([]),
    prompter,
    out,
    interrupts: fakeInterrupts(),
    ...(options.switchDryRun ? { switchDryRun: options.switchDryRun } : {}),
  });
  return { agent, app, repl, text, prompter };
}

const entry = (i: number): AuditEntry => ({
  time: `2026-11-2${i}T10:00:00.000Z`,
  runId: 'run_1',
  requester: 'local:a',
  approver: i === 1 ? null : 'local:a',
  decision: i === 1 ? 'denied' : 'approved',
  status: i === 1 ? 'denied' : 'executed',
  action: 'clerk_user_ban',
  callId: `c${i}`,
  approvalId: `a${i}`,
  argsDigest: 'd',
  args: {},
  preview: `Ban user number ${i}`,
  live: false,
});

describe('slash commands', () => {
  it('/help lists every command', async () => {
    const { repl, text } = setup();
    expect(await repl.handleLine('/help')).toBe('continue');
    for (const c of [
      '/help',
      '/tools [resource]',
      '/audit [n]',
      '/dry-run on|off',
      '/model',
      '/reset',
      '/sandbox reset',
      '/exit',
    ]) {
      expect(text()).toContain(c);
    }
  });

  it('/tools lists all 48 actions with risk tiers; /tools users narrows; an unknown resource names the choices', async () => {
    const { repl, text } = setup();
    await repl.handleLine('/tools');
    expect(text()).toContain('48 actions in 11 resources');
    expect(text()).toMatch(/clerk_user_delete\s+destructive/);
    const { repl: r2, text: t2 } = setup();
    await r2.handleLine('/tools users');
    expect(t2()).toContain('9 actions for users');
    expect(t2()).not.toContain('clerk_organizations_list');
    const { repl: r3, text: t3 } = setup();
    await r3.handleLine('/tools spaceships');
    expect(t3()).toMatch(/^No resource "spaceships"\. Choose from: users, organizations, .*\.\n$/);
  });

  it('/audit shows the newest n entries; empty and bad n get one line each', async () => {
    const audit = createAuditLog();
    const { repl, text } = setup({ app: { audit } });
    await repl.handleLine('/audit');
    expect(text()).toContain('The audit log is empty');
    for (const i of [1, 2, 3]) audit.record(entry(i));
    await repl.handleLine('/audit 2');
    expect(text()).not.toContain('Ban user number 1');
    expect(text()).toContain('Ban user number 2');
    expect(text()).toMatch(/10:00 {2}executed {2}Ban user number 3/);
    await repl.handleLine('/audit lots');
    expect(text()).toContain('Usage: /audit [n]');
  });

  it('/dry-run on|off swaps the app through switchDryRun and the prompt says so', async () => {
    const seen: boolean[] = [];
    const dryAgent = createFakeAgent({ pending: 0 });
    const { repl, text, app } = setup({
      switchDryRun: async (on) => {
        seen.push(on);
        return { ...app, agent: dryAgent, config: { ...app.config, dryRun: on } };
      },
    });
    await repl.handleLine('/dry-run on');
    expect(seen).toEqual([true]);
    expect(text()).toContain('Dry run on');
    await repl.handleLine('list users');
    expect(dryAgent.log.runs).toHaveLength(1); // the new agent runs the next turn
    await repl.handleLine('/dry-run');
    expect(text()).toContain('Dry run is on');
    await repl.handleLine('/dry-run maybe');
    expect(text()).toContain('Usage: /dry-run on|off');
  });

  it('/dry-run without a way to switch says how instead', async () => {
    const { repl, text } = setup();
    await repl.handleLine('/dry-run on');
    expect(text()).toContain('restart with --dry-run');
  });

  it('/model names the model and backend', async () => {
    const { repl, text } = setup();
    await repl.handleLine('/model');
    expect(text()).toContain('model    scripted');
    expect(text()).toContain('backend  fake backend');
  });

  it('/reset starts a new conversation: the next turn gets no state', async () => {
    const { repl, agent } = setup();
    await repl.handleLine('first');
    await repl.handleLine('second');
    expect(agent.log.runs[1]!.options?.state).toBeDefined();
    await repl.handleLine('/reset');
    await repl.handleLine('third');
    expect(agent.log.runs[2]!.options?.state).toBeUndefined();
  });

  it('/sandbox reset asks first; y resets, anything else does not; without a sandbox it explains', async () => {
    let resets = 0;
    const resetSandbox = async () => void resets++;
    const yes = setup({ app: { resetSandbox }, answers: ['y'] });
    await yes.repl.handleLine('/sandbox reset');
    expect(yes.prompter.questions[0]).toContain('Reset the sandbox');
    expect(resets).toBe(1);
    const no = setup({ app: { resetSandbox }, answers: [null] });
    await no.repl.handleLine('/sandbox reset');
    expect(resets).toBe(1);
    expect(no.text()).toContain('Sandbox left as it is.');
    const remote = setup();
    await remote.repl.handleLine('/sandbox reset');
    expect(remote.text()).toContain('only works with the local sandbox');
    await remote.repl.handleLine('/sandbox');
    expect(remote.text()).toContain('Usage: /sandbox reset');
  });

  it('/exit (and /quit) end the session', async () => {
    const { repl } = setup();
    expect(await repl.handleLine('/exit')).toBe('exit');
    expect(await repl.handleLine('/QUIT')).toBe('exit');
    // (A bare "exit" or "quit" too: it is never sent to the model.)
    expect(await repl.handleLine('exit')).toBe('exit');
    expect(await repl.handleLine('Quit')).toBe('exit');
  });

  it('an unknown command gets one line with the /help hint and the agent is not called', async () => {
    const { repl, text, agent } = setup();
    expect(await repl.handleLine('/frobnicate now')).toBe('continue');
    expect(text()).toBe('Unknown command "/frobnicate". Type /help for the list.\n');
    expect(agent.log.runs).toHaveLength(0);
  });
});

describe('input handling', () => {
  it('an empty or blank line is ignored', async () => {
    const { repl, text, agent } = setup();
    expect(await repl.handleLine('')).toBe('ignored');
    expect(await repl.handleLine('   \t ')).toBe('ignored');
    expect(text()).toBe('');
    expect(agent.log.runs).toHaveLength(0);
  });

  it('a very long line is refused with one message and the REPL keeps going', async () => {
    const { repl, text, agent } = setup();
    expect(await repl.handleLine('x'.repeat(MAX_LINE_LENGTH + 1))).toBe('refused');
    expect(text()).toContain('4,001 characters long; the limit is 4,000');
    expect(agent.log.runs).toHaveLength(0);
    expect(await repl.handleLine('x'.repeat(MAX_LINE_LENGTH))).toBe('done');
  });

  it('the conversation state carries over between turns', async () => {
    const { repl, agent } = setup();
    await repl.handleLine('who is jane?');
    await repl.handleLine('and is she banned?');
    expect(agent.log.runs[0]!.options?.state).toBeUndefined();
    expect(agent.log.runs[1]!.options?.state?.messages.length).toBeGreaterThan(0);
    expect(agent.log.runs[1]!.options?.requester).toBe('local:tester');
  });

  it('a per-turn error prints one line and the REPL keeps running', async () => {
    const agent = createFakeAgent({
      error: 'The model server at http://127.0.0.1:9/v1 is unreachable: check OPENAI_BASE_URL.',
    });
    const { out, text } = captureOutput();
    const repl = createRepl({
      app: fakeApp(agent),
      input: pipedLines(['list users', '/model']),
      prompter: scriptedPrompter([]),
      out,
      interrupts: fakeInterrupts(),
    });
    expect(await repl.run()).toBe(0);
    const lines = text()
      .split('\n')
      .filter((l) => l.includes('unreachable'));
    expect(lines).toEqual(['error: The model server at http://127.0.0.1:9/v1 is unreachable: check OPENAI_BASE_URL.']);
    expect(text()).toContain('model    scripted'); // the next line still ran
  });

  it('an agent that throws (contract broken) still gives one line, no stack trace', async () => {
    const agent = createFakeAgent();
    agent.run = async () => {
      throw new Error('boom with sk_test_abcdefghijklmnop\n    at somewhere (file.ts:1:1)');
    };
    const { out, text } = captureOutput();
    const repl = createRepl({
      app: fakeApp(agent),
      input: pipedLines([]),
      prompter: scriptedPrompter([]),
      out,
      interrupts: fakeInterrupts(),
    });
    expect(await repl.runOnce('hi')).toBe(1);
    expect(text()).toBe('error: boom with [redacted Clerk key]\n');
  });

  it('piped: requests and answers come from the same stream in order, EOF ends the session', async () => {
    // The real agent and gate over the in-process sandbox: what ran is read from the sandbox, not from a fake.
    const h0 = createHarness([]);
    const [jane, bob] = [await h0.userId('jane@example.com'), await h0.userId('bob@globex.test')];
    const app = realApp(
      [
        toolCalls([toolCall('clerk_user_ban', { user_id: jane }, 'j')]),
        assistantText('Banned Jane.'),
        toolCalls([toolCall('clerk_user_ban', { user_id: bob }, 'b')]),
        assistantText('Bob stays.'),
      ],
      { sandbox: h0.sandbox },
    );
    const { out, text } = captureOutput();
    const written: string[] = [];
    const input = pipedLines(['ban jane@example.com', 'y', '', 'ban bob@globex.test', 'n'], {
      write: (t) => written.push(t),
    });
    const { createLinePrompter } = await import('../../../src/interfaces/repl/prompt.js');
    const repl = createRepl({
      app,
      input,
      prompter: createLinePrompter(input),
      out,
      interrupts: fakeInterrupts(),
    });
    expect(await repl.run()).toBe(0);
    expect(app.harness.mutations().map((m) => m.path)).toEqual([`/users/${jane}/ban`]);
    expect(app.audit.entries().map((e) => [e.callId, e.status])).toEqual([
      ['j', 'executed'],
      ['b', 'denied'],
    ]);
    expect(text()).toContain('Done: 1 change');
    expect(text()).toContain('No changes were made.');
    // The prompt and each echoed line reach the output, so a piped session reads like a terminal one.
    expect(written.join('')).toContain('clerk> ban jane@example.com\n');
    expect(written.join('')).toContain('[y/N/a/?] y\n');
  });
});
