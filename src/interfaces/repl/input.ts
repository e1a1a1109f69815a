/**
 * Where the REPL's lines come from.
 * - Piped stdin: ONE node:readline interface for the whole process, with the lines queued and EOF tracked (a second
 *   interface on an ended stdin never fires `close` and hangs). Requests and approval answers share the queue in order.
 * - A terminal: a fresh readline interface per prompt (line editing, history, Ctrl-C hint, Ctrl-D to leave), closed
 *   again before the turn runs so the terminal is back in cooked mode: Ctrl-C then raises SIGINT (cancel the turn)
 *   and readline-sync can own /dev/tty for approval questions.
 */
import { createInterface, type Interface } from 'node:readline';

/** A source of lines: requests, slash commands and, when piped, approval answers. */
export interface LineSource {
  /**
   * Shows `prompt` and resolves with the next line, or null at the end of input (EOF, Ctrl-D) or when `signal`
   * aborts. Contract: never rejects.
   */
  read(prompt: string, signal?: AbortSignal): Promise<string | null>;
  /** True once the input has ended; every later read resolves null at once. */
  readonly ended: boolean;
  close(): void;
}

interface Writable {
  write(text: string): unknown;
}

/** Lines read ahead of the REPL before the input is paused. */
const MAX_QUEUED = 256;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * A piped line as it is echoed: every control character (escape sequences included: the line is data, not our
 * colours) shown as a visible `\u001b`-style escape, so input cannot move the cursor or rewrite the screen.
 */
export function visibleInput(line: string): string {
  return line.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Lines from a non-interactive stream (a pipe or a file). `echo` prints each line after its prompt, like a terminal
 * would, made terminal-safe; a line longer than `maxEcho` characters (the REPL refuses it) is not printed at all,
 * only its length.
 */
export function createStreamLineSource(
  input: NodeJS.ReadableStream,
  output: Writable,
  options: { echo?: boolean; maxEcho?: number } = {},
): LineSource {
  const queue: string[] = [];
  const waiters: Array<(line: string | null) => void> = [];
  let ended = false;
  let rl: Interface | undefined;

  const start = () => {
    if (rl || ended) return;
    rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
    rl.on('line', (line) => {
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else queue.push(line);
      // Backpressure: an endless pipe (`yes | clerk-agent chat …`) must not grow the queue until the heap dies.
      if (queue.length >= MAX_QUEUED) rl?.pause();
    });
    rl.on('close', () => {
      ended = true;
      for (const waiter of waiters.splice(0)) waiter(null);
    });
  };

  const echoed = (line: string) =>
    options.maxEcho !== undefined && line.trim().length > options.maxEcho
      ? `[a line of ${line.trim().length.toLocaleString('en-US')} characters, not shown]`
      : visibleInput(line);
  const answer = (line: string | null) => {
    output.write(line === null ? '\n' : options.echo ? `${echoed(line)}\n` : '');
    return line;
  };

  return {
    read(prompt, signal) {
      start();
      output.write(prompt);
      if (queue.length > 0) {
        const line = queue.shift()!;
        if (queue.length < MAX_QUEUED / 2) rl?.resume();
        return Promise.resolve(answer(line));
      }
      if (ended || signal?.aborted) return Promise.resolve(answer(null));
      return new Promise((resolve) => {
        const onAbort = () => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          resolve(answer(null));
        };
        const waiter = (line: string | null) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(answer(line));
        };
        waiters.push(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    get ended() {
      return ended;
    },
    close() {
      rl?.close();
    },
  };
}

/** Lines typed at a terminal. `onInterrupt` runs on Ctrl-C at the prompt (the line is dropped and asked again). */
export function createTtyLineSource(
  input: NodeJS.ReadStream,
  output: NodeJS.WriteStream,
  options: { onInterrupt: () => string },
): LineSource {
  let history: string[] = [];
  let ended = false;

  return {
    read(prompt, signal) {
      if (ended || signal?.aborted) return Promise.resolve(null);
      return new Promise((resolve) => {
        // Line editing only when the output is the terminal too (`clerk-agent chat | tee log` gets plain lines).
        const terminal = output.isTTY === true;
        const rl = createInterface({
          input,
          output,
          terminal,
          history,
          historySize: 200,
          removeHistoryDuplicates: true,
          prompt,
        });
        let settled = false;
        const finish = (line: string | null) => {
          if (settled) return;
          settled = true;
          history = [...(rl as unknown as { history: string[] }).history];
          signal?.removeEventListener('abort', onAbort);
          rl.close();
          resolve(line);
        };
        const onAbort = () => finish(null);
        rl.on('line', (line) => finish(line));
        rl.on('close', () => {
          // Closed by Ctrl-D (not by us after a line): the user wants to leave.
          if (!settled) {
            ended = true;
            output.write('\n');
            finish(null);
          }
        });
        rl.on('SIGINT', () => {
          // Drop what was typed, as a shell does: go to the end of the line, then delete back to its start.
          rl.write(null, { ctrl: true, name: 'e' });
          rl.write(null, { ctrl: true, name: 'u' });
          output.write(`\n${options.onInterrupt()}\n`);
          rl.prompt();
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        rl.prompt();
      });
    },
    get ended() {
      return ended;
    },
    close() {
      ended = true;
    },
  };
}
