/**
 * The official `@clerk/backend` SDK (v3, which sends `Clerk-API-Version: 2026-05-12` and builds
 * `${apiUrl}/v1${path}`) against the sandbox over real HTTP on 127.0.0.1. Every SDK operation that maps to one of
 * the 48 actions runs here, and what it returns is checked field by field, not just "no exception".
 *
 * SDK methods that do not exist for our actions, and what we do instead:
 * - get one membership: no SDK method → getOrganizationMembershipList({ userId: [id] }) (the real API's way);
 * - get one domain: no SDK method (no endpoint) → domains.list() and pick by id;
 * - domains.update (PATCH /domains/{id}) exists in the SDK but is not one of the 48 actions: the sandbox answers 405.
 */
import { createClerkClient, type ClerkClient } from '@clerk/backend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, SEED_FACTS, serveSandbox, type Sandbox, type SandboxServer } from '../../src/sandbox/index.js';
import { DAY, NOW } from './helpers.js';

const F = SEED_FACTS;
let sandbox: Sandbox;
let server: SandboxServer;
let clerk: ClerkClient;

beforeAll(async () => {
  sandbox = createSandbox({ now: () => NOW });
  server = await serveSandbox(sandbox, { port: 0 });
  // The SDK appends its `apiVersion` path segment ('v1') to apiUrl itself.
  clerk = createClerkClient({
    secretKey: sandbox.secretKey,
    apiUrl: server.url.replace(/\/v1$/, ''),
    telemetry: { disabled: true },
  });
});

afterAll(async () => {
  await server.close();
  await sandbox.close();
});

beforeEach(() => {
  sandbox.reset();
  sandbox.faults.clear();
});

/** The error the SDK throws, for assertions. */
async function sdkError(
  p: Promise<unknown>,
): Promise<{ status: number; code: string | undefined; traceId: string | undefined; retryAfter: number | undefined }> {
  try {
    await p;
  } catch (err) {
    const e = err as { status: number; errors?: Array<{ code: string }>; clerkTraceId?: string; retryAfter?: number };
    return { status: e.status, code: e.errors?.[0]?.code, traceId: e.clerkTraceId, retryAfter: e.retryAfter };
  }
  throw new Error('expected the SDK call to fail');
}

