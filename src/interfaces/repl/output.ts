/**
 * Where the REPL writes. Every write clears the spinner first, so progress lines never mix with spinner frames.
 */
import type { Colors } from './colors.js';
import type { Spinner } from './spinner.js';

/** The REPL's terminal output: lines, raw text (prompts), the spinner and the colours in use. */
export interface Output {
  /** Writes one or more lines (a trailing newline is added). */
  line(text?: string): void;
  /** Writes text exactly as given (prompts). */
  write(text: string): void;
  readonly spinner: Spinner;
  readonly colors: Colors;
  /** Usable width for tables and cards. */
  readonly width: number;
}

// Our own colour codes (colors.ts) are the only escape sequences a line may carry.
const OWN_SGR = /^\x1b\[(?:0|1|2|22|31|32|33|36|39|1;97;41)m/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Lines quote Clerk data and model text (a user's name, an org's metadata, the model's summary). A terminal
 * control sequence in them could erase or rewrite earlier lines — including an approval card — so every control
 * character except newline, tab and our own colour codes is shown as a visible escape (`\u001b`).
 */
export function terminalSafe(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const own = text.charCodeAt(i) === 0x1b ? OWN_SGR.exec(text.slice(i)) : null;
    if (own) {
      out += own[0];
      i += own[0].length;
      continue;
    }
    const ch = text[i]!;
    out += ch.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    i++;
  }
  return out;
}

/** Creates the output over a writable stream. */
export function createOutput(
  stream: { write(text: string): unknown; columns?: number },
  spinner: Spinner,
  colors: Colors,
): Output {
  return {
    line(text = '') {
      spinner.stop();
      stream.write(terminalSafe(text) + '\n');
    },
    write(text) {
      spinner.stop();
      stream.write(text);
    },
    spinner,
    colors,
    get width() {
      const columns = stream.columns;
      return typeof columns === 'number' && columns > 20 ? Math.min(columns, 140) : 120;
    },
  };
}
