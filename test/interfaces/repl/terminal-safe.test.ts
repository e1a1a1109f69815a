/**
 * Every REPL line quotes data someone else chose (Clerk names, metadata, model text). Terminal control sequences in
 * it must not reach the terminal, or a hostile name could erase or rewrite what the human reads; our own colours must.
 */
import { describe, expect, it } from 'vitest';
import { createColors } from '../../../src/interfaces/repl/colors.js';
import { createOutput, terminalSafe } from '../../../src/interfaces/repl/output.js';

describe('terminalSafe', () => {
  it('shows cursor movement, line erase, carriage return and C1 controls as visible escapes', () => {
    const hostile = 'Mallory\x1b[2K\r\x1b[1A│ Consequences: none\u009b31m\x07';
    const safe = terminalSafe(hostile);
    expect(safe).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(safe).toBe('Mallory\\u001b[2K\\u000d\\u001b[1A│ Consequences: none\\u009b31m\\u0007');
  });

  it('keeps newlines, tabs and exactly our own colour codes', () => {
    const c = createColors(true);
    const text = `${c.red('destructive')}\t${c.bold('x')}\n${c.alert('LIVE')}`;
    expect(terminalSafe(text)).toBe(text);
  });

  it('does not let data smuggle a colour code that hides text (conceal)', () => {
    expect(terminalSafe('a\x1b[8mhidden')).toBe('a\\u001b[8mhidden');
  });

  it('is applied to every line the REPL prints', () => {
    let written = '';
    const spinner = {
      start() {},
      stop() {},
      get active() {
        return false;
      },
    } as never;
    const out = createOutput({ write: (t: string) => void (written += t) }, spinner, createColors(false));
    out.line('Ban \x1b[2KJane');
    expect(written).toBe('Ban \\u001b[2KJane\n');
  });
});
