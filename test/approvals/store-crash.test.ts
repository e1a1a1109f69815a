/**
 * The embedded store survives kill -9 at an arbitrary point: a child process writes and updates records as fast as
 * it can and is killed mid-stream; afterwards every visible record parses, versions are consecutive, and the store
 * goes on with compare-and-set as before.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEmbeddedStore } from '../../src/approvals/store-embedded.js';
import { tempDir } from './support.js';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const storeModule = pathToFileURL(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/approvals/store-embedded.ts'),
).href;

const writer = (dataDir: string, prefix: string) => `
const { createEmbeddedStore } = await import(${JSON.stringify(storeModule)});
const store = await createEmbeddedStore({ dataDir: ${JSON.stringify(dataDir)} });
const base = (id, runId) => ({ id, version: 1, runId, conversationId: 'c', approvalId: 'a' + id, callId: 'k' + id,
  action: 'clerk_user_ban', args: { user_id: 'u' }, argsDigest: 'd'.repeat(64), risk: 'write',
  preview: { text: 't', method: 'POST', path: '/p' }, live: false, requester: { via: 'terminal', id: 't', name: 't' },
  createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 1e9).toISOString(), status: 'pending',
  approvals: [], sig: 'x' });
let n = 0;
process.stdout.write('go\\n');
for (;;) {
  n++;
  const runId = ${JSON.stringify(prefix)} + 'run' + n;
  const state = { version: 1, runId, requester: 't', messages: [], pending: [], outcomes: [], stepsThisTurn: 0,
    usage: { inputTokens: 0, outputTokens: 0 }, modelCalls: 0 };
  await store.insert([base('cr_a' + runId, runId), base('cr_b' + runId, runId)], { runId, conversationId: 'c', version: 1,
    state, owner: 'o', ownerSeenAt: new Date().toISOString(), status: 'waiting', sig: 'x' });
  let r = await store.get('cr_a' + runId);
  for (let v = 2; v <= 4; v++) { await store.update({ ...r, version: v, reason: 'v' + v }, ['pending']); r = await store.get('cr_a' + runId); }
}
`;

describe('embedded store under kill -9', () => {
  it('every visible record is whole, pairs stay atomic, and CAS continues after the crash', async () => {
    const dataDir = tempDir();
    for (const [i, delay] of [150, 400, 700].entries()) {
      const child = spawn(process.execPath, ['--import', tsx, '--input-type=module', '-e', writer(dataDir, `p${i}`)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      expect(await exited).toBe(null);
    }
    const store = await createEmbeddedStore({ dataDir });
    const all = await store.list();
    expect(all.length).toBeGreaterThan(0);
    const byRun = new Map<string, string[]>();
    for (const r of all) byRun.set(r.runId!, [...(byRun.get(r.runId!) ?? []), r.id]);
    // Atomic pairs: a run's two requests are visible together or not at all, and its run record is there too.
    for (const [runId, ids] of byRun) {
      expect(ids.length, runId).toBe(2);
      expect((await store.getRun(runId))?.runId).toBe(runId);
    }
    for (const r of all) {
      const versions = readdirSync(path.join(dataDir, 'approvals', 'requests', r.id))
        .map((f) => Number(/^v(\d+)\.json$/.exec(f)?.[1]))
        .sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
      expect(r.version).toBe(versions.at(-1));
      // CAS still works on every record.
      expect(await store.update({ ...r, version: r.version + 1, status: 'cancelled' }, [r.status])).toBe(true);
      expect(await store.update({ ...r, version: r.version + 1, status: 'denied' }, [r.status])).toBe(false);
    }
  }, 60_000);
});
