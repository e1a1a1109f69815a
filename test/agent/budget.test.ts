import { describe, expect, it } from 'vitest';
import { createHistoryBudget, fitHistory, messageTokens, toUnits } from '../../src/agent/budget.js';
import type { Message } from '../../src/llm/model.js';

const big = 'word '.repeat(400); // ~400 tokens
const call = (id: string): Message => ({
  role: 'assistant',
  content: null,
  toolCalls: [{ id, name: 'clerk_users_list', arguments: '{}' }],
});
const result = (id: string): Message => ({ role: 'tool', toolCallId: id, content: big });

describe('history budget', () => {
  it('keeps an assistant tool-call message together with its results', () => {
    const units = toUnits([
      { role: 'user', content: 'hi' },
      call('a'),
      result('a'),
      { role: 'assistant', content: 'done' },
    ]);
    expect(units.map((u) => u.map((m) => m.role))).toEqual([['user'], ['assistant', 'tool'], ['assistant']]);
  });

  it('sends everything when it fits, without counting tokens', () => {
    const messages: Message[] = [{ role: 'user', content: 'hi' }];
    expect(fitHistory(messages, createHistoryBudget(100_000, ['system'])).messages).toEqual(messages);
  });

  it('drops the oldest whole units, never splitting a call from its results, and keeps the latest user message', () => {
    const messages: Message[] = [
      { role: 'user', content: 'first question' },
      call('a'),
      result('a'),
      { role: 'assistant', content: 'answer one' },
      { role: 'user', content: 'second question' },
      call('b'),
      result('b'),
      call('c'),
      result('c'),
    ];
    const budget = { safeBytes: 0, tokens: () => messageTokens(messages[7]!) + messageTokens(messages[8]!) + 50 };
    const { messages: kept, dropped } = fitHistory(messages, budget);
    expect(kept.map((m) => (m.role === 'tool' ? `tool:${m.toolCallId}` : m.role))).toEqual([
      'user',
      'assistant',
      'tool:c',
    ]);
    expect(kept[0]).toEqual({ role: 'user', content: 'second question' });
    expect(dropped).toBe(6);
    // Every tool message kept still follows its call.
    for (const [i, m] of kept.entries())
      if (m.role === 'tool') expect(kept[i - 1]?.role === 'assistant' || kept[i - 1]?.role === 'tool').toBe(true);
  });
});
