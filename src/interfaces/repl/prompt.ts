/**
 * Where approval answers come from. An injectable port, so tests can script answers and Ctrl-C.
 * - On a terminal: readline-sync (the product's design choice). It reads /dev/tty synchronously and blocks the event
 *   loop, so callers stop the spinner first; a throw (no usable terminal) counts as no answer.
 * - Piped: the same line queue as the requests, so `printf 'ban jane@example.com\ny\n' | clerk-agent chat` works,
 *   and EOF is no answer.
 */
import type { LineSource } from './input.js';

/** Asks the human one question. */
export interface Prompter {
  /** Resolves with the answer text, or null when no answer can come (EOF, no terminal, cancelled). Contract: never rejects. */
  ask(question: string, signal?: AbortSignal): Promise<string | null>;
}

/** Answers read from the REPL's own line source (piped stdin). */
export function createLinePrompter(lines: LineSource): Prompter {
  return { ask: (question, signal) => lines.read(question, signal) };
}

type QuestionFn = (query: string) => string;

/** Answers typed at the terminal through readline-sync (loaded on first use: it is not needed to start). */
export function createTtyPrompter(options: { question?: QuestionFn } = {}): Prompter {
  let question: QuestionFn | undefined = options.question;
  return {
    async ask(query, signal) {
      if (signal?.aborted) return null;
      try {
        if (!question) {
          const readlineSync = (await import('readline-sync')).default;
          question = (q) => readlineSync.question(q, { keepWhitespace: false });
        }
        const answer = question(query);
        // A Ctrl-C typed during the blocking read (the terminal echoes ^C; the read ends at Enter) reaches our SIGINT
        // handler only in a later poll phase of the event loop. Let one pass (measured in tmux: setImmediate alone
        // is too early) so the caller sees the aborted signal before it treats the answer as a decision.
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setTimeout(resolve, 5));
        return signal?.aborted ? null : answer;
      } catch {
        return null;
      }
    },
  };
}
