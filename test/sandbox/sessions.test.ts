import { describe, expect, it } from 'vitest';
import { SEED_FACTS } from '../../src/sandbox/index.js';
import { call, code, demo, NOW } from './helpers.js';

const F = SEED_FACTS;

describe('sessions', () => {
  it("lists a user's sessions newest first as a bare array; paginated=true gives {data,total_count}", async () => {
    const sb = demo();
    const bare = (await call(sb, 'GET', `/sessions?user_id=${F.users.dave.id}`)).body;
    expect(bare.map((s: any) => s.id).sort()).toEqual([...F.daveActiveSessionIds].sort());
    expect(
      bare.every((s: any) => s.object === 'session' && s.status === 'active' && s.user_id === F.users.dave.id),
    ).toBe(true);
    const created = bare.map((s: any) => s.created_at);
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    expect(bare[0].latest_activity).toMatchObject({
      object: 'session_activity',
      browser_name: expect.any(String),
      is_mobile: expect.any(Boolean),
    });
    expect(bare[0].client_id).toMatch(/^client_/);
    const paged = (await call(sb, 'GET', `/sessions?user_id=${F.users.dave.id}&paginated=true&limit=2`)).body;
    expect(paged.total_count).toBe(3);
    expect(paged.data).toHaveLength(2);
  });

  it('filters by status and client_id; an unknown status is a 422', async () => {
    const sb = demo();
    const active = (await call(sb, 'GET', '/sessions?status=active&limit=500')).body;
    expect(active).toHaveLength(F.counts.activeSessions);
    const revoked = (await call(sb, 'GET', `/sessions?user_id=${F.users.sam.id}&status=revoked`)).body;
    expect(revoked.map((s: any) => s.id).sort()).toEqual([...F.samSessionIds].sort());
    const one = active[0];
    expect((await call(sb, 'GET', `/sessions?client_id=${one.client_id}`)).body.map((s: any) => s.id)).toEqual([
      one.id,
    ]);
    expect(code(await call(sb, 'GET', '/sessions?status=sleeping'))).toBe('form_param_value_invalid');
  });

  it('gets and revokes a session; revoking a non-active session is a 400', async () => {
    const sb = demo();
    const id = F.daveActiveSessionIds[0]!;
    expect((await call(sb, 'GET', `/sessions/${id}`)).body.id).toBe(id);
    const r = await call(sb, 'POST', `/sessions/${id}/revoke`);
    expect(r.body).toMatchObject({ id, status: 'revoked', updated_at: NOW });
    expect((await call(sb, 'GET', `/sessions?user_id=${F.users.dave.id}&status=active`)).body).toHaveLength(2);
    expect((await call(sb, 'POST', `/sessions/${id}/revoke`)).status).toBe(400);
    const missing = await call(sb, 'GET', '/sessions/sess_ghost');
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0].message).toBe('Session not found');
  });
});
