/**
 * Where the bot keeps what it must remember across restarts: each Slack thread's conversation (the agent's
 * RunState, so follow-ups continue it), where each approval card was posted (so a decision made elsewhere or
 * after a restart updates the right message), and each paused run's thread. The approval decisions themselves live
 * in the approval queue, not here. One JSON file written atomically (temp file, rename).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunState } from '../../agent/types.js';

export interface MessageRef {
  channel: string;
  ts: string;
}

export interface ThreadRecord {
  /** `${channel}:${thread_ts}`: also the approval queue's conversation id. */
  key: string;
  channel: string;
  threadTs: string;
  state?: RunState;
  /** The paused run waiting on cards, if any. */
  waitingRunId?: string;
  updatedAt: string;
}

export interface CardRecord extends MessageRef {
  threadKey: string;
  index: number;
  total: number;
}

export interface RunRecord {
  threadKey: string;
  approveAll?: MessageRef;
  /** The thread summary has been posted (by whoever executed or saw the result). */
  reported?: boolean;
}

interface Data {
  version: 1;
  threads: Record<string, ThreadRecord>;
  cards: Record<string, CardRecord>;
  runs: Record<string, RunRecord>;
}

export interface ThreadStore {
  thread(key: string): ThreadRecord | undefined;
  saveThread(record: ThreadRecord): void;
  card(requestId: string): CardRecord | undefined;
  saveCard(requestId: string, record: CardRecord): void;
  run(runId: string): RunRecord | undefined;
  saveRun(runId: string, record: RunRecord): void;
}

const MAX_THREADS = 2000;
const MAX_CARDS = 20000;

/** A store in `<dataDir>/slack/threads.json`, or in memory when `dataDir` is undefined. */
export function createThreadStore(dataDir: string | undefined): ThreadStore {
  const file = dataDir ? path.join(dataDir, 'slack', 'threads.json') : undefined;
  let data: Data = { version: 1, threads: {}, cards: {}, runs: {} };
  if (file) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Data;
      if (parsed?.version === 1)
        data = { version: 1, threads: parsed.threads ?? {}, cards: parsed.cards ?? {}, runs: parsed.runs ?? {} };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(
          `${file} cannot be read (${(error as Error).message.slice(0, 100)}); move it away to start afresh`,
        );
      }
    }
  }
  const trim = <T>(record: Record<string, T>, max: number) => {
    const keys = Object.keys(record);
    for (const key of keys.slice(0, Math.max(0, keys.length - max))) delete record[key];
  };
  const save = () => {
    if (!file) return;
    trim(data.threads, MAX_THREADS);
    trim(data.cards, MAX_CARDS);
    trim(data.runs, MAX_CARDS);
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(data));
    renameSync(temp, file);
  };
  return {
    thread: (key) => data.threads[key],
    saveThread(record) {
      delete data.threads[record.key];
      data.threads[record.key] = record;
      save();
    },
    card: (id) => data.cards[id],
    saveCard(id, record) {
      data.cards[id] = record;
      save();
    },
    run: (id) => data.runs[id],
    saveRun(id, record) {
      data.runs[id] = record;
      save();
    },
  };
}
