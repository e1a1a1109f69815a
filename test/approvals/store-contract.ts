/**
 * The ApprovalStore contract, one suite run against every implementation (embedded files, PostgreSQL).
 * `open()` returns a NEW store instance on the same backing storage each time, so "another process" and
 * "after a restart" are two calls of `open()`. Every test uses fresh random ids, so the backing storage is shared
 * by the whole suite without cleanup.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApprovalStore, ChangeRequest, ChangeStatus, StoredRun } from '../../src/approvals/types.js';

export interface StoreFixture {
  open(): Promise<ApprovalStore>;
}

const rid = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

let clock = Date.parse('2026-12-06T10:00:00.000Z');
const nextTime = () => new Date((clock += 1000)).toISOString();

export function makeRequest(overrides: Partial<ChangeRequest> = {}): ChangeRequest {
  const createdAt = nextTime();
  return {
    id: rid('cr'),
    version: 1,
    runId: null,
    conversationId: rid('conv'),
    approvalId: rid('ap'),
    callId: rid('call'),
    action: 'clerk_user_ban',
    args: { user_id: 'user_2abc', nested: { emoji: 'ünïcødé ✓', list: [1, 2.5, null, 'x'] } },
    argsDigest: 'a'.repeat(64),
    risk: 'destructive',
    preview: { text: 'Ban Jane Doe <jane@example.com>', method: 'POST', path: '/users/user_2abc/ban' },
    live: false,
    requester: { via: 'slack', id: 'U111', name: 'Sam' },
    createdAt,
    expiresAt: new Date(Date.parse(createdAt) + 86_400_000).toISOString(),
    status: 'pending',
    approvals: [],
    sig: 'f'.repeat(64),
    ...overrides,
  };
}

function makeRun(runId: string, conversationId: string): StoredRun {
  return {
    runId,
    conversationId,
    version: 1,
    state: {
      version: 1,
      runId,
      requester: 'slack:U111',
      messages: [{ role: 'user', content: 'ban jane@example.com' }],
      pending: [],
      outcomes: [],
      stepsThisTurn: 1,
      usage: { inputTokens: 10, outputTokens: 5 },
      modelCalls: 1,
    },
    owner: 'host:123:abc',
    ownerSeenAt: nextTime(),
    status: 'waiting',
    sig: 'e'.repeat(64),
  };
}

/** The next version of `r` with `patch` applied (what the service writes). */
function bump(r: ChangeRequest, patch: Partial<ChangeRequest>): ChangeRequest {
  return { ...r, ...patch, version: r.version + 1 };
}