describe('SDK: users', () => {
  it('getUserList returns data and totalCount (GET /users + GET /users/count), with filters', async () => {
    const list = await clerk.users.getUserList({ limit: 5 });
    expect(list.totalCount).toBe(F.counts.users);
    expect(list.data).toHaveLength(5);
    expect(list.data[0]!.createdAt).toBeGreaterThanOrEqual(list.data[1]!.createdAt);
    const recent = await clerk.users.getUserList({ createdAtAfter: NOW - 7 * DAY, limit: 100 });
    expect(recent.totalCount).toBe(F.counts.usersLast7Days);
    expect(recent.data.every((u) => u.createdAt > NOW - 7 * DAY)).toBe(true);
    const byEmail = await clerk.users.getUserList({ emailAddress: ['jane@example.com', 'bob@globex.test'] });
    expect(byEmail.data.map((u) => u.id).sort()).toEqual([F.users.jane.id, F.users.bob.id].sort());
    expect(byEmail.totalCount).toBe(2);
    const chris = await clerk.users.getUserList({ query: 'chris', orderBy: '+created_at' });
    expect(chris.data.map((u) => u.lastName)).toEqual(['Park', 'Evans']);
    expect(await clerk.users.getCount({ userId: [F.users.jane.id, F.users.bob.id, 'user_unknown'] })).toBe(2);
  });

  it('getUser maps the User object (emails, names, metadata, flags)', async () => {
    const u = await clerk.users.getUser(F.users.alice.id);
    expect(u.id).toBe(F.users.alice.id);
    expect(u.fullName).toBe('Alice Chen');
    expect(u.primaryEmailAddress?.emailAddress).toBe('alice@acme.test');
    expect(u.primaryEmailAddress?.verification?.status).toBe('verified');
    expect(u.primaryPhoneNumber?.phoneNumber).toBe('+14155550101');
    expect(u.username).toBe('alice.chen');
    expect(u.publicMetadata).toEqual({ department: 'Engineering', title: 'CTO' });
    expect(u.privateMetadata).toEqual({ employee_id: 'ACME-0001' });
    expect(u.banned).toBe(false);
    expect(typeof u.lastActiveAt).toBe('number');
    const lee = await clerk.users.getUser(F.users.lee.id);
    expect(lee.locked).toBe(true);
    const missing = await sdkError(clerk.users.getUser('user_missing'));
    expect(missing).toMatchObject({ status: 404, code: 'resource_not_found' });
    expect(missing.traceId).toMatch(/^sandbox-/);
  });

  it('createUser / updateUser / metadata / ban / unban / lock / unlock / deleteUser', async () => {
    const created = await clerk.users.createUser({
      emailAddress: ['sdk.user@example.com'],
      firstName: 'Sdk',
      lastName: 'User',
      password: 'long-enough-password',
      publicMetadata: { plan: 'free' },
    });
    expect(created.id).toMatch(/^user_/);
    expect(created.primaryEmailAddress?.emailAddress).toBe('sdk.user@example.com');
    expect(created.passwordEnabled).toBe(true);
    expect(created.createdAt).toBe(NOW);
    const dup = await sdkError(clerk.users.createUser({ emailAddress: ['sdk.user@example.com'] }));
    expect(dup).toMatchObject({ status: 422, code: 'form_identifier_exists' });

    const updated = await clerk.users.updateUser(created.id, { firstName: 'Renamed', username: 'sdkuser' });
    expect(updated.firstName).toBe('Renamed');
    expect(updated.username).toBe('sdkuser');

    const merged = await clerk.users.updateUserMetadata(created.id, {
      publicMetadata: { plan: null, seats: 3 } as Record<string, unknown>,
      privateMetadata: { note: 'vip' },
    });
    expect(merged.publicMetadata).toEqual({ seats: 3 });
    expect(merged.privateMetadata).toEqual({ note: 'vip' });
    const replaced = await clerk.users.replaceUserMetadata(created.id, { publicMetadata: { only: 1 } });
    expect(replaced.publicMetadata).toEqual({ only: 1 });
    expect(replaced.privateMetadata).toEqual({ note: 'vip' });

    // The SDK routes metadata given to updateUser to PUT …/metadata, as the 2026-05-12 API requires.
    const viaUpdate = await clerk.users.updateUser(created.id, {
      lastName: 'Person',
      unsafeMetadata: { theme: 'dark' },
    });
    expect(viaUpdate.lastName).toBe('Person');
    expect(viaUpdate.unsafeMetadata).toEqual({ theme: 'dark' });

    expect((await clerk.users.banUser(F.users.dave.id)).banned).toBe(true);
    const daveSessions = await clerk.sessions.getSessionList({ userId: F.users.dave.id });
    expect(daveSessions.data.map((s) => s.status)).toEqual(['revoked', 'revoked', 'revoked']);
    expect((await clerk.users.unbanUser(F.users.dave.id)).banned).toBe(false);
    expect((await clerk.users.lockUser(F.users.jane.id)).locked).toBe(true);
    expect((await clerk.users.unlockUser(F.users.jane.id)).locked).toBe(false);

    const deleted = await clerk.users.deleteUser(created.id);
    expect(deleted).toMatchObject({ id: created.id, deleted: true, object: 'user' });
    expect((await clerk.users.getUserList({ limit: 1 })).totalCount).toBe(F.counts.users);
  });

  it('getOrganizationMembershipList for a user', async () => {
    const r = await clerk.users.getOrganizationMembershipList({ userId: F.users.jane.id });
    expect(r.totalCount).toBe(2);
    expect(r.data.map((m) => m.organization.slug).sort()).toEqual(['acme', 'hooli']);
  });
});

