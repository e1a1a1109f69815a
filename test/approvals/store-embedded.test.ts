/**
 * The embedded store: immutable versions linked into place give compare-and-set without a lock; multi-record
 * inserts are atomic through a batch marker; a crash at any point leaves nothing half-visible.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmbeddedStore } from '../../src/approvals/store-embedded.js';
import type { ChangeRequest, StoredRun } from '../../src/approvals/types.js';
import { tempDir } from './support.js';

const request = (id: string, extra: Partial<ChangeRequest> = {}): ChangeRequest => ({
  id,
  version: 1,
  runId: null,
  conversationId: 'conv_1',
  approvalId: `ap_${id}`,
  callId: `call_${id}`,
  action: 'clerk_user_ban',
  args: { user_id: 'user_1' },
  argsDigest: 'a'.repeat(64),
  risk: 'write',
  preview: { text: 'Ban user_1', method: 'POST', path: '/users/user_1/ban' },
  live: false,
  requester: { via: 'terminal', id: 't', name: 't' },
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, Number(id.slice(-2)) || 0)).toISOString(),
  expiresAt: '2027-01-01T00:00:00.000Z',
  status: 'pending',
  approvals: [],
  sig: 'x',
  ...extra,
});

const run = (runId: string): StoredRun => ({
  runId,
  conversationId: 'conv_1',
  version: 1,
  state: {
    version: 1,
    runId,
    requester: 'terminal:t',
    messages: [],
    pending: [],
    outcomes: [],
    stepsThisTurn: 0,
    usage: { inputTokens: 0, outputTokens: 0 },
    modelCalls: 0,
  },
  owner: 'host:1:a',
  ownerSeenAt: '2026-01-01T00:00:00.000Z',
  status: 'waiting',
  sig: 'x',
});

describe('embedded approval store', () => {
  it('inserts, gets and lists oldest first with filters', async () => {
    const store = await createEmbeddedStore({ dataDir: tempDir() });
    await store.insert([request('cr_b02', { runId: 'r1' }), request('cr_a01', { runId: 'r1' })], run('r1'));
    await store.insert([request('cr_c03', { conversationId: 'conv_2', status: 'approved' })]);
    expect((await store.list()).map((r) => r.id)).toEqual(['cr_a01', 'cr_b02', 'cr_c03']);
    expect((await store.list({ runId: 'r1' })).map((r) => r.id)).toEqual(['cr_a01', 'cr_b02']);
    expect((await store.list({ conversationId: 'conv_2' })).map((r) => r.id)).toEqual(['cr_c03']);
    expect((await store.list({ status: ['approved'] })).map((r) => r.id)).toEqual(['cr_c03']);
    expect((await store.list({ limit: 1 })).map((r) => r.id)).toEqual(['cr_a01']);
    expect((await store.getRun('r1'))?.owner).toBe('host:1:a');
    expect(await store.get('cr_zzz')).toBeUndefined();
  });

  it('refuses an id that exists, and leaves the rest of that insert invisible', async () => {
    const store = await createEmbeddedStore({ dataDir: tempDir() });
    await store.insert([request('cr_a01')]);
    await expect(store.insert([request('cr_b02'), request('cr_a01')])).rejects.toThrow(/already exists/);
    expect(await store.get('cr_b02')).toBeUndefined();
    // The failed insert's id is free again.
    await store.insert([request('cr_b02')]);
    expect((await store.get('cr_b02'))?.id).toBe('cr_b02');
  });

  it('compare-and-set: exactly one of many concurrent updates from the same version wins', async () => {
    const dataDir = tempDir();
    const store = await createEmbeddedStore({ dataDir });
    const other = await createEmbeddedStore({ dataDir });
    await store.insert([request('cr_a01')]);
    const base = (await store.get('cr_a01'))!;
    const attempts = Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? store : other).update({ ...base, version: 2, status: 'approved', reason: `w${i}` }, ['pending']),
    );
    const won = (await Promise.all(attempts)).filter(Boolean);
    expect(won).toHaveLength(1);
    const after = (await other.get('cr_a01'))!;
    expect(after.version).toBe(2);
    // A stale version or a status outside `from` loses.
    expect(await store.update({ ...after, version: 2 }, ['approved'])).toBe(false);
    expect(await store.update({ ...after, version: 3 }, ['pending'])).toBe(false);
    expect(await store.update({ ...after, version: 3, status: 'executing' }, ['approved'])).toBe(true);
    expect((await store.get('cr_a01'))!.status).toBe('executing');
  });

  it('runs: compare-and-set on version', async () => {
    const store = await createEmbeddedStore({ dataDir: tempDir() });
    await store.insert([request('cr_a01', { runId: 'r1' })], run('r1'));
    const r = (await store.getRun('r1'))!;
    const results = await Promise.all([
      store.updateRun({ ...r, version: 2, status: 'resuming', owner: 'a' }),
      store.updateRun({ ...r, version: 2, status: 'resuming', owner: 'b' }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.updateRun({ ...r, version: 5 })).toBe(false);
  });

  it('a crash mid-insert (records linked, batch marker missing) leaves the records invisible', async () => {
    const dataDir = tempDir();
    const store = await createEmbeddedStore({ dataDir });
    // Simulate the files a crashed multi-record insert leaves: v1 files naming a batch that was never committed,
    // and a stray temp file.
    const root = path.join(dataDir, 'approvals');
    for (const id of ['cr_a01', 'cr_b02']) {
      mkdirSync(path.join(root, 'requests', id), { recursive: true });
      writeFileSync(path.join(root, 'requests', id, 'v1.json'), JSON.stringify({ batch: 'lost', record: request(id) }));
    }
    writeFileSync(path.join(root, 'tmp', 'half.json'), '{"rec');
    expect(await store.list()).toEqual([]);
    expect(await store.get('cr_a01')).toBeUndefined();
    expect(await store.update({ ...request('cr_a01'), version: 2 }, ['pending'])).toBe(false);
    // A committed batch becomes visible to every reader.
    writeFileSync(path.join(root, 'batches', 'lost'), '');
    const fresh = await createEmbeddedStore({ dataDir });
    expect((await fresh.list()).map((r) => r.id)).toEqual(['cr_a01', 'cr_b02']);
  });

  it('keeps every version as its own immutable file and cleans its temp files', async () => {
    const dataDir = tempDir();
    const store = await createEmbeddedStore({ dataDir });
    await store.insert([request('cr_a01')]);
    const base = (await store.get('cr_a01'))!;
    await store.update({ ...base, version: 2, status: 'approved' }, ['pending']);
    const dir = path.join(dataDir, 'approvals', 'requests', 'cr_a01');
    expect(readdirSync(dir).sort()).toEqual(['v1.json', 'v2.json']);
    expect(readdirSync(path.join(dataDir, 'approvals', 'tmp'))).toEqual([]);
    expect(existsSync(path.join(dataDir, 'approvals', 'batches'))).toBe(true);
  });

  it('rejects ids that could escape its folder', async () => {
    const store = await createEmbeddedStore({ dataDir: tempDir() });
    await expect(store.insert([request('../evil')])).rejects.toThrow(/invalid/);
    expect(await store.get('../../etc/passwd')).toBeUndefined();
  });
});
