/**
 * Two-step requests: a step that uses what an earlier step creates ("create an organization called X and add Y to
 * it") waits for that step to run and uses its result; if the first step is denied, the second is not attempted.
 */
import { describe, expect, it } from 'vitest';
import { createStack } from './drive.js';

const REQUEST = 'Create an organization called Umbrella Labs and add sam.taylor@globex.test to it as admin';

describe('two-step requests', () => {
  it('creates the organization, then adds the member to the new organization (its id from the result)', async () => {
    const stack = createStack();
    const first = await stack.say(REQUEST);
    expect(first.pending.map((c) => c.action)).toEqual(['clerk_organization_create']);
    expect(first.text).toMatch(/Once that is done, I'll add sam\.taylor@globex\.test to Umbrella Labs as admin/);
    const second = await stack.decide(first, true);
    expect(second.status).toBe('paused');
    expect(second.pending.map((c) => c.action)).toEqual(['clerk_org_membership_create']);
    const created = stack.sandbox.requests.find((r) => r.method === 'POST' && r.path === '/organizations');
    expect(created?.status).toBe(200);
    const orgId = second.pending[0]!.args.organization_id as string;
    expect(orgId).toMatch(/^org_/);
    // The id is the new organization's (read back from the sandbox), not a guess or an older one.
    const base = stack.sandbox.baseUrl.replace(/\/v1\/?$/, '');
    const res = await stack.sandbox.fetch(`${base}/v1/organizations/${orgId}`, {
      headers: { authorization: `Bearer ${stack.sandbox.secretKey}` },
    });
    expect(((await res.json()) as { name: string }).name).toBe('Umbrella Labs');
    expect(second.pending[0]!.args).toMatchObject({ role: 'org:admin' });
    const done = await stack.decide(second, true);
    expect(done.status).toBe('done');
    expect(done.text).toMatch(/Created organization Umbrella Labs/);
    expect(done.text).toMatch(/Sam Taylor/);
  });

  it('does not attempt the second step when the first is denied', async () => {
    const stack = createStack();
    const first = await stack.say(REQUEST);
    const done = await stack.decide(first, false);
    expect(done.status).toBe('done');
    expect(done.text).toMatch(/I did not add sam\.taylor@globex\.test .*because the step it depends on was not done/);
    expect(stack.sandbox.requests.filter((r) => r.mutating)).toEqual([]);
  });
});
