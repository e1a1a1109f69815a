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

/** Creates the output over a writable stream. */
export function createOutput(stream: { write(text: string): unknown; columns?: number }, spinner: Spinner, colors: Colors): Output {
  return {
    line(text = '') {
      spinner.stop();
      stream.write(text + '\n');
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
