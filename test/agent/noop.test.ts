/**
 * No-op detection: a call whose target already is what it asks for is neither put to a human nor sent. The model
 * is told (so it does not retry), the summary says "Nothing to change (already so)", and the audit records nothing
 * (no-ops are not decisions). Where the current state cannot be read, the call is asked for as usual.
 * Every claim is checked against the sandbox: its request log proves nothing was sent.
 */
import { describe, expect, it } from 'vitest';
import type { AgentEvent, RunOutcome } from '../../src/agent/types.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { approveAll, assistantText, envelope, toolCall, toolCalls } from '../support/builders.js';
import { createHarness, type Harness } from '../support/agent-harness.js';

type Done = Extract<RunOutcome, { status: 'done' }>;
type Paused = Extract<RunOutcome, { status: 'paused' }>;

async function ids() {
  const h = createHarness([]);
  const [jane, sam, lee, acme] = await Promise.all([
    h.userId('jane@example.com'),
    h.userId('sam.taylor@globex.test'),
    h.userId('lee@initech.test'),
    h.orgId('acme'),
  ]);
  return { sandbox: h.sandbox, jane, sam, lee, acme };
}

/** The envelope the model received for `callId`. */
function resultFor(h: Harness, callId: string): Record<string, unknown> {
  for (const request of [...h.model.requests].reverse()) {
    const m = request.messages.find((x) => x.role === 'tool' && x.toolCallId === callId);
    if (m && m.role === 'tool') return envelope(m.content);
  }
  throw new Error(`no tool result for ${callId}`);
}

/** Runs one call that must be a no-op; returns the harness and the done outcome after checking the common rules. */
async function expectNoop(sandbox: Sandbox, name: string, args: Record<string, unknown>, says: string) {
  const h = createHarness([toolCalls([toolCall(name, args, 'n')]), assistantText('It is already so.')], { sandbox });
  const outcome = await h.agent.run('do it', { onEvent: h.record });
  expect(outcome.status, name).toBe('done');
  const done = outcome as Done;
  expect(h.mutations(), name).toEqual([]);
  expect(h.events.some((e) => e.type === 'approval_needed')).toBe(false);
  const result = resultFor(h, 'n');
  expect(result).toMatchObject({ ok: true, noop: true });
  expect(String(result.message)).toContain(says);
  expect(String(result.message)).toContain('Do not retry');
  expect(done.summary.line).toContain('Nothing to change (already so)');
  expect(done.summary.line).toContain(says.slice(0, 100)); // the summary clips long reasons
  expect(done.summary.executed).toEqual([]);
  expect(done.summary.noop.map((o) => o.action)).toEqual([name]);
  expect(h.audit.entries()).toEqual([]); // not a decision, not executed: nothing in the audit
  return { h, done };
}

describe('no-op: the change would leave everything as it is', () => {
  it('ban of a banned user, unban of a user who is not banned', async () => {
    const { sandbox, sam, jane } = await ids();
    await expectNoop(sandbox, 'clerk_user_ban', { user_id: sam }, 'Sam Taylor is already banned — nothing to change');
    await expectNoop(sandbox, 'clerk_user_unban', { user_id: jane }, 'Jane Doe is not banned — nothing to change');
  });

  it('lock of a locked user, unlock of a user who is not locked', async () => {
    const { sandbox, lee, jane } = await ids();
    await expectNoop(sandbox, 'clerk_user_lock', { user_id: lee }, 'Lee Wong is already locked — nothing to change');
    await expectNoop(sandbox, 'clerk_user_unlock', { user_id: jane }, 'Jane Doe is not locked — nothing to change');
  });

  it('metadata merge that changes nothing (same value; null for a key that is not there)', async () => {
    const { sandbox, jane } = await ids();
    await expectNoop(
      sandbox,
      'clerk_user_update',
      { user_id: jane, public_metadata: '{"plan":"pro"}' },
      `Jane Doe's public metadata already has plan: "pro" — nothing to change`,
    );
    await expectNoop(
      sandbox,
      'clerk_user_update',
      { user_id: jane, public_metadata: '{"plan":"pro","legacy":null}', first_name: 'Jane' },
      `Jane Doe's first_name is already "Jane"; public metadata already has plan: "pro", no legacy — nothing`,
    );
  });

  it('a membership role already held (update, and create of the same membership)', async () => {
    const { sandbox, jane, acme } = await ids();
    const says = 'Jane Doe <jane@example.com> already has the role org:member in Acme Inc — nothing to change';
    await expectNoop(
      sandbox,
      'clerk_org_membership_update',
      { organization_id: acme, user_id: jane, role: 'org:member' },
      says,
    );
    await expectNoop(
      sandbox,
      'clerk_org_membership_create',
      { organization_id: acme, user_id: jane, role: 'org:member' },
      says,
    );
  });

  it('an identifier already on the allowlist (and the blocklist)', async () => {
    const { sandbox } = await ids();
    await expectNoop(
      sandbox,
      'clerk_allowlist_create',
      { identifier: 'partner@globex.test' },
      'partner@globex.test is already on the allowlist — nothing to change',
    );
    await expectNoop(
      sandbox,
      'clerk_blocklist_create',
      { identifier: 'spam@mailinator.com' },
      'spam@mailinator.com is already on the blocklist — nothing to change',
    );
  });

  it('an organization update to the values it already has', async () => {
    const { sandbox, acme } = await ids();
    await expectNoop(
      sandbox,
      'clerk_organization_update',
      {
        organization_id: acme,
        name: 'Acme Inc',
        max_allowed_memberships: 50,
        public_metadata: '{"plan":"enterprise"}',
      },
      `Acme Inc's name is already "Acme Inc"; max_allowed_memberships is already 50; public metadata already has plan: "enterprise" — nothing to change`,
    );
  });
});

