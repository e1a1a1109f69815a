/**
 * Durable state in `<dataDir>/state.json`. Every save writes a temp file in the same directory, fsyncs it, renames
 * it over state.json and fsyncs the directory, so a crash at any point leaves either the old or the new file,
 * never a torn one. Leftover temp files from a crash are removed on load. One process per data directory.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { SandboxState } from './types.js';

const STATE_FILE = 'state.json';
const TEMP_PREFIX = 'state.json.tmp-';

/** The state file is unreadable; the message names the file and how to recover. */
export class SandboxStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxStateError';
  }
}

/** Load/save of one data directory. */
export interface Persistence {
  readonly file: string;
  load(): SandboxState | undefined;
  save(state: SandboxState): void;
}

const COLLECTIONS = [
  'users',
  'organizations',
  'memberships',
  'organizationInvitations',
  'invitations',
  'sessions',
  'allowlistIdentifiers',
  'blocklistIdentifiers',
  'jwtTemplates',
  'domains',
  'oauthApplications',
] as const;

/** True when `value` has the SandboxState shape (version 1, a counter and every collection as an array). */
export function isSandboxState(value: unknown): value is SandboxState {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v.version === 1 && Number.isInteger(v.nextId) && COLLECTIONS.every((c) => Array.isArray(v[c]));
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
  }
}

let tempCounter = 0;

/** Persistence for `dataDir` (created on first save). */
export function createPersistence(dataDir: string): Persistence {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, STATE_FILE);
  return {
    file,
    load() {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return undefined;
      }
      for (const name of names) if (name.startsWith(TEMP_PREFIX)) rmSync(path.join(dir, name), { force: true });
      if (!names.includes(STATE_FILE)) return undefined;
      const text = readFileSync(file, 'utf8');
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        throw new SandboxStateError(
          `Sandbox state ${file} is not valid JSON (${(err as Error).message}). Move it away, or run \`clerk-agent sandbox --reset\` to start again from the demo data.`,
        );
      }
      if (!isSandboxState(parsed)) {
        throw new SandboxStateError(
          `Sandbox state ${file} is not a version-1 sandbox state. Move it away, or run \`clerk-agent sandbox --reset\` to start again from the demo data.`,
        );
      }
      return parsed;
    },
    save(state) {
      mkdirSync(dir, { recursive: true });
      const temp = path.join(dir, `${TEMP_PREFIX}${process.pid}-${++tempCounter}`);
      const fd = openSync(temp, 'w', 0o600);
      try {
        writeSync(fd, JSON.stringify(state));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, file);
      fsyncDir(dir);
    },
  };
}
