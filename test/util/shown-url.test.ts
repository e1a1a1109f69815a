import { describe, expect, it } from 'vitest';
import { shownUrl } from '../../src/util/shown-url.js';

describe('shownUrl: one rule for printing a configured URL', () => {
  it.each([
    ['https://user:sk_test_abc@api.clerk.com/v1/', 'https://api.clerk.com/v1'],
    ['http://127.0.0.1:11434/v1?api_key=sk-secret#frag', 'http://127.0.0.1:11434/v1'],
    ['https://api.openai.com/v1', 'https://api.openai.com/v1'],
  ])('%s → %s (no credentials, query or fragment)', (url, shown) => {
    expect(shownUrl(url)).toBe(shown);
    expect(shownUrl(url)).not.toMatch(/sk[-_]|secret|user/);
  });

  it('an unparseable URL is never echoed (it may be a key pasted in the wrong variable)', () => {
    expect(shownUrl('sk_live_notaurl')).toBe('(invalid URL)');
    expect(shownUrl('nope', '(invalid OPENAI_BASE_URL)')).toBe('(invalid OPENAI_BASE_URL)');
  });
});