describe('not a no-op', () => {
  it('a real change still pauses, and a write-only field (password) is never called already so', async () => {
    const { sandbox, jane, acme } = await ids();
    const h = createHarness(
      [
        toolCalls([
          toolCall('clerk_user_update', { user_id: jane, public_metadata: '{"plan":"enterprise"}' }, 'a'),
          toolCall('clerk_user_update', { user_id: jane, first_name: 'Jane', password: 'a-new-long-password-1' }, 'b'),
          toolCall('clerk_org_membership_update', { organization_id: acme, user_id: jane, role: 'org:admin' }, 'c'),
        ]),
      ],
      { sandbox },
    );
    const paused = (await h.agent.run('x')) as Paused;
    expect(paused.status).toBe('paused');
    expect(paused.pending.map((p) => p.callId)).toEqual(['a', 'b', 'c']);
    expect(paused.pending[2]!.preview.diff).toEqual([{ field: 'role', before: 'org:member', after: 'org:admin' }]);
    expect(h.mutations()).toEqual([]);
  });

  it('when the current state cannot be read, the call is asked for as today', async () => {
    const { sandbox, sam } = await ids();
    sandbox.faults.add({ method: 'GET', path: '/users/{user_id}', status: 500, times: 20 });
    const h = createHarness([toolCalls([toolCall('clerk_user_ban', { user_id: sam }, 'b')])], { sandbox });
    const paused = await h.agent.run('ban sam');
    expect(paused.status).toBe('paused');
    sandbox.faults.clear();
  });
});

describe('a bulk plan drops its no-op items and says how many', () => {
  it('ban sam (banned) + ban jane + lock lee (locked): one card; summary and audit tell the truth', async () => {
    const { sandbox, sam, jane, lee } = await ids();
    const h = createHarness(
      [
        toolCalls([
          toolCall('clerk_user_ban', { user_id: sam }, 's'),
          toolCall('clerk_user_ban', { user_id: jane }, 'j'),
          toolCall('clerk_user_lock', { user_id: lee }, 'l'),
        ]),
        assistantText('Banned Jane; Sam and Lee were already so.'),
      ],
      { sandbox },
    );
    const paused = (await h.agent.run('ban sam and jane, lock lee', { onEvent: h.record })) as Paused;
    expect(paused.pending.map((p) => p.callId)).toEqual(['j']);
    const needed = h.events.find(
      (e): e is Extract<AgentEvent, { type: 'approval_needed' }> => e.type === 'approval_needed',
    );
    expect(needed?.dropped?.map((o) => o.callId)).toEqual(['s', 'l']);
    expect(h.mutations()).toEqual([]);

    const done = (await h.agent.resume(paused.state, approveAll(paused.pending))) as Done;
    expect(h.mutations().map((m) => `${m.method} ${m.path}`)).toEqual([`POST /users/${jane}/ban`]);
    expect(done.summary.line).toMatch(
      /^Done: 1 change \(Ban Jane Doe .*\)\. Nothing to change \(already so\): Sam Taylor is already banned — nothing to change; Lee Wong is already locked — nothing to change\.$/,
    );
    const audit = h.audit.entries();
    expect(audit.map((e) => [e.callId, e.status])).toEqual([['j', 'executed']]);
  });
});
