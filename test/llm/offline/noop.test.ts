/**
 * The offline model reads a no-op tool result as "already so": its closing words say so, never "Done", and the
 * summary agrees. Nothing is asked or sent.
 */
import { describe, expect, it } from 'vitest';
import { createStack } from './drive.js';

describe('offline model and a no-op', () => {
  it('"set jane public metadata plan to pro" when it already is: the words say nothing to change', async () => {
    const stack = createStack();
    const turn = await stack.say('set jane@example.com public metadata plan to pro');
    expect(turn.status).toBe('done');
    expect(stack.sandbox.requests.filter((r) => r.mutating)).toEqual([]);
    expect(turn.text).toContain(`Nothing to change: Jane Doe's public metadata already has plan: "pro".`);
    expect(turn.text).not.toMatch(/Done|Updated/);
    expect(turn.outcome.status === 'done' && turn.outcome.summary.line).toBe(
      `Nothing to change (already so): Jane Doe's public metadata already has plan: "pro" — nothing to change.`,
    );
  });
});
