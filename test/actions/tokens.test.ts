import { describe, expect, it } from 'vitest';
import { allActions } from '../../src/actions/index.js';
import { toolSpecs } from '../../src/actions/json-schema.js';
import { toOpenAITools } from '../../src/llm/openai-tools.js';
import { countTokens } from '../../src/util/tokens.js';

describe('countTokens (o200k_base)', () => {
  it('counts known strings', () => {
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('')).toBe(0);
  });

  it('counts special-token text as plain text instead of throwing (it can appear in user data)', () => {
    expect(countTokens('<|endoftext|>')).toBeGreaterThan(1);
  });

  it('gives the full tool list a size the token budget can rely on', () => {
    // Not a threshold on speed: a sanity bound so an accidental schema blow-up (e.g. anyOf everywhere) is noticed.
    const total = countTokens(JSON.stringify(toOpenAITools(toolSpecs(allActions))));
    expect(total).toBeGreaterThan(2_000);
    expect(total).toBeLessThanOrEqual(5_000);
  });
});

describe('toOpenAITools', () => {
  it('wraps specs as strict chat.completions function tools', () => {
    const tools = toOpenAITools([{ name: 'x', description: 'd', parameters: { type: 'object' } }]);
    expect(tools).toEqual([
      { type: 'function', function: { name: 'x', description: 'd', parameters: { type: 'object' }, strict: true } },
    ]);
  });
});
