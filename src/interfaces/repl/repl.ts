/**
 * The session loop: read a line, run a slash command or a conversational turn, repeat until /exit or end of input.
 * Also the one-shot mode (`clerk-agent chat "list banned users"`).
 */
import { randomUUID } from 'node:crypto';
import { terminalIdentity } from '../../approvals/identity.js';
import type { RunState } from '../../agent/types.js';
import { runCommand, type CommandResult } from './commands.js';
import type { LineSource } from './input.js';
import type { Output } from './output.js';
import type { Prompter } from './prompt.js';
import { createRenderer } from './render.js';
import type { Transcript } from './transcript.js';
import { runTurn, type TurnResult } from './turn.js';
import type { ReplApp, Session } from './types.js';

/** Longest accepted line; longer input is refused (pasted logs, runaway pipes). */
export const MAX_LINE_LENGTH = 4000;

/** Delivers Ctrl-C presses (process SIGINT in the CLI; a fake in tests). */
export interface InterruptSource {
  /** Registers a handler; returns the function that removes it. */
  onInterrupt(handler: () => void): () => void;
}

/** What the REPL is built from. */
export interface ReplDeps {
  app: ReplApp;
  input: LineSource;
  prompter: Prompter;
  out: Output;
  interrupts: InterruptSource;
  /** Starts the transcript of a new conversation; omit to keep none. */
  openTranscript?: () => Transcript;
  /** Returns the app with dry-run switched; omit when the session cannot switch. */
  switchDryRun?: (on: boolean) => Promise<ReplApp>;
}

/** A running REPL. */
export interface Repl {
  /** Reads lines until /exit or end of input; resolves with the exit code. */
  run(): Promise<number>;
  /** Handles one request or command, then returns (0 = done, 1 = the turn ended in an error, 2 = input refused). */
  runOnce(line: string): Promise<number>;
  /** Handles one line (exposed for tests; Ctrl-C is only listened to inside run and runOnce). */
  handleLine(line: string): Promise<CommandResult | TurnResult['status'] | 'ignored' | 'refused'>;
}

/** The hint for Ctrl-C at the prompt. */
export const INTERRUPT_HINT = 'Nothing is running. Type /exit or press Ctrl-D to leave.';

/** Creates the REPL. */
export function createRepl(deps: ReplDeps): Repl {
  const { input, prompter, out } = deps;
  const c = out.colors;
  const renderer = createRenderer(out);
  let app = deps.app;
  let state: RunState | undefined;
  /** The queue's conversation id for this session's conversation (new after /new). */
  let conversationId = `terminal-${randomUUID()}`;
  let transcript: Transcript | undefined;
  let active: AbortController | undefined;
  let atPrompt = false;

  const promptText = () => {
    const tags = [app.live ? c.red('LIVE') : '', app.config.dryRun ? c.yellow('dry run') : ''].filter(Boolean);
    return `${c.bold(c.cyan('clerk'))}${tags.length > 0 ? ` (${tags.join(', ')})` : ''}> `;
  };

  const session: Session = {
    get app() {
      return app;
    },
    out,
    prompter,
    resetConversation() {
      state = undefined;
      transcript = undefined;
      conversationId = `terminal-${randomUUID()}`;
    },
    async setDryRun(on) {
      if (!deps.switchDryRun) return false;
      app = await deps.switchDryRun(on);
      return true;
    },
  };

  const record = (entry: Parameters<Transcript['record']>[0]) => {
    if (!deps.openTranscript) return;
    // A conversation starts with its first request: commands typed before it leave no file behind.
    if (!transcript && entry.kind === 'command') return;
    transcript ??= deps.openTranscript();
    transcript.record(entry);
  };

  const handleLine: Repl['handleLine'] = async (line) => {
    const text = line.trim();
    if (text === '') return 'ignored';
    if (text.length > MAX_LINE_LENGTH) {
      out.line(
        c.yellow(
          `That line is ${text.length.toLocaleString('en-US')} characters long; the limit is ${MAX_LINE_LENGTH.toLocaleString('en-US')}. Shorten the request and try again.`,
        ),
      );
      return 'refused';
    }
    if (text.startsWith('/')) {
      record({ kind: 'command', text });
      return runCommand(text, session);
    }
    record({ kind: 'input', text });
    const controller = new AbortController();
    active = controller;
    try {
      const result = await runTurn(text, {
        agent: app.agent,
        state,
        requester: app.config.requester,
        out,
        renderer,
        prompter,
        ...(transcript ? { transcript } : {}),
        signal: controller.signal,
        ...(app.approvals
          ? { approvals: app.approvals, identity: terminalIdentity(app.config.requester), conversationId }
          : {}),
      });
      state = result.state;
      return result.status;
    } finally {
      active = undefined;
    }
  };

  const onInterrupt = () => {
    if (active && !active.signal.aborted) {
      active.abort();
      out.line(c.yellow('^C cancelling: anything pending will be denied…'));
    } else if (active) {
      out.line(c.yellow('^C still cancelling…'));
    } else {
      out.line(atPrompt ? `\n${INTERRUPT_HINT}` : INTERRUPT_HINT);
      if (atPrompt) out.write(promptText());
    }
  };

  const withInterrupts = async <T>(fn: () => Promise<T>): Promise<T> => {
    const off = deps.interrupts.onInterrupt(onInterrupt);
    try {
      return await fn();
    } finally {
      off();
    }
  };

  return {
    handleLine,
    run: () =>
      withInterrupts(async () => {
        for (;;) {
          out.spinner.stop();
          atPrompt = true;
          const line = await input.read(promptText());
          atPrompt = false;
          if (line === null) break;
          if ((await handleLine(line)) === 'exit') break;
        }
        return 0;
      }),
    runOnce: (line) =>
      withInterrupts(async () => {
        const status = await handleLine(line);
        return status === 'error' ? 1 : status === 'refused' ? 2 : 0;
      }),
  };
}
