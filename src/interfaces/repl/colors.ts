/**
 * Terminal colours. Off when NO_COLOR is set (https://no-color.org), when TERM is `dumb`, or when the stream is not
 * a TTY (piped output stays plain text); FORCE_COLOR=1 turns them on anyway (tests of the red destructive tier).
 */

/** Wraps text in one colour, or returns it unchanged when colours are off. */
export type Paint = (text: string) => string;

/** The handful of styles the REPL uses. */
export interface Colors {
  readonly enabled: boolean;
  red: Paint;
  yellow: Paint;
  green: Paint;
  cyan: Paint;
  dim: Paint;
  bold: Paint;
  /** Bold white on red, for the LIVE warning. */
  alert: Paint;
}

/** True when output to `stream` may carry ANSI colour codes under this environment. */
export function colorsEnabled(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  const force = env['FORCE_COLOR'];
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (env['TERM'] === 'dumb') return false;
  return stream.isTTY === true;
}

const sgr =
  (open: number, close: number): Paint =>
  (text) =>
    `\x1b[${open}m${text}\x1b[${close}m`;

/** Creates the styles; with `enabled: false` every style is the identity. */
export function createColors(enabled: boolean): Colors {
  if (!enabled) {
    const plain: Paint = (text) => text;
    return { enabled, red: plain, yellow: plain, green: plain, cyan: plain, dim: plain, bold: plain, alert: plain };
  }
  return {
    enabled,
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
    dim: sgr(2, 22),
    bold: sgr(1, 22),
    alert: (text) => `\x1b[1;97;41m${text}\x1b[0m`,
  };
}

/** Removes ANSI escape sequences (for width measurement and transcripts). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}
