/**
 * A regex written through a tool that unescapes "\b" ends up with a backspace character in the source: the
 * pattern then silently never matches (it happened twice). No control character belongs in the offline model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../../../src/llm/offline');

describe('offline model sources', () => {
  it('contain no control characters (a backspace where \\b was meant)', () => {
    const bad = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(readFileSync(path.join(dir, f), 'utf8')));
    expect(bad).toEqual([]);
  });
});
