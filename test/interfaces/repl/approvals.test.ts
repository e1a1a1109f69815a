/**
 * The REPL's approval flow against the real agent: a scripted model, the real registry and gate, the in-process
 * demo sandbox and an audit log. What ran is read from the sandbox's request log and the audit, never from a fake.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/agent/audit.js';
import { createRepl } from '../../../src/interfaces/repl/repl.js';
import { CANCEL_REASON } from '../../../src/interfaces/repl/turn.js';
import { createSandbox } from '../../../src/sandbox/index.js';
import { assistantText, toolCall, toolCalls } from '../../support/builders.js';
import { createHarness } from '../../support/agent-harness.js';
import type { ScriptedTurn } from '../../../src/llm/scripted.js';
import {
  captureOutput,
  fakeInterrupts,
  pipedLines,
  realApp,
  type ScriptedAnswer,
  scriptedPrompter,
} from './support.js';

async function ids() {
  const h = createHarness([], { sandbox: createSandbox({ seed: 'demo' }) });
  return {
    sandbox: h.sandbox,
    jane: await h.userId('jane@example.com'),
    bob: await h.userId('bob@globex.test'),
    dave: await h.userId('dave@acme.test'),
  };
}

/** A REPL over the real agent whose model makes `calls` in one step, then says `closing`. */
async function setup(
  answers: ScriptedAnswer[],
  calls: (who: Awaited<ReturnType<typeof ids>>) => ReturnType<typeof toolCall>[],
  options: { colors?: boolean; turns?: (calls: ReturnType<typeof toolCall>[]) => ScriptedTurn[] } = {},
) {
  const who = await ids();
  const step = calls(who);
  const turns = options.turns?.(step) ?? [toolCalls(step), assistantText('Finished.')];
  const app = realApp(turns, { sandbox: who.sandbox });
  const { out, text } = captureOutput({ colors: options.colors ?? false });
  const prompter = scriptedPrompter(answers);
  const interrupts = fakeInterrupts();
  const repl = createRepl({ app, input: pipedLines([]), prompter, out, interrupts });
  const writes = () => app.harness.mutations().map((m) => `${m.method} ${m.path}`);
  const audit = () => app.audit.entries().map((e: AuditEntry) => [e.callId, e.status, e.approver, e.reason]);
  return { who, app, text, prompter, interrupts, repl, writes, audit };
}

const banJane = (w: { jane: string }) => [toolCall('clerk_user_ban', { user_id: w.jane }, 'ban')];
const three = (w: { jane: string; bob: string; dave: string }) => [
  toolCall('clerk_user_ban', { user_id: w.jane }, 'c1'),
  toolCall('clerk_user_ban', { user_id: w.bob }, 'c2'),
  toolCall('clerk_user_lock', { user_id: w.dave }, 'c3'),
];

