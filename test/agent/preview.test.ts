/**
 * Approval cards built from real reads: resolved names, update diffs, delete consequences, and a card that still
 * shows when its reads fail.
 */
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/agent/types.js';
import { formatChange } from '../../src/interfaces/repl/card.js';
import { toolCall, toolCalls } from '../support/builders.js';
import { createHarness } from '../support/agent-harness.js';

type Paused = Extract<RunOutcome, { status: 'paused' }>;

async function cardFor(
  name: string,
  args: (ids: { jane: string; dave: string; acme: string }) => Record<string, unknown>,
  faults = false,
) {
  const h0 = createHarness([]);
  const ids = {
    jane: await h0.userId('jane@example.com'),
    dave: await h0.userId('dave@acme.test'),
    acme: await h0.orgId('acme'),
  };
  if (faults) {
    h0.sandbox.faults.add({ method: 'GET', path: '/users/{user_id}', status: 500, times: 20 });
    h0.sandbox.faults.add({ method: 'GET', path: '/organizations/{organization_id}', status: 500, times: 20 });
    h0.sandbox.faults.add({ method: 'GET', path: '/sessions', status: 500, times: 20 });
  }
  const h = createHarness([toolCalls([toolCall(name, args(ids), 'c')])], { sandbox: h0.sandbox });
  const paused = (await h.agent.run('do it')) as Paused;
  expect(paused.status).toBe('paused');
  return { preview: paused.pending[0]!.preview, ids, h };
}

describe('previews', () => {
  it('shows an update as a field diff against the current object', async () => {
    const { preview, ids } = await cardFor('clerk_user_update', ({ jane }) => ({
      user_id: jane,
      first_name: 'Janet',
      last_name: 'Doe',
    }));
    expect(preview.method).toBe('PATCH');
    expect(preview.path).toBe(`/users/${ids.jane}`);
    expect(preview.text).toContain('Jane Doe <jane@example.com>');
    expect(preview.diff).toEqual([{ field: 'first_name', before: 'Jane', after: 'Janet' }]); // last_name unchanged
  });

  it('diffs deep-merged metadata key by key', async () => {
    const { preview } = await cardFor('clerk_user_update', ({ jane }) => ({
      user_id: jane,
      public_metadata: '{"plan":"enterprise"}',
    }));
    expect(preview.diff).toHaveLength(1);
    expect(preview.diff![0]).toMatchObject({ field: 'public_metadata.plan', after: 'enterprise' });
  });

  it('says what else an organization delete removes', async () => {
    const { preview, h, ids } = await cardFor('clerk_organization_delete', ({ acme }) => ({ organization_id: acme }));
    const org = (await h.clerk.request('GET', `/organizations/${ids.acme}`, {
      query: { include_members_count: true },
    })) as { members_count: number };
    expect(preview.text).toContain('Acme Inc');
    expect(preview.consequences?.[0]).toMatch(new RegExp(`^Its ${org.members_count} memberships? and `));
    expect(preview.consequences).toContain('This cannot be undone.');
  });

  it('counts the sessions a user delete or ban ends', async () => {
    const { preview } = await cardFor('clerk_user_delete', ({ dave }) => ({ user_id: dave }));
    expect(preview.text).toContain('Dave Miller <dave@acme.test>');
    expect(preview.consequences?.[0]).toContain('3 active sessions');
    const ban = await cardFor('clerk_user_ban', ({ dave }) => ({ user_id: dave }));
    expect(ban.preview.consequences?.[0]).toContain('3 active now');
  });

  it('still shows the card, with bare ids, when every preview read fails', async () => {
    const { preview, ids } = await cardFor(
      'clerk_org_membership_delete',
      ({ jane, acme }) => ({ organization_id: acme, user_id: jane }),
      true,
    );
    expect(preview.text).toContain(ids.jane);
    expect(preview.text).not.toContain('Jane Doe');
    expect(preview.method).toBe('DELETE');
    expect(preview.path).toBe(`/organizations/${ids.acme}/memberships/${ids.jane}`);
  });

  it('diffs nested metadata leaf by leaf, including keys removed with null (Clerk deep merge)', async () => {
    const h0 = createHarness([]);
    const jane = await h0.userId('jane@example.com');
    await h0.clerk.request('PATCH', `/users/${jane}/metadata`, {
      body: { public_metadata: { billing: { plan: 'pro', seats: 3 }, legacy: true } },
    });
    const h = createHarness(
      [
        toolCalls([
          toolCall(
            'clerk_user_update',
            { user_id: jane, public_metadata: '{"billing":{"plan":"enterprise","seats":null},"legacy":null}' },
            'c',
          ),
        ]),
      ],
      { sandbox: h0.sandbox },
    );
    const paused = (await h.agent.run('x')) as Paused;
    const diff = paused.pending[0]!.preview.diff!;
    expect(diff).toEqual([
      { field: 'public_metadata.billing.plan', before: 'pro', after: 'enterprise' },
      { field: 'public_metadata.billing.seats', before: 3 },
      { field: 'public_metadata.legacy', before: true },
    ]);
    // What the card shows: a removed key reads "(removed)".
    const lines = diff.map(formatChange);
    expect(lines).toContain('public_metadata.billing.seats: 3 → (removed)');
    expect(lines).toContain('public_metadata.legacy: true → (removed)');
  });

  it('shows list-valued fields (redirect URIs, scopes) as added and removed items', async () => {
    const h0 = createHarness([]);
    const apps = (await h0.clerk.request('GET', '/oauth_applications')) as { data: Array<Record<string, unknown>> };
    const zapier = apps.data.find((a) => a.name === 'Zapier Integration')!;
    const old = (zapier.redirect_uris as string[])[0]!;
    const h = createHarness(
      [
        toolCalls([
          toolCall(
            'clerk_client_update',
            {
              oauth_application_id: zapier.id,
              redirect_uris: ['https://zapier.com/new/callback'],
              scopes: 'profile email offline_access',
            },
            'c',
          ),
        ]),
      ],
      { sandbox: h0.sandbox },
    );
    const paused = (await h.agent.run('x')) as Paused;
    const diff = paused.pending[0]!.preview.diff!;
    expect(diff).toContainEqual(
      expect.objectContaining({
        field: 'redirect_uris',
        added: ['https://zapier.com/new/callback'],
        removed: [old],
      }),
    );
    expect(diff).toContainEqual(
      expect.objectContaining({ field: 'scopes', added: ['offline_access'], removed: ['public_metadata'] }),
    );
    expect(diff.map(formatChange).join('\n')).toContain('(+ "offline_access"; − "public_metadata")');
  });
});