describe('SDK: organizations and memberships', () => {
  it('getOrganizationList / getOrganization by id and slug, with members count', async () => {
    const list = await clerk.organizations.getOrganizationList({ includeMembersCount: true, orderBy: 'name' });
    expect(list.totalCount).toBe(6);
    expect(list.data.map((o) => o.name)).toEqual([
      'Acme Inc',
      'Globex',
      'Hooli',
      'Initech',
      'Stark Industries',
      'Umbrella Corp',
    ]);
    expect(list.data[0]!.membersCount).toBe(F.counts.acmeMembers);
    const q = await clerk.organizations.getOrganizationList({ query: 'glo' });
    expect(q.data.map((o) => o.id)).toEqual([F.organizations.globex.id]);
    const bySlug = await clerk.organizations.getOrganization({ slug: 'umbrella' });
    expect(bySlug.id).toBe(F.organizations.umbrella.id);
    expect(bySlug.publicMetadata).toEqual({ note: F.umbrellaNote });
    const byId = await clerk.organizations.getOrganization({
      organizationId: F.organizations.acme.id,
      includeMembersCount: true,
    });
    expect(byId.membersCount).toBe(F.counts.acmeMembers);
    expect(byId.maxAllowedMemberships).toBe(50);
  });

  it('create / update / metadata / delete an organization', async () => {
    const org = await clerk.organizations.createOrganization({
      name: 'Wayne Enterprises',
      createdBy: F.users.bob.id,
      publicMetadata: { city: 'Gotham' },
    });
    expect(org).toMatchObject({
      name: 'Wayne Enterprises',
      slug: 'wayne-enterprises',
      createdBy: F.users.bob.id,
      publicMetadata: { city: 'Gotham' },
    });
    const renamed = await clerk.organizations.updateOrganization(org.id, {
      name: 'Wayne Corp',
      maxAllowedMemberships: 10,
    });
    expect(renamed).toMatchObject({ name: 'Wayne Corp', maxAllowedMemberships: 10 });
    const merged = await clerk.organizations.updateOrganizationMetadata(org.id, {
      publicMetadata: { city: null, hq: 'Tower' } as Record<string, unknown>,
    });
    expect(merged.publicMetadata).toEqual({ hq: 'Tower' });
    const replaced = await clerk.organizations.replaceOrganizationMetadata(org.id, {
      privateMetadata: { tier: 'gold' },
    });
    expect(replaced.privateMetadata).toEqual({ tier: 'gold' });
    expect(replaced.publicMetadata).toEqual({ hq: 'Tower' });
    const viaUpdate = await clerk.organizations.updateOrganization(org.id, { publicMetadata: { v: 2 } });
    expect(viaUpdate.publicMetadata).toEqual({ v: 2 });
    const deleted = await clerk.organizations.deleteOrganization(org.id);
    expect(deleted).toMatchObject({ id: org.id, deleted: true, object: 'organization' });
    expect((await sdkError(clerk.organizations.getOrganization({ organizationId: org.id }))).status).toBe(404);
  });

  it('membership list (incl. the one-member pattern) / create / update role / delete', async () => {
    const acme = F.organizations.acme.id;
    const list = await clerk.organizations.getOrganizationMembershipList({ organizationId: acme, limit: 100 });
    expect(list.totalCount).toBe(F.counts.acmeMembers);
    const alice = list.data.find((m) => m.publicUserData?.userId === F.users.alice.id)!;
    expect(alice.role).toBe('org:admin');
    expect(alice.organization.id).toBe(acme);
    expect(alice.publicUserData?.identifier).toBe('alice@acme.test');
    const one = await clerk.organizations.getOrganizationMembershipList({
      organizationId: acme,
      userId: [F.users.jane.id],
    });
    expect(one.data.map((m) => m.publicUserData?.userId)).toEqual([F.users.jane.id]);
    const admins = await clerk.organizations.getOrganizationMembershipList({
      organizationId: acme,
      role: ['org:admin'],
    });
    expect(admins.totalCount).toBe(2);

    const added = await clerk.organizations.createOrganizationMembership({
      organizationId: acme,
      userId: F.users.bob.id,
      role: 'org:member',
    });
    expect(added).toMatchObject({ role: 'org:member', organization: { id: acme } });
    expect(added.publicUserData?.userId).toBe(F.users.bob.id);
    const again = await sdkError(
      clerk.organizations.createOrganizationMembership({
        organizationId: acme,
        userId: F.users.bob.id,
        role: 'org:member',
      }),
    );
    expect(again).toMatchObject({ status: 400, code: 'already_a_member_in_organization' });
    const promoted = await clerk.organizations.updateOrganizationMembership({
      organizationId: acme,
      userId: F.users.bob.id,
      role: 'org:admin',
    });
    expect(promoted.role).toBe('org:admin');
    const removed = await clerk.organizations.deleteOrganizationMembership({
      organizationId: acme,
      userId: F.users.bob.id,
    });
    expect(removed.publicUserData?.userId).toBe(F.users.bob.id);
    expect(
      (await clerk.organizations.getOrganizationMembershipList({ organizationId: acme, limit: 100 })).totalCount,
    ).toBe(F.counts.acmeMembers);
  });

  it('organization invitations: create / list by status / get / revoke', async () => {
    const acme = F.organizations.acme.id;
    const inv = await clerk.organizations.createOrganizationInvitation({
      organizationId: acme,
      emailAddress: 'sdk.invitee@acme.test',
      role: 'org:member',
      inviterUserId: F.users.alice.id,
    });
    expect(inv).toMatchObject({
      emailAddress: 'sdk.invitee@acme.test',
      role: 'org:member',
      organizationId: acme,
      status: 'pending',
    });
    const pending = await clerk.organizations.getOrganizationInvitationList({
      organizationId: acme,
      status: ['pending'],
    });
    expect(pending.data.map((i) => i.emailAddress).sort()).toEqual([
      'auditor@example.com',
      'contractor@acme.test',
      'sdk.invitee@acme.test',
    ]);
    expect(pending.totalCount).toBe(3);
    const got = await clerk.organizations.getOrganizationInvitation({ organizationId: acme, invitationId: inv.id });
    expect(got.id).toBe(inv.id);
    const revoked = await clerk.organizations.revokeOrganizationInvitation({
      organizationId: acme,
      invitationId: inv.id,
      requestingUserId: F.users.alice.id,
    });
    expect(revoked.status).toBe('revoked');
    const again = await sdkError(
      clerk.organizations.revokeOrganizationInvitation({ organizationId: acme, invitationId: inv.id }),
    );
    expect(again).toMatchObject({ status: 404, code: 'organization_invitation_not_pending' });
  });
});