describe('approval flow (real agent, in-process sandbox)', () => {
  it('y approves the exact pending call, as the configured requester; it runs once', async () => {
    const { who, text, repl, writes, audit } = await setup(['y'], banJane);
    expect(await repl.handleLine('ban jane@example.com')).toBe('done');
    expect(writes()).toEqual([`POST /users/${who.jane}/ban`]);
    expect(audit()).toEqual([['ban', 'executed', 'local:tester', undefined]]);
    expect(text()).toContain(`Done: 1 change (Ban Jane Doe <jane@example.com> (${who.jane}))`);
  });

  it('n, an empty answer and anything unexpected are all No', async () => {
    for (const answer of ['n', '', 'maybe', 'yes please', 'Y!']) {
      const { text, repl, writes, audit } = await setup([answer], banJane);
      await repl.handleLine('ban jane@example.com');
      expect(writes(), `answer ${JSON.stringify(answer)}`).toEqual([]);
      expect(audit()[0]!.slice(0, 2)).toEqual(['ban', 'denied']);
      expect(text()).toContain('No changes were made.');
    }
  });

  it('"n <reason>" passes the reason on to the audit and the model', async () => {
    const { app, repl, audit } = await setup(['n wrong Jane'], banJane);
    await repl.handleLine('ban jane@example.com');
    expect(audit()).toEqual([['ban', 'denied', 'local:tester', 'wrong Jane']]);
    const lastRequest = app.harness.model.requests.at(-1)!;
    const tool = lastRequest.messages.find((m) => m.role === 'tool' && m.toolCallId === 'ban');
    expect(tool && JSON.parse(tool.content as string)).toMatchObject({ denied: true, reason: 'wrong Jane' });
  });

  it('a approves this call and every later call of the plan, without asking again', async () => {
    const { who, prompter, repl, writes, audit } = await setup(['n', 'a'], three);
    await repl.handleLine('do three things');
    expect(prompter.questions).toHaveLength(2);
    expect(writes()).toEqual([`POST /users/${who.bob}/ban`, `POST /users/${who.dave}/lock`]);
    expect(audit().map((a) => a.slice(0, 2))).toEqual([
      ['c1', 'denied'],
      ['c2', 'executed'],
      ['c3', 'executed'],
    ]);
  });

  it('? shows the raw arguments and the exact requests, then asks the same question again', async () => {
    const { who, text, prompter, repl, writes } = await setup(['?', 'y'], (w) => [
      toolCall('clerk_user_update', { user_id: w.jane, first_name: 'Janet', public_metadata: '{"plan":"team"}' }, 'u'),
    ]);
    await repl.handleLine('rename jane and move her to team');
    expect(prompter.questions).toHaveLength(2);
    expect(prompter.questions[0]).toBe(prompter.questions[1]);
    const screen = text();
    expect(screen).toContain(`"user_id": "${who.jane}"`);
    expect(screen).toContain(`PATCH /users/${who.jane} {\n  "first_name": "Janet"\n}`);
    expect(screen).toContain(`PATCH /users/${who.jane}/metadata {\n  "public_metadata": {\n    "plan": "team"\n  }\n}`);
    expect(writes()).toEqual([`PATCH /users/${who.jane}`, `PATCH /users/${who.jane}/metadata`]);
  });

  it('EOF while asking means No for this call and every later one', async () => {
    const { who, prompter, repl, writes, audit } = await setup(['y', null], three);
    await repl.handleLine('do three things');
    expect(prompter.questions).toHaveLength(2);
    expect(writes()).toEqual([`POST /users/${who.jane}/ban`]);
    expect(audit().map((a) => [a[0], a[1], a[3]])).toEqual([
      ['c1', 'executed', undefined],
      ['c2', 'denied', 'no answer (end of input)'],
      ['c3', 'denied', 'no answer (end of input)'],
    ]);
  });

  it('Ctrl-C during a pending approval cancels the turn: nothing runs, the audit says cancelled', async () => {
    const who = await ids();
    const app = realApp([toolCalls(banJane(who)), assistantText('x')], { sandbox: who.sandbox });
    const interrupts = fakeInterrupts();
    const { out, text } = captureOutput();
    const prompter = scriptedPrompter([
      () => {
        interrupts.fire(); // the human presses Ctrl-C while the question is open…
        return 'y'; // …so even a "y" racing it must not count
      },
    ]);
    const repl = createRepl({ app, input: pipedLines([]), prompter, out, interrupts });
    expect(await repl.runOnce('ban jane@example.com')).toBe(0);
    expect(app.harness.mutations()).toEqual([]);
    expect(app.audit.entries().map((e) => [e.status, e.reason])).toEqual([['denied', CANCEL_REASON]]);
    expect(text()).toContain('^C cancelling');
    expect(text()).toContain('the pending changes are denied');
    expect(text()).toContain('No changes were made.');
    expect(interrupts.count()).toBe(0); // the handler is removed after the run
  });

  it('Ctrl-C while the agent is working (before any approval) cancels instead of asking', async () => {
    const who = await ids();
    const interrupts = fakeInterrupts();
    const app = realApp(
      [
        () => {
          interrupts.fire(); // Ctrl-C while the model is thinking
          return toolCalls(banJane(who));
        },
      ],
      { sandbox: who.sandbox },
    );
    const { out } = captureOutput();
    const prompter = scriptedPrompter(['y']);
    const repl = createRepl({ app, input: pipedLines([]), prompter, out, interrupts });
    await repl.runOnce('ban jane@example.com');
    expect(prompter.questions).toHaveLength(0);
    expect(app.harness.mutations()).toEqual([]);
  });

  it('Ctrl-C while the first of two approved calls runs stops the second', async () => {
    const who = await ids();
    const interrupts = fakeInterrupts();
    const fetch = who.sandbox.fetch;
    // The Ctrl-C lands as the backend answers the first write.
    who.sandbox.fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method && init.method !== 'GET') interrupts.fire();
      return response;
    };
    const app = realApp([toolCalls(three(who).slice(0, 2)), assistantText('x')], { sandbox: who.sandbox });
    const { out, text } = captureOutput();
    const repl = createRepl({ app, input: pipedLines([]), prompter: scriptedPrompter(['a']), out, interrupts });
    await repl.runOnce('ban jane and bob');
    expect(app.harness.mutations().map((m) => m.path)).toEqual([`/users/${who.jane}/ban`]);
    expect(app.audit.entries().map((e) => [e.callId, e.status, e.reason])).toEqual([
      ['c1', 'executed', undefined],
      ['c2', 'denied', 'cancelled before it ran'],
    ]);
    expect(text()).toContain('cancelled before it ran');
  });

  it('the card shows tier, preview, every request line, the diff and consequences; destructive in red', async () => {
    const { who, text, repl } = await setup(
      ['n', 'n'],
      (w) => [
        toolCall('clerk_user_update', { user_id: w.jane, last_name: 'Smith', public_metadata: '{"plan":null}' }, 'u'),
        toolCall('clerk_user_delete', { user_id: w.dave }, 'd'),
      ],
      { colors: true },
    );
    await repl.handleLine('x');
    const screen = text();
    expect(screen).toContain('Change 1 of 2');
    expect(screen).toContain(`Update Jane Doe <jane@example.com> (${who.jane})`);
    expect(screen).toMatch(new RegExp(`PATCH\\S* /users/${who.jane}\\n`));
    expect(screen).toMatch(new RegExp(`PATCH\\S* /users/${who.jane}/metadata`));
    expect(screen).toContain('last_name: "Doe" → "Smith"');
    expect(screen).toContain('public_metadata.plan: "pro" → (removed)');
    expect(screen).toMatch(new RegExp(`DELETE\\S* /users/${who.dave}`));
    expect(screen).toContain('This cannot be undone.');
    expect(screen).toContain('\x1b[31m\x1b[1mDESTRUCTIVE');
  });

  it('a no-op is not asked: the REPL says it is already so and nothing runs', async () => {
    const { text, prompter, repl, writes, audit } = await setup(['y'], (w) => [
      toolCall('clerk_user_update', { user_id: w.jane, public_metadata: '{"plan":"pro"}' }, 'm'),
    ]);
    await repl.handleLine('set jane to pro');
    expect(prompter.questions).toHaveLength(0);
    expect(writes()).toEqual([]);
    expect(audit()).toEqual([]);
    expect(text()).toContain(`Nothing to change (already so): Jane Doe's public metadata already has plan: "pro"`);
  });

  it('a bulk plan drops its no-op items and says how many; only the real change is asked for', async () => {
    const { who, text, prompter, repl, writes } = await setup(['y'], (w) => [
      toolCall('clerk_user_unban', { user_id: w.jane }, 'u'), // Jane is not banned
      toolCall('clerk_user_ban', { user_id: w.bob }, 'b'),
    ]);
    await repl.handleLine('unban jane, ban bob');
    expect(prompter.questions).toEqual(['Approve this change? [y/N/a/?] ']);
    const screen = text();
    expect(screen).toContain('1 of the planned changes left out: already so, nothing to change.');
    expect(screen).toContain('Change 1 of 1');
    expect(writes()).toEqual([`POST /users/${who.bob}/ban`]);
    expect(screen).toContain('Nothing to change (already so): Jane Doe is not banned — nothing to change.');
  });
});
