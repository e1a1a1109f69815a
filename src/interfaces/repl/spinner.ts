/**
 * A one-line spinner shown while the model or Clerk is working. Only on a TTY: piped output never sees it.
 * Without colours (NO_COLOR) it clears its line with spaces instead of an ANSI erase code.
 */
import type { Colors } from './colors.js';

/** A spinner that can be started with a label and cleared before any other output. */
export interface Spinner {
  /** Shows (or relabels) the spinner. No-op when disabled. */
  start(label: string): void;
  /** Clears the spinner line; safe to call when it is not running. */
  stop(): void;
  readonly active: boolean;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Creates a spinner writing to `stream`; `enabled: false` gives a silent no-op spinner. */
export function createSpinner(
  stream: { write(text: string): unknown },
  options: { enabled: boolean; colors: Colors; intervalMs?: number },
): Spinner {
  const { enabled, colors } = options;
  let timer: ReturnType<typeof setInterval> | undefined;
  let label = '';
  let frame = 0;
  let drawnWidth = 0;

  const draw = () => {
    const text = `${FRAMES[frame % FRAMES.length]} ${label}`;
    frame++;
    stream.write(`\r${colors.dim(text)}`);
    drawnWidth = Math.max(drawnWidth, [...text].length);
  };

  const clear = () => {
    if (drawnWidth === 0) return;
    stream.write(colors.enabled ? '\r\x1b[K' : `\r${' '.repeat(drawnWidth)}\r`);
    drawnWidth = 0;
  };

  return {
    start(next) {
      if (!enabled) return;
      if (timer !== undefined && next === label) return;
      if (timer !== undefined) clear();
      label = next;
      draw();
      if (timer === undefined) {
        timer = setInterval(draw, options.intervalMs ?? 80);
        // A forgotten spinner must never keep the process alive.
        timer.unref();
      }
    },
    stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      clear();
    },
    get active() {
      return timer !== undefined;
    },
  };
}
