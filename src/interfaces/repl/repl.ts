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
import { createRenderer, type Renderer } from './render.js';
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
  /**
   * Handles one request or command, then returns 0 = done, 1 = the request could not be done (the turn ended in an
   * error, Clerk could not be reached, or an approved change failed or has an unknown outcome), 2 = input refused.
   */
  runOnce(line: string): Promise<number>;
  /** Handles one line (exposed for tests; Ctrl-C is only listened to inside run and runOnce). */
  handleLine(line: string): Promise<CommandResult | TurnResult['status'] | 'ignored' | 'refused'>;
}

/** The hint for Ctrl-C at the prompt. */
export const INTERRUPT_HINT = 'Nothing is running. Type /exit or press Ctrl-D to leave.';

/** What one REPL remembers between lines. */
interface ReplMemory {
  /** The app; /dryrun swaps it for one with dry-run switched. */
  app: ReplApp;
  /** The conversation's agent state (none before the first request and after /new). */
  state: RunState | undefined;
  /** The queue's conversation id for this session's conversation (new after /new). */
  conversationId: string;
  transcript: Transcript | undefined;
  /** The running turn's controller: Ctrl-C aborts it. */
  active: AbortController | undefined;
  atPrompt: boolean;
  /** Whether the last turn ended normally but could not do the request (see TurnResult.incomplete). */
  lastIncomplete: boolean;
}

const newConversationId = () => `terminal-${randomUUID()}`;

/** Creates the REPL. */
export function createRepl(deps: ReplDeps): Repl {
  const { input, out } = deps;
  const c = out.colors;
  const renderer = createRenderer(out);
  const memory: ReplMemory = {
    app: deps.app,
    state: undefined,
    conversationId: newConversationId(),
    transcript: undefined,
    active: undefined,
    atPrompt: false,
    lastIncomplete: false,
  };
  const session = createSession(memory, deps);

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
    // A bare "exit" / "quit" (what a newcomer types) leaves like /exit; it is never sent to the model as a request.
    const command = /^(?:exit|quit)$/i.test(text) ? `/${text.toLowerCase()}` : text;
    if (command.startsWith('/')) {
      record(memory, deps, { kind: 'command', text: command });
      return runCommand(command, session);
    }
    record(memory, deps, { kind: 'input', text });
    return runRequest(text, memory, deps, renderer);
  };

  const onInterrupt = () => interrupt(memory, out);
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
          memory.atPrompt = true;
          const line = await input.read(promptText(memory.app, out));
          memory.atPrompt = false;
          if (line === null) break;
          if ((await handleLine(line)) === 'exit') break;
        }
        return 0;
      }),
    runOnce: (line) =>
      withInterrupts(async () => {
        const status = await handleLine(line);
        return status === 'error' || memory.lastIncomplete ? 1 : status === 'refused' ? 2 : 0;
      }),
  };
}

/** The prompt, tagged LIVE and/or dry run. */
function promptText(app: ReplApp, out: Output): string {
  const c = out.colors;
  const tags = [app.live ? c.red('LIVE') : '', app.config.dryRun ? c.yellow('dry run') : ''].filter(Boolean);
  return `${c.bold(c.cyan('clerk'))}${tags.length > 0 ? ` (${tags.join(', ')})` : ''}> `;
}

/** The session the slash commands act on. */
function createSession(memory: ReplMemory, deps: ReplDeps): Session {
  return {
    get app() {
      return memory.app;
    },
    out: deps.out,
    prompter: deps.prompter,
    resetConversation() {
      memory.state = undefined;
      memory.transcript = undefined;
      memory.conversationId = newConversationId();
    },
    async setDryRun(on) {
      if (!deps.switchDryRun) return false;
      memory.app = await deps.switchDryRun(on);
      return true;
    },
  };
}

/** Writes a transcript entry, opening the transcript with the conversation's first request. */
function record(memory: ReplMemory, deps: ReplDeps, entry: Parameters<Transcript['record']>[0]): void {
  if (!deps.openTranscript) return;
  // A conversation starts with its first request: commands typed before it leave no file behind.
  if (!memory.transcript && entry.kind === 'command') return;
  memory.transcript ??= deps.openTranscript();
  memory.transcript.record(entry);
}

/** Runs one conversational turn, cancellable by Ctrl-C while it runs. */
async function runRequest(
  text: string,
  memory: ReplMemory,
  deps: ReplDeps,
  renderer: Renderer,
): Promise<TurnResult['status']> {
  const { app, transcript } = memory;
  const controller = new AbortController();
  memory.active = controller;
  memory.lastIncomplete = false;
  try {
    const result = await runTurn(text, {
      agent: app.agent,
      state: memory.state,
      requester: app.config.requester,
      out: deps.out,
      renderer,
      prompter: deps.prompter,
      ...(transcript ? { transcript } : {}),
      signal: controller.signal,
      ...(app.approvals
        ? {
            approvals: app.approvals,
            identity: terminalIdentity(app.config.requester),
            conversationId: memory.conversationId,
          }
        : {}),
    });
    memory.state = result.state;
    memory.lastIncomplete = result.incomplete === true;
    return result.status;
  } finally {
    memory.active = undefined;
  }
}

/** Ctrl-C: cancels the running turn, or at the prompt says how to leave. */
function interrupt(memory: ReplMemory, out: Output): void {
  const c = out.colors;
  const { active } = memory;
  if (active && !active.signal.aborted) {
    active.abort();
    out.line(c.yellow('^C cancelling: anything pending will be denied…'));
  } else if (active) {
    out.line(c.yellow('^C still cancelling…'));
  } else {
    out.line(memory.atPrompt ? `\n${INTERRUPT_HINT}` : INTERRUPT_HINT);
    if (memory.atPrompt) out.write(promptText(memory.app, out));
  }
}