describe('SDK: instance resources', () => {
  it('invitations: create / list (paginated) / revoke', async () => {
    const inv = await clerk.invitations.createInvitation({
      emailAddress: 'sdk.invite@example.com',
      publicMetadata: { source: 'sdk' },
    });
    expect(inv).toMatchObject({
      emailAddress: 'sdk.invite@example.com',
      status: 'pending',
      publicMetadata: { source: 'sdk' },
    });
    const list = await clerk.invitations.getInvitationList({ status: 'pending' });
    expect(list.data.map((i) => i.emailAddress).sort()).toEqual([
      'consultant@example.com',
      'newhire@acme.test',
      'sdk.invite@example.com',
    ]);
    expect(list.totalCount).toBe(3);
    const revoked = await clerk.invitations.revokeInvitation(inv.id);
    expect(revoked).toMatchObject({ id: inv.id, status: 'revoked', revoked: true });
    expect((await sdkError(clerk.invitations.revokeInvitation(inv.id))).code).toBe('invitation_already_revoked');
  });

  it('allowlist and blocklist: list / create / delete', async () => {
    const al = await clerk.allowlistIdentifiers.getAllowlistIdentifierList();
    expect(al.totalCount).toBe(2);
    expect(al.data.map((x) => x.identifier).sort()).toEqual(['*@acme.test', 'partner@globex.test']);
    const added = await clerk.allowlistIdentifiers.createAllowlistIdentifier({
      identifier: '*@globex.test',
      notify: false,
    });
    expect(added).toMatchObject({ identifier: '*@globex.test', identifierType: 'email_address' });
    expect((await clerk.allowlistIdentifiers.deleteAllowlistIdentifier(added.id)).deleted).toBe(true);
    const bl = await clerk.blocklistIdentifiers.getBlocklistIdentifierList();
    expect(bl.totalCount).toBe(2);
    const blocked = await clerk.blocklistIdentifiers.createBlocklistIdentifier({ identifier: 'bad@actor.test' });
    expect(blocked).toMatchObject({ identifier: 'bad@actor.test', identifierType: 'email_address' });
    expect((await clerk.blocklistIdentifiers.getBlocklistIdentifierList()).totalCount).toBe(3);
    expect((await clerk.blocklistIdentifiers.deleteBlocklistIdentifier(blocked.id)).id).toBe(blocked.id);
  });

  it('sessions: list / get / revoke', async () => {
    const list = await clerk.sessions.getSessionList({ userId: F.users.dave.id });
    expect(list.totalCount).toBe(3);
    expect(list.data.map((s) => s.id).sort()).toEqual([...F.daveActiveSessionIds].sort());
    const s = await clerk.sessions.getSession(F.daveActiveSessionIds[0]!);
    expect(s).toMatchObject({ userId: F.users.dave.id, status: 'active' });
    expect(s.latestActivity?.browserName).toBeTruthy();
    const revoked = await clerk.sessions.revokeSession(s.id);
    expect(revoked.status).toBe('revoked');
    expect((await clerk.sessions.getSessionList({ userId: F.users.dave.id, status: 'active' })).totalCount).toBe(2);
  });

  it('JWT templates: list / get / create / update / delete', async () => {
    const list = await clerk.jwtTemplates.list();
    expect(list.totalCount).toBe(2);
    expect(list.data.map((t) => t.name)).toEqual(['hasura', 'supabase']);
    const got = await clerk.jwtTemplates.get(F.jwtTemplates.supabase.id);
    expect(got).toMatchObject({ name: 'supabase', lifetime: 3600, allowedClockSkew: 5 });
    const created = await clerk.jwtTemplates.create({
      name: 'convex',
      claims: { aud: 'convex' },
      lifetime: 120,
      allowedClockSkew: 10,
    });
    expect(created).toMatchObject({
      name: 'convex',
      claims: { aud: 'convex' },
      lifetime: 120,
      allowedClockSkew: 10,
      customSigningKey: false,
    });
    const updated = await clerk.jwtTemplates.update({
      templateId: created.id,
      name: 'convex',
      claims: { aud: 'convex', role: 'user' },
      lifetime: 240,
    });
    expect(updated).toMatchObject({ claims: { aud: 'convex', role: 'user' }, lifetime: 240 });
    expect((await clerk.jwtTemplates.delete(created.id)).deleted).toBe(true);
    expect((await sdkError(clerk.jwtTemplates.get(created.id))).status).toBe(404);
  });

  it('domains: list / add satellite / delete satellite; get-one is list + pick; update is not emulated', async () => {
    const list = await clerk.domains.list();
    expect(list.totalCount).toBe(2);
    const satellite = list.data.find((d) => d.id === F.domains.satellite.id)!;
    expect(satellite).toMatchObject({ name: 'blog.example.com', isSatellite: true });
    expect(satellite.cnameTargets?.length).toBeGreaterThan(0);
    const added = await clerk.domains.add({ name: 'docs.example.com', is_satellite: true });
    expect(added).toMatchObject({ name: 'docs.example.com', isSatellite: true });
    expect((await clerk.domains.delete(added.id)).deleted).toBe(true);
    expect(await sdkError(clerk.domains.delete(F.domains.primary.id))).toMatchObject({
      status: 403,
      code: 'operation_not_allowed_on_primary_domain',
    });
    expect((await sdkError(clerk.domains.update({ domainId: F.domains.satellite.id, proxy_url: null }))).status).toBe(
      405,
    );
  });

  it('OAuth applications: list / get / create (with secret) / update / delete', async () => {
    const list = await clerk.oauthApplications.list();
    expect(list.totalCount).toBe(2);
    expect(list.data.map((a) => a.name)).toEqual(['Internal Dashboard', 'Zapier Integration']);
    const got = await clerk.oauthApplications.get(F.oauthApplications.zapier.id);
    expect(got).toMatchObject({ name: 'Zapier Integration', scopes: 'profile email public_metadata', isPublic: false });
    expect(got.clientSecret).toBeUndefined();
    const created = await clerk.oauthApplications.create({
      name: 'CLI',
      redirectUris: ['http://127.0.0.1:8976/callback'],
      public: true,
    });
    expect(created).toMatchObject({ name: 'CLI', isPublic: true, redirectUris: ['http://127.0.0.1:8976/callback'] });
    expect(created.clientSecret).toBe('');
    const updated = await clerk.oauthApplications.update({
      oauthApplicationId: created.id,
      name: 'CLI v2',
      scopes: 'profile',
    });
    expect(updated).toMatchObject({ name: 'CLI v2', scopes: 'profile' });
    expect((await clerk.oauthApplications.delete(created.id)).deleted).toBe(true);
    expect((await clerk.oauthApplications.list()).totalCount).toBe(2);
  });
});

describe('SDK: errors and faults', () => {
  it('surfaces 429 Retry-After and 401 for a bad key as ClerkAPIResponseError', async () => {
    sandbox.faults.add({ method: 'GET', path: '/users/{user_id}', status: 429, retryAfterSeconds: 7, times: 1 });
    expect(await sdkError(clerk.users.getUser(F.users.jane.id))).toMatchObject({
      status: 429,
      code: 'too_many_requests',
      retryAfter: 7,
    });
    expect((await clerk.users.getUser(F.users.jane.id)).id).toBe(F.users.jane.id);
    const bad = createClerkClient({
      secretKey: 'sk_live_notTheSandboxKey',
      apiUrl: server.url.replace(/\/v1$/, ''),
      telemetry: { disabled: true },
    });
    expect(await sdkError(bad.users.getUser(F.users.jane.id))).toMatchObject({
      status: 401,
      code: 'clerk_key_invalid',
    });
  });
});
