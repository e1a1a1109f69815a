/**
 * Conversation transcripts: `<dataDir>/transcripts/<timestamp>-<id>.jsonl`, one JSON line per user input, agent
 * event, decision set or command. Secrets are redacted with the agent's redactor plus the exact secret values in use.
 * The file is created on the first record, so a session that only types /help leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { redactDeep } from '../../util/secrets.js';

/** One transcript line (besides `at`, the ISO time it was written). */
export type TranscriptRecord =
  | { kind: 'input'; text: string }
  | { kind: 'command'; text: string }
  | { kind: 'event'; event: unknown }
  | { kind: 'decisions'; decisions: unknown }
  | { kind: 'note'; text: string };

/** An append-only transcript of one conversation. */
export interface Transcript {
  /** Path of the file (it exists once something was recorded). */
  readonly file: string;
  /** Appends one record. Contract: never throws (a transcript must not break the conversation). */
  record(entry: TranscriptRecord): void;
}

/** Options for a new transcript. */
export interface TranscriptOptions {
  dataDir: string;
  /** Exact secret values to scrub even when they do not look like keys (e.g. a local model server's key). */
  secrets?: readonly string[];
  now?: () => Date;
  id?: string;
}

/** Starts a new transcript file for a new conversation. */
export function createTranscript(options: TranscriptOptions): Transcript {
  const now = options.now ?? (() => new Date());
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const id = options.id ?? randomUUID().slice(0, 8);
  const dir = path.join(options.dataDir, 'transcripts');
  const file = path.join(dir, `${stamp}-${id}.jsonl`);
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  let failed = false;
  let ready = false;

  return {
    file,
    record(entry) {
      if (failed) return;
      try {
        let text = JSON.stringify(redactDeep({ at: now().toISOString(), ...entry }));
        for (const secret of secrets) text = text.split(secret).join('[redacted]');
        if (!ready) {
          mkdirSync(dir, { recursive: true });
          ready = true;
        }
        appendFileSync(file, text + '\n');
      } catch {
        failed = true; // e.g. a read-only data dir: keep chatting, stop recording
      }
    },
  };
}
