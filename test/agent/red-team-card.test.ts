/**
 * Red team: the card is bound to what it approves. A stored RunState whose card was edited (the words, the request
 * lines, the consequences) keeps a valid argsDigest, because the digest covers the action and args, not the words.
 * The agent recomputes the card from the registry at resume and denies a call whose stored card differs; front ends
 * that load stored state render the recomputed card (`verifiedPending`). Proven at the sandbox: no write arrives.
 */
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/actions/registry.js';
import { verifiedPending } from '../../src/agent/card-binding.js';
import { parseRunState, serializeRunState } from '../../src/agent/run-state.js';
import type { RunOutcome, RunState } from '../../src/agent/types.js';
import { assistantText, decide, toolCall, toolCalls } from '../support/builders.js';
import { createHarness } from '../support/agent-harness.js';

type Paused = Extract<RunOutcome, { status: 'paused' }>;

async function pausedDelete() {
  const h0 = createHarness([]);
  const bob = await h0.userId('bob@globex.test');
  const h = createHarness([toolCalls([toolCall('clerk_user_delete', { user_id: bob }, 'del')])], {
    sandbox: h0.sandbox,
  });
  const paused = (await h.agent.run('delete bob')) as Paused;
  expect(paused.status).toBe('paused');
  return { sandbox: h0.sandbox, bob, stored: serializeRunState(paused.state) };
}

/** Resumes `state` with a yes in a fresh agent (a new process) and returns what reached the backend. */
async function approveIn(sandbox: ReturnType<typeof createHarness>['sandbox'], state: RunState) {
  const h = createHarness([assistantText('Done.')], { sandbox });
  const outcome = await h.agent.resume(state, [decide(state.pending[0]!, true)], { onEvent: h.record });
  return { h, outcome, writes: h.mutations() };
}

const edits: Array<[string, (s: RunState, bob: string) => void]> = [
  [
    'text, method, path and request lines rewritten to a harmless read',
    (s, bob) => {
      const p = s.pending[0]!.preview;
      p.text = 'Show Bob Stone (GET)';
      p.method = 'GET';
      p.path = `/users/${bob}`;
      p.requests = [{ method: 'GET', path: `/users/${bob}` }];
      delete p.consequences;
    },
  ],
  ['only the text', (s) => void (s.pending[0]!.preview.text = 'Show Bob Stone (GET)')],
  [
    'only the request lines',
    (s, bob) => void (s.pending[0]!.preview.requests = [{ method: 'GET', path: `/users/${bob}` }]),
  ],
  ['the request lines removed (an old-format card)', (s) => void delete s.pending[0]!.preview.requests],
  [
    '"This cannot be undone." removed from the consequences',
    (s) => {
      const p = s.pending[0]!.preview;
      p.consequences = (p.consequences ?? []).filter((c) => c !== 'This cannot be undone.');
    },
  ],
  [
    'a label swapped for another name',
    (s, bob) => void (s.pending[0]!.preview.labels = { [bob]: 'Test Account <qa@example.com>' }),
  ],
  [
    'a label and the text edited together, consistently (the name is read again at resume)',
    (s, bob) => {
      const p = s.pending[0]!.preview;
      p.labels = { [bob]: 'Test Account <qa@example.com>' };
      p.text = `Permanently delete Test Account <qa@example.com> (${bob})`;
    },
  ],
];

describe('red team: a tampered approval card', () => {
  it.each(edits)('%s: the yes is refused and the DELETE never runs', async (_name, edit) => {
    const { sandbox, bob, stored } = await pausedDelete();
    const state = JSON.parse(stored) as RunState;
    edit(state, bob);
    // The digest still matches: the stored state passes the shape and digest checks.
    expect(() => parseRunState(state)).not.toThrow();

    const { h, outcome, writes } = await approveIn(sandbox, state);
    expect(writes).toEqual([]);
    expect(outcome.status).toBe('done');
    const denied = outcome.status === 'done' ? outcome.summary.denied : [];
    expect(denied.map((o) => o.action)).toEqual(['clerk_user_delete']);
    expect(denied[0]!.reason).toContain('the approval card was altered');
    expect(h.events.some((e) => e.type === 'error' && e.message.includes('stored approval card was altered'))).toBe(
      true,
    );
    expect(h.audit.entries().map((e) => [e.action, e.status])).toEqual([['clerk_user_delete', 'denied']]);
  });

  it('the untouched stored card is approved and runs (the check is not a blanket refusal)', async () => {
    const { sandbox, bob, stored } = await pausedDelete();
    const { writes } = await approveIn(sandbox, JSON.parse(stored) as RunState);
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([`DELETE /users/${bob}`]);
  });

  it('front ends render the recomputed card: the edited words are replaced and the call is flagged', async () => {
    const { bob, stored } = await pausedDelete();
    const state = JSON.parse(stored) as RunState;
    edits[0]![1](state, bob);
    const [card] = verifiedPending(createRegistry(), state.pending);
    expect(card!.altered).toContain('differ from what clerk_user_delete with these arguments does');
    const clean = verifiedPending(createRegistry(), (JSON.parse(stored) as RunState).pending);
    expect(clean[0]!.altered).toBeUndefined();
    expect(clean[0]!.preview.text).toBe('Permanently delete Bob Stone <bob@globex.test> (' + bob + ')');
    expect(clean[0]!.preview.requests).toEqual([{ method: 'DELETE', path: `/users/${bob}` }]);
  });
});
