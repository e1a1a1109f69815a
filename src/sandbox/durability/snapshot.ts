/**
 * The snapshot: the whole state as one JSON line per record (`["users",{…}]`) after a header line that names the
 * journal generation to replay on top of it. Line by line, so neither writing nor reading ever holds the whole
 * state as one string (100k users is ~160 MB of JSON). Written to a temp file, fsynced, renamed into place and the
 * directory fsynced: a crash leaves the old snapshot or the new one, never a torn one.
 */
import path from 'node:path';
import { SandboxStateError } from '../state-error.js';
import type { SandboxState } from '../types.js';
import { COLLECTION_KEYS } from '../seed/state.js';
import { type FsPort, fsyncDir, readLines, writeAllSync } from './fs-port.js';

export const SNAPSHOT_FILE = 'snapshot.ndjson';
export const SNAPSHOT_TEMP_PREFIX = 'snapshot.ndjson.tmp-';
const FORMAT = 'clerk-sandbox-snapshot';

/** The collections of a SandboxState, in the order they are written. */
export const COLLECTIONS = COLLECTION_KEYS;
type Collection = (typeof COLLECTIONS)[number];

interface Header {
  format: typeof FORMAT;
  version: 1;
  nextId: number;
  /** Generation of the journal that continues this snapshot (`journal-<n>.ndjson`). */
  journal: number;
  records: number;
}

/** Bytes buffered before each write while writing a snapshot. */
const WRITE_CHUNK = 1024 * 1024;

let tempCounter = 0;

/** Write `state` as the snapshot of `dir` continued by journal `generation`; durable when this returns. */
export function writeSnapshot(fs: FsPort, dir: string, state: SandboxState, generation: number): void {
  const temp = path.join(dir, `${SNAPSHOT_TEMP_PREFIX}${process.pid}-${++tempCounter}`);
  const records = COLLECTIONS.reduce((n, c) => n + state[c].length, 0);
  const header: Header = { format: FORMAT, version: 1, nextId: state.nextId, journal: generation, records };
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    let parts: string[] = [JSON.stringify(header)];
    let size = parts[0]!.length;
    const flush = () => {
      writeAllSync(fs, fd, Buffer.from(parts.join('\n') + '\n', 'utf8'));
      parts = [];
      size = 0;
    };
    for (const c of COLLECTIONS) {
      const prefix = `["${c}",`;
      for (const record of state[c]) {
        const line = prefix + JSON.stringify(record) + ']';
        parts.push(line);
        size += line.length;
        if (size >= WRITE_CHUNK) flush();
      }
    }
    if (parts.length > 0) flush();
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, path.join(dir, SNAPSHOT_FILE));
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fsyncDir(fs, dir);
}

function corrupt(file: string, why: string): SandboxStateError {
  return new SandboxStateError(
    `Sandbox snapshot ${file} is damaged (${why}). Nothing was changed; move the sandbox folder away to keep it, or run \`clerk-agent sandbox --reset\` to start again from the demo data.`,
  );
}

/** Read the snapshot of `dir`; throws SandboxStateError (never silently replaced) when it is damaged. */
export function readSnapshot(fs: FsPort, dir: string): { state: SandboxState; generation: number } {
  const file = path.join(dir, SNAPSHOT_FILE);
  let header: Header | undefined;
  const state = { version: 1, nextId: 0 } as SandboxState;
  for (const c of COLLECTIONS) (state[c] as unknown[]) = [];
  let count = 0;
  let lineNo = 0;
  const { tail } = readLines(fs, file, (line) => {
    lineNo++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw corrupt(file, `line ${lineNo} is not JSON`);
    }
    if (header === undefined) {
      const h = value as Partial<Header> | null;
      if (h?.format !== FORMAT || h.version !== 1 || !Number.isInteger(h.nextId) || !Number.isInteger(h.journal))
        throw corrupt(file, 'the first line is not a version-1 snapshot header');
      header = h as Header;
      return;
    }
    const [c, record] = Array.isArray(value) ? (value as [Collection, unknown]) : [];
    if (!(COLLECTIONS as readonly string[]).includes(c as string) || record === null || typeof record !== 'object')
      throw corrupt(file, `line ${lineNo} is not a record`);
    (state[c as Collection] as unknown[]).push(record);
    count++;
  });
  if (header === undefined) throw corrupt(file, 'it is empty');
  if (tail !== '') throw corrupt(file, 'it ends in the middle of a line');
  if (count !== header.records) throw corrupt(file, `it holds ${count} records, its header says ${header.records}`);
  state.nextId = header.nextId;
  return { state, generation: header.journal };
}
