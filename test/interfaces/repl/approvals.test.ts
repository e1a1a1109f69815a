import { describe, expect, it } from 'vitest';
import { createRepl } from '../../../src/interfaces/repl/repl.js';
import { CANCEL_REASON } from '../../../src/interfaces/repl/turn.js';
import {
  captureOutput,
  createFakeAgent,
  fakeApp,
  fakeInterrupts,
  pipedLines,
  scriptedPrompter,
  type ScriptedAnswer,
} from './support.js';

function setup(answers: ScriptedAnswer[], agentOptions: Parameters<typeof createFakeAgent>[0] = {}) {
  const agent = createFakeAgent(agentOptions);
  const { out, text } = captureOutput();
  const prompter = scriptedPrompter(answers);
  const interrupts = fakeInterrupts();
  const repl = createRepl({ app: fakeApp(agent), input: pipedLines([]), prompter, out, interrupts });
  return { agent, text, prompter, interrupts, repl };
}

describe('approval flow', () => {
  it('y approves the exact pending call, as the configured requester', async () => {
    const { agent, text, repl } = setup(['y']);
    expect(await repl.handleLine('ban jane@example.com')).toBe('done');
    expect(agent.log.resumes).toHaveLength(1);
    expect(agent.log.resumes[0]!.decisions).toEqual([
      {
        approvalId: 'appr_0',
        callId: 'call_0',
        action: 'clerk_user_ban',
        argsDigest: 'digest_0',
        approved: true,
        approver: 'local:tester',
      },
    ]);
    expect(agent.log.executed).toEqual(['call_0']);
    expect(text()).toContain('Done: 1 change (Ban Jane Doe <jane@example.com> (user_0))');
  });

  it('n, an empty answer and anything unexpected are all No', async () => {
    for (const answer of ['n', '', 'maybe', 'yes please', 'Y!']) {
      const { agent, text, repl } = setup([answer]);
      await repl.handleLine('ban jane@example.com');
      expect(agent.log.resumes[0]!.decisions[0]!.approved, `answer ${JSON.stringify(answer)}`).toBe(false);
      expect(agent.log.executed).toEqual([]);
      expect(text()).toContain('No changes were made.');
    }
  });

  it('"n <reason>" passes the reason on', async () => {
    const { agent, repl } = setup(['n wrong Jane']);
    await repl.handleLine('ban jane@example.com');
    expect(agent.log.resumes[0]!.decisions[0]).toMatchObject({ approved: false, reason: 'wrong Jane' });
  });

  it('a approves this call and every later call of the plan, without asking again', async () => {
    const { agent, prompter, repl } = setup(['n', 'a'], { pending: 3 });
    await repl.handleLine('do three things');
    expect(prompter.questions).toHaveLength(2);
    expect(agent.log.resumes[0]!.decisions.map((d) => d.approved)).toEqual([false, true, true]);
    expect(agent.log.executed).toEqual(['call_1', 'call_2']);
  });

  it('? shows the raw arguments and asks the same question again', async () => {
    const { agent, text, prompter, repl } = setup(['?', 'y']);
    await repl.handleLine('ban jane@example.com');
    expect(prompter.questions).toHaveLength(2);
    expect(prompter.questions[0]).toBe(prompter.questions[1]);
    expect(text()).toContain('"user_id": "user_0"');
    expect(agent.log.resumes[0]!.decisions[0]!.approved).toBe(true);
  });

  it('EOF while asking means No for this call and every later one', async () => {
    const { agent, prompter, repl } = setup(['y', null], { pending: 3 });
    await repl.handleLine('do three things');
    expect(prompter.questions).toHaveLength(2);
    expect(agent.log.resumes[0]!.decisions.map((d) => [d.approved, d.reason])).toEqual([
      [true, undefined],
      [false, 'no answer (end of input)'],
      [false, 'no answer (end of input)'],
    ]);
  });

  it('Ctrl-C during a pending approval cancels the turn: agent.cancel, no resume, nothing executed', async () => {
    const interrupts = fakeInterrupts();
    const agent = createFakeAgent();
    const { out, text } = captureOutput();
    const prompter = scriptedPrompter([
      () => {
        interrupts.fire(); // the human presses Ctrl-C while the question is open…
        return 'y'; // …so even a "y" racing it must not count
      },
    ]);
    const repl = createRepl({ app: fakeApp(agent), input: pipedLines([]), prompter, out, interrupts });
    expect(await repl.runOnce('ban jane@example.com')).toBe(0);
    expect(agent.log.resumes).toHaveLength(0);
    expect(agent.log.cancels).toEqual([{ reason: CANCEL_REASON }]);
    expect(agent.log.executed).toEqual([]);
    expect(text()).toContain('^C cancelling');
    expect(text()).toContain('the pending changes are denied');
    expect(text()).toContain('No changes were made.');
    expect(interrupts.count()).toBe(0); // the handler is removed after the run
  });

  it('Ctrl-C while the agent is working (before any approval) cancels instead of asking', async () => {
    const interrupts = fakeInterrupts();
    const agent = createFakeAgent({ duringRun: () => interrupts.fire() });
    const { out } = captureOutput();
    const prompter = scriptedPrompter(['y']);
    const repl = createRepl({ app: fakeApp(agent), input: pipedLines([]), prompter, out, interrupts });
    await repl.runOnce('ban jane@example.com');
    expect(prompter.questions).toHaveLength(0);
    expect(agent.log.runs[0]!.options?.signal?.aborted).toBe(true);
    expect(agent.log.cancels).toHaveLength(1);
    expect(agent.log.executed).toEqual([]);
  });

  it('the card shows tier, preview, method + path, diff and consequences; destructive in red; LIVE when live', async () => {
    const agent = createFakeAgent({ pending: 2, live: true });
    const { out, text } = captureOutput({ colors: true });
    const repl = createRepl({
      app: fakeApp(agent),
      input: pipedLines([]),
      prompter: scriptedPrompter(['n', 'n']),
      out,
      interrupts: fakeInterrupts(),
    });
    await repl.handleLine('x');
    const screen = text();
    expect(screen).toContain('Change 1 of 2');
    expect(screen).toContain('Ban Jane Doe <jane@example.com> (user_0)');
    expect(screen).toMatch(/POST.*\/users\/user_0\/ban/);
    expect(screen).toContain('banned: false → true');
    expect(screen).toContain('the user is gone for good');
    expect(screen).toContain('\x1b[31m\x1b[1mDESTRUCTIVE');
    expect(screen.match(/ LIVE /g)).toHaveLength(2);
  });
});
