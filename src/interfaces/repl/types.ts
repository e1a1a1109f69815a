/**
 * What the REPL needs from the composed app, and what slash commands may do to the session.
 */
import type { App } from '../../app.js';
import type { Output } from './output.js';
import type { Prompter } from './prompt.js';

/** The parts of the App the REPL uses (tests pass a fake with just these). */
export type ReplApp = Pick<
  App,
  'agent' | 'config' | 'registry' | 'audit' | 'modelName' | 'backendLabel' | 'live' | 'dataDir' | 'resetSandbox'
> &
  /** The approval queue (the real app has one; test fakes may leave it out and approve in-process). */
  Partial<Pick<App, 'approvals'>>;

/** The session as slash commands see it. */
export interface Session {
  readonly app: ReplApp;
  readonly out: Output;
  readonly prompter: Prompter;
  /** Starts a new conversation (history dropped, new transcript). */
  resetConversation(): void;
  /** Switches dry-run mode; resolves false when this session cannot switch. */
  setDryRun(on: boolean): Promise<boolean>;
}
