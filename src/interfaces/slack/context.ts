/** What the Slack handlers share: the app, the approval queue, the Slack API port, the thread store, a logger. */
import type { App } from '../../app.js';
import type { ApprovalService } from '../../approvals/service.js';
import type { SlackConfig } from '../../config.js';
import type { SlackApi } from './slack-api.js';
import type { ThreadStore } from './threads.js';

export interface BotContext {
  app: App;
  service: ApprovalService;
  slack: SlackApi;
  threads: ThreadStore;
  config: SlackConfig;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Runs `fn` after every earlier task with the same key (one thread or one card at a time). */
  serial<T>(key: string, fn: () => Promise<T>): Promise<T>;
  now(): Date;
  /** Runs this process is executing from a click right now: the poller's change reports skip them. */
  executing: Set<string>;
}

/** A per-key queue: tasks with the same key run one after another; different keys run concurrently. */
export function createSerializer(): BotContext['serial'] {
  const tails = new Map<string, Promise<unknown>>();
  return (key, fn) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
