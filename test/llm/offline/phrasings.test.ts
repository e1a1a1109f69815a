/**
 * The phrasing suite: every request in phrasings.data.ts goes through the REAL agent loop (createAgent, registry,
 * Clerk client, audit) against the in-process demo sandbox, driven by the offline model. For each we compare the
 * reads it ran and the mutations it asked approval for, then cancel, so nothing is ever executed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { allActions } from '../../../src/actions/index.js';
import { parseToolArguments } from '../../../src/actions/parse-args.js';
import type { RunState } from '../../../src/agent/types.js';
import { callSet } from './canonical.js';
import { createStack, type TurnResult } from './drive.js';
import { PHRASINGS } from './phrasings.data.js';

describe('offline model phrasing suite (real agent loop + demo sandbox)', () => {
  const stack = createStack();

  afterAll(() => {
    // Every case was cancelled or read-only: the sandbox never saw a write.
    expect(stack.sandbox.requests.filter((r) => r.mutating)).toEqual([]);
  });

  for (const p of PHRASINGS) {
    const turns = Array.isArray(p.say) ? p.say : [p.say];
    it(turns.join(' ⟶ '), async () => {
      let state: RunState | undefined;
      let last: TurnResult | undefined;
      const reads: Array<[string, Record<string, unknown>]> = [];
      for (const [i, input] of turns.entries()) {
        last = await stack.say(input, state);
        reads.push(...last.reads.map((r) => [r.action, r.args] as [string, Record<string, unknown>]));
        state = last.outcome.state;
        if (i < turns.length - 1) {
          // Every turn before the last one is a clarifying question: no tool calls waiting, a "?" at the end.
          expect(last.status).toBe('done');
          expect(last.text.trim().endsWith('?')).toBe(true);
        }
      }
      const final = last!;
      const pending = final.pending.map((c) => [c.action, c.args] as [string, Record<string, unknown>]);
      if (final.status === 'paused') await stack.cancel(final);

      expect(final.status).toBe(p.pending ? 'paused' : 'done');
      expect(callSet(reads)).toEqual(callSet(p.reads ?? []));
      expect(callSet(pending)).toEqual(callSet(p.pending ?? []));
      // Reads never fail because of malformed arguments.
      expect(
        final.events.filter((e) => e.type === 'tool_end' && !e.ok && /invalid_args|unknown_action/.test(e.error ?? '')),
      ).toEqual([]);
      if (p.asks) {
        expect(final.text.trim().endsWith('?')).toBe(true);
        expect(final.text).toMatch(p.asks);
      }
      if (p.answer) expect(final.text).toMatch(p.answer);
      if (p.pending) expect(final.text).toMatch(/needs your approval/);
    });
  }

  it('emitted only valid arguments for the registry schemas (parseToolArguments)', () => {
    expect(stack.emitted.length).toBeGreaterThan(PHRASINGS.length);
    const byName = new Map(allActions.map((a) => [a.name, a]));
    const problems = stack.emitted.flatMap((call) => {
      const action = byName.get(call.name);
      if (!action) return [`unknown action ${call.name}`];
      const parsed = parseToolArguments(action, call.arguments);
      return parsed.ok ? [] : [`${call.name}: ${parsed.message}`];
    });
    expect(problems).toEqual([]);
  });

  it('uses deterministic call ids (call_<step>_<n>)', () => {
    for (const call of stack.emitted) expect(call.id).toMatch(/^call_\d+_\d+$/);
  });
});
