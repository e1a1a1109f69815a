/**
 * A long chat stays fast (issue 13): each message is costed by the tokenizer once, even though a conversation's
 * messages are new objects on every turn (the RunState is re-parsed), and trimming the history walks it newest first
 * with the same result as the whole-history algorithm it replaced.
 */
import { describe, expect, it } from 'vitest';
import { fitHistory, type HistoryBudget, messageTokens, toUnits } from '../../src/agent/budget.js';
import { createRunState, parseRunState } from '../../src/agent/run-state.js';
import type { Message } from '../../src/llm/model.js';
import { tokenizerCalls } from '../../src/util/tokens.js';

/** A conversation of `turns` request/answer cycles with tool calls; every text distinct (`tag` keeps runs apart). */
function conversation(turns: number, tag: string): Message[] {
  const out: Message[] = [];
  for (let t = 0; t < turns; t++) {
    out.push({ role: 'user', content: `${tag} question ${t}: who is in org ${t}?` });
    out.push({
      role: 'assistant',
      content: null,
      toolCalls: [{ id: `${tag}_c${t}`, name: 'clerk_users_list', arguments: `{"query":"org ${t}"}` }],
    });
    out.push({ role: 'tool', toolCallId: `${tag}_c${t}`, content: `${tag} result ${t} `.repeat(40) });
    out.push({ role: 'assistant', content: `${tag} answer ${t}` });
  }
  return out;
}

/** A budget that always takes the tokenizer path, with room for about `tokens` tokens. */
const tokenBudget = (tokens: number): HistoryBudget => ({ safeBytes: 0, tokens: () => tokens });

describe('costing each message once', () => {
  it('runs the tokenizer at most once per message, and not again for the re-parsed copy of the next turn', () => {
    const messages = conversation(60, 'once');
    const budget = tokenBudget(1_000_000); // everything fits: every message is costed
    const before = tokenizerCalls();
    const first = fitHistory(messages, budget);
    expect(first.dropped).toBe(0);
    const costed = tokenizerCalls() - before;
    expect(costed).toBeGreaterThan(0);
    expect(costed).toBeLessThanOrEqual(messages.length);

    // The next turn: the same conversation, re-parsed into new objects, plus one new request.
    const state = { ...createRunState('r', 'local:a'), messages };
    const next = parseRunState(JSON.parse(JSON.stringify(state)));
    expect(next.messages[0]).not.toBe(messages[0]);
    next.messages.push({ role: 'user', content: 'once: one more question' });
    const again = tokenizerCalls();
    fitHistory(next.messages, budget);
    expect(tokenizerCalls() - again).toBe(1); // only the new message
    expect(next.messages.map(messageTokens)).toEqual([...messages.map(messageTokens), expect.any(Number)]);
  });

  it('a step in a long chat costs only the window that fits, not the whole history', () => {
    const messages = conversation(400, 'window');
    const before = tokenizerCalls();
    const { messages: kept } = fitHistory(messages, tokenBudget(2_000));
    // The walk stops at the budget: far fewer messages are costed than the history holds.
    expect(tokenizerCalls() - before).toBeLessThan(kept.length + 8);
    expect(kept.length).toBeLessThan(messages.length / 10);
  });
});

/** The whole-history algorithm this module used before (kept here as the reference). */
function reference(messages: readonly Message[], budget: number): Message[] {
  const units = toUnits(messages).filter((u) => u[0]?.role !== 'tool');
  let pinned = -1;
  for (let i = units.length - 1; i >= 0; i--) {
    if (units[i]![0]!.role === 'user') {
      pinned = i;
      break;
    }
  }
  const cost = (u: Message[]) => u.reduce((s, m) => s + messageTokens(m), 0);
  let used = pinned >= 0 ? cost(units[pinned]!) : 0;
  let start = units.length;
  for (let i = units.length - 1; i >= 0; i--) {
    if (i === pinned) {
      start = i;
      continue;
    }
    const c = cost(units[i]!);
    if (used + c > budget && start < units.length) break;
    used += c;
    start = i;
  }
  const kept = units.slice(start);
  if (pinned >= 0 && pinned < start) kept.unshift(units[pinned]!);
  return kept.flat();
}

describe('the newest-first walk', () => {
  it('keeps exactly what the whole-history algorithm kept, on 300 random histories (orphans and all)', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 300; run++) {
      const messages: Message[] = [];
      const length = 1 + Math.floor(random() * 30);
      for (let i = 0; i < length; i++) {
        const r = random();
        const text = `m${run}.${i} ${'x '.repeat(Math.floor(random() * 60))}`;
        if (r < 0.25) messages.push({ role: 'user', content: text });
        else if (r < 0.45) messages.push({ role: 'assistant', content: text });
        else if (r < 0.65)
          messages.push({
            role: 'assistant',
            content: null,
            toolCalls: [{ id: `c${i}`, name: 'clerk_user_get', arguments: '{}' }],
          });
        else messages.push({ role: 'tool', toolCallId: `c${i}`, content: text });
      }
      const budget = Math.floor(random() * 300);
      expect(fitHistory(messages, tokenBudget(budget)).messages, `run ${run}`).toEqual(reference(messages, budget));
    }
  });
});