export function describeStoreContract(name: string, fixture: () => StoreFixture): void {
  describe(`ApprovalStore contract: ${name}`, () => {
    const opened: ApprovalStore[] = [];
    const open = async () => {
      const store = await fixture().open();
      opened.push(store);
      return store;
    };
    afterAll(async () => {
      for (const s of opened) await s.close().catch(() => {});
    });

    it('returns exactly what was inserted, and undefined for an unknown id', async () => {
      const store = await open();
      const r = makeRequest();
      await store.insert([r]);
      expect(await store.get(r.id)).toEqual(r);
      expect(await store.get(rid('cr'))).toBeUndefined();
    });

    it('refuses a duplicate id and inserts a batch all-or-nothing', async () => {
      const store = await open();
      const a = makeRequest();
      await store.insert([a]);
      const b = makeRequest();
      await expect(store.insert([b, { ...a }])).rejects.toThrow();
      expect(await store.get(b.id)).toBeUndefined();
      expect(await store.get(a.id)).toEqual(a);
    });

    it('stores the paused run with its requests and lists by run, conversation and status, oldest first', async () => {
      const store = await open();
      const runId = rid('run');
      const conversationId = rid('conv');
      const first = makeRequest({ runId, conversationId });
      const second = makeRequest({ runId, conversationId, action: 'clerk_user_lock', risk: 'write' });
      const other = makeRequest();
      await store.insert([first, second], makeRun(runId, conversationId));
      await store.insert([other]);
      expect((await store.getRun(runId))?.state.messages).toEqual([{ role: 'user', content: 'ban jane@example.com' }]);
      expect((await store.list({ runId })).map((r) => r.id)).toEqual([first.id, second.id]);
      expect((await store.list({ conversationId })).map((r) => r.id)).toEqual([first.id, second.id]);
      expect((await store.list({ runId, limit: 1 })).map((r) => r.id)).toEqual([first.id]);
      const ok = await store.update(bump(second, { status: 'denied', reason: 'no' }), ['pending']);
      expect(ok).toBe(true);
      expect((await store.list({ runId, status: ['pending'] })).map((r) => r.id)).toEqual([first.id]);
      expect((await store.list({ runId, status: ['denied', 'expired'] })).map((r) => r.id)).toEqual([second.id]);
      expect(await store.getRun(rid('run'))).toBeUndefined();
    });

    it('updates only from the expected version and status (compare-and-set)', async () => {
      const store = await open();
      const r = makeRequest();
      await store.insert([r]);
      // Wrong status.
      expect(await store.update(bump(r, { status: 'approved' }), ['approved'])).toBe(false);
      // Skipping a version.
      expect(await store.update({ ...r, status: 'approved', version: r.version + 2 }, ['pending'])).toBe(false);
      // Same version again (a replay of the insert).
      expect(await store.update({ ...r, status: 'approved' }, ['pending'])).toBe(false);
      expect(await store.get(r.id)).toEqual(r);
      const approved = bump(r, {
        status: 'approved',
        approvals: [{ by: { via: 'terminal', id: 'alice', name: 'Alice' }, at: nextTime() }],
      });
      expect(await store.update(approved, ['pending'])).toBe(true);
      expect(await store.get(r.id)).toEqual(approved);
      // The old version cannot be written again.
      expect(await store.update(bump(r, { status: 'denied' }), ['pending', 'approved'])).toBe(false);
      expect(await store.update(bump(r, { status: 'unknown' as ChangeStatus }), ['pending'])).toBe(false);
      expect(await store.get(r.id)).toEqual(approved);
      // An id that does not exist.
      expect(await store.update(bump(makeRequest(), { status: 'approved' }), ['pending'])).toBe(false);
    });

    it('lets exactly one of 20 racing writers win, across two store instances', async () => {
      const a = await open();
      const b = await open();
      const r = makeRequest();
      await a.insert([r]);
      const racers = Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? a : b).update(bump(r, { status: 'approved', claimedBy: `racer-${i}` }), ['pending']),
      );
      const results = await Promise.all(racers);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      const stored = await b.get(r.id);
      expect(stored?.claimedBy).toBe(`racer-${winner}`);
      expect(stored?.version).toBe(2);
    });

    it('sees another instance’s writes and keeps everything after a reopen', async () => {
      const writer = await open();
      const r = makeRequest();
      const runId = rid('run');
      await writer.insert([{ ...r, runId }], makeRun(runId, r.conversationId));
      const next = bump({ ...r, runId }, { status: 'executing', claimedBy: 'host:1:x' });
      expect(await writer.update(next, ['pending', 'approved'])).toBe(true);
      await writer.close();
      const reader = await open();
      expect(await reader.get(r.id)).toEqual(next);
      expect((await reader.getRun(runId))?.runId).toBe(runId);
    });

    it('updates a run only from its current version, one winner among racers', async () => {
      const a = await open();
      const b = await open();
      const runId = rid('run');
      const run = makeRun(runId, rid('conv'));
      await a.insert([], run);
      expect(await a.updateRun({ ...run, version: 3 })).toBe(false);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).updateRun({ ...run, version: 2, status: 'resuming', owner: `owner-${i}` }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = await a.getRun(runId);
      expect(stored?.status).toBe('resuming');
      expect(stored?.owner).toBe(`owner-${results.indexOf(true)}`);
      expect(await a.updateRun({ ...run, version: 2 })).toBe(false);
    });
  });
}
