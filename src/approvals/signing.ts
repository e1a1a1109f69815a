/**
 * Signed state: change requests and stored runs carry an HMAC-SHA256 over the canonical JSON of every other field.
 * The key is CLERK_AGENT_STATE_KEY or `<dataDir>/state.key` (created on first use, mode 0600). A record that was
 * edited on disk, has no signature, or was signed with another key is refused by the service.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../agent/digest.js';

/** The state key: from the config if given, else read or created in the data directory. */
export async function loadStateKey(dataDir: string, configured?: string): Promise<Buffer> {
  if (configured !== undefined) return Buffer.from(configured, 'utf8');
  const file = path.join(dataDir, 'state.key');
  try {
    return await readKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await fs.mkdir(dataDir, { recursive: true });
  // Write a complete temp file, then link it into place: two processes starting at once agree on one key.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(temp, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  try {
    await fs.link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
  return readKey(file);
}

async function readKey(file: string): Promise<Buffer> {
  const text = (await fs.readFile(file, 'utf8')).trim();
  if (!/^[0-9a-f]{64}$/.test(text))
    throw new Error(`${file} is not a state key (64 hex characters); remove it to create a new one`);
  return Buffer.from(text, 'hex');
}

/** The signature of `record` (its `sig` field excluded). */
export function signature(key: Buffer, record: object): string {
  const { sig: _ignored, ...rest } = record as Record<string, unknown>;
  return createHmac('sha256', key).update(canonicalJson(rest)).digest('hex');
}

/** A copy of `record` with its signature set. */
export function sign<T extends { sig: string }>(key: Buffer, record: T): T {
  return { ...record, sig: signature(key, record) };
}

/** True when `record.sig` is this key's signature of the record. */
export function verify(key: Buffer, record: unknown): boolean {
  if (typeof record !== 'object' || record === null) return false;
  const sig = (record as { sig?: unknown }).sig;
  if (typeof sig !== 'string' || !/^[0-9a-f]{64}$/.test(sig)) return false;
  return timingSafeEqual(Buffer.from(sig, 'hex'), Buffer.from(signature(key, record), 'hex'));
}
