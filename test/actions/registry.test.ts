import { describe, expect, it } from 'vitest';
import { pathParams, type Action } from '../../src/actions/define-action.js';
import { allActions } from '../../src/actions/index.js';
import { createRegistry } from '../../src/actions/registry.js';

// DESIGN §2, in order. Names are a public interface: this list is hard-coded on purpose.
const EXPECTED_NAMES = [
  'clerk_users_list',
  'clerk_user_get',
  'clerk_user_create',
  'clerk_user_update',
  'clerk_user_ban',
  'clerk_user_unban',
  'clerk_user_lock',
  'clerk_user_unlock',
  'clerk_user_delete',
  'clerk_organizations_list',
  'clerk_organization_get',
  'clerk_organization_create',
  'clerk_organization_update',
  'clerk_organization_delete',
  'clerk_org_memberships_list',
  'clerk_org_membership_get',
  'clerk_org_membership_create',
  'clerk_org_membership_update',
  'clerk_org_membership_delete',
  'clerk_org_invitations_list',
  'clerk_org_invitation_create',
  'clerk_org_invitation_revoke',
  'clerk_sessions_list',
  'clerk_session_get',
  'clerk_session_revoke',
  'clerk_invitations_list',
  'clerk_invitation_create',
  'clerk_invitation_revoke',
  'clerk_allowlists_list',
  'clerk_allowlist_create',
  'clerk_allowlist_delete',
  'clerk_blocklists_list',
  'clerk_blocklist_create',
  'clerk_blocklist_delete',
  'clerk_jwt_templates_list',
  'clerk_jwt_template_get',
  'clerk_jwt_template_create',
  'clerk_jwt_template_update',
  'clerk_jwt_template_delete',
  'clerk_domains_list',
  'clerk_domain_get',
  'clerk_domain_create',
  'clerk_domain_delete',
  'clerk_clients_list',
  'clerk_client_get',
  'clerk_client_create',
  'clerk_client_update',
  'clerk_client_delete',
];

const byName = (name: string): Action => {
  const action = allActions.find((a) => a.name === name);
  if (!action) throw new Error(`no action ${name}`);
  return action;
};

describe('the 48 actions', () => {
  it('are exactly the DESIGN names, in DESIGN order, unique', () => {
    expect(EXPECTED_NAMES).toHaveLength(48);
    expect(allActions.map((a) => a.name)).toEqual(EXPECTED_NAMES);
    expect(new Set(allActions.map((a) => a.name)).size).toBe(48);
  });

  it('have names matching ^[a-z0-9_]+$ and non-empty descriptions', () => {
    for (const action of allActions) {
      expect(action.name).toMatch(/^[a-z0-9_]+$/);
      expect(action.description.length).toBeGreaterThan(5);
    }
  });

  it('declare every {param} of the path as a required schema field', () => {
    for (const action of allActions) {
      for (const param of pathParams(action.path)) {
        const field = action.params.shape[param];
        expect(field, `${action.name}: {${param}} missing from params`).toBeDefined();
        expect(field!.safeParse(undefined).success, `${action.name}: {${param}} must be required`).toBe(false);
      }
    }
  });

  it('use only the spec path parameter names', () => {
    const allowed = new Set([
      'user_id',
      'organization_id',
      'session_id',
      'invitation_id',
      'identifier_id',
      'template_id',
      'domain_id',
      'oauth_application_id',
    ]);
    for (const action of allActions)
      for (const p of pathParams(action.path)) expect(allowed.has(p), `${action.name}: ${p}`).toBe(true);
  });

  it('never mark a non-GET action as read', () => {
    for (const action of allActions) {
      if (action.method !== 'GET') expect(action.risk, action.name).not.toBe('read');
      else expect(action.risk, action.name).toBe('read');
    }
  });

  it('give every delete and revoke the destructive tier', () => {
    for (const action of allActions) {
      if (/_(delete|revoke)$/.test(action.name)) expect(action.risk, action.name).toBe('destructive');
    }
  });

  it('follow the DESIGN risk tiers (spot checks)', () => {
    const expected: Record<string, string> = {
      clerk_user_ban: 'write',
      clerk_user_unban: 'write',
      clerk_user_lock: 'write',
      clerk_user_unlock: 'write',
      clerk_user_create: 'write',
      clerk_user_update: 'write',
      clerk_organization_update: 'write',
      clerk_org_membership_create: 'write',
      clerk_org_membership_update: 'write',
      clerk_org_invitation_create: 'write',
      clerk_invitation_create: 'write',
      clerk_org_membership_delete: 'destructive',
      clerk_session_revoke: 'destructive',
      clerk_allowlist_create: 'destructive',
      clerk_blocklist_create: 'destructive',
      clerk_jwt_template_create: 'destructive',
      clerk_jwt_template_update: 'destructive',
      clerk_domain_create: 'destructive',
      clerk_client_create: 'destructive',
      clerk_client_update: 'destructive',
      clerk_user_delete: 'destructive',
      clerk_users_list: 'read',
    };
    for (const [name, risk] of Object.entries(expected)) expect(byName(name).risk, name).toBe(risk);
  });

  it('map the traps of REFERENCE.md to the real endpoints', () => {
    const route = (name: string) => `${byName(name).method} ${byName(name).path}`;
    expect(route('clerk_user_unban')).toBe('POST /users/{user_id}/unban');
    expect(route('clerk_user_unlock')).toBe('POST /users/{user_id}/unlock');
    expect(route('clerk_invitation_revoke')).toBe('POST /invitations/{invitation_id}/revoke');
    expect(route('clerk_org_invitation_revoke')).toBe(
      'POST /organizations/{organization_id}/invitations/{invitation_id}/revoke',
    );
    expect(route('clerk_org_membership_update')).toBe('PATCH /organizations/{organization_id}/memberships/{user_id}');
    expect(route('clerk_client_get')).toBe('GET /oauth_applications/{oauth_application_id}');
    expect(route('clerk_allowlist_delete')).toBe('DELETE /allowlist_identifiers/{identifier_id}');
    expect(route('clerk_jwt_template_update')).toBe('PATCH /jwt_templates/{template_id}');
  });

  it('implement the two missing GET-one endpoints as pick_from_list over the real list call', () => {
    expect(byName('clerk_org_membership_get').execution).toEqual({
      kind: 'pick_from_list',
      listPath: '/organizations/{organization_id}/memberships',
      listQuery: { user_id: 'user_id' },
      matchField: 'public_user_data.user_id',
      argName: 'user_id',
    });
    expect(byName('clerk_domain_get').execution).toMatchObject({
      kind: 'pick_from_list',
      listPath: '/domains',
      matchField: 'id',
      argName: 'domain_id',
    });
    for (const action of allActions) {
      const plan = action.execution;
      if (plan?.kind !== 'pick_from_list') continue;
      const shape = action.params.shape;
      expect(shape[plan.argName], action.name).toBeDefined();
      for (const p of pathParams(plan.listPath)) expect(shape[p], `${action.name} listPath {${p}}`).toBeDefined();
      for (const argName of Object.values(plan.listQuery))
        expect(shape[argName], `${action.name} listQuery ${argName}`).toBeDefined();
    }
  });

  it('send user and organization metadata through split_metadata, and only declared fields', () => {
    expect(byName('clerk_user_update').execution).toEqual({
      kind: 'split_metadata',
      metadataFields: ['public_metadata', 'private_metadata', 'unsafe_metadata'],
    });
    expect(byName('clerk_organization_update').execution).toEqual({
      kind: 'split_metadata',
      metadataFields: ['public_metadata', 'private_metadata'],
    });
    for (const action of allActions) {
      if (action.execution?.kind !== 'split_metadata') continue;
      for (const field of action.execution.metadataFields)
        expect(action.params.shape[field], `${action.name}.${field}`).toBeDefined();
    }
  });

  it('list queryParams only for non-GET actions and only declared fields', () => {
    for (const action of allActions) {
      if (!action.queryParams) continue;
      expect(action.method).not.toBe('GET');
      for (const q of action.queryParams) expect(action.params.shape[q], `${action.name}.${q}`).toBeDefined();
    }
  });

  it('cover the admin filters of users.list and the fields of users.create', () => {
    const list = Object.keys(byName('clerk_users_list').params.shape);
    for (const p of [
      'email_address',
      'phone_number',
      'username',
      'user_id',
      'organization_id',
      'external_id',
      'query',
      'email_address_query',
      'name_query',
      'banned',
      'created_at_before',
      'created_at_after',
      'last_active_at_before',
      'last_active_at_after',
      'last_sign_in_at_before',
      'last_sign_in_at_after',
      'limit',
      'offset',
      'order_by',
    ]) {
      expect(list, p).toContain(p);
    }
    const create = Object.keys(byName('clerk_user_create').params.shape);
    for (const p of [
      'email_address',
      'phone_number',
      'username',
      'first_name',
      'last_name',
      'password',
      'external_id',
      'public_metadata',
      'private_metadata',
      'unsafe_metadata',
      'skip_password_checks',
      'skip_password_requirement',
    ]) {
      expect(create, p).toContain(p);
    }
  });
});

describe('createRegistry', () => {
  const registry = createRegistry();

  it('lists all 48 actions and finds each by name', () => {
    expect(registry.list()).toHaveLength(48);
    for (const name of EXPECTED_NAMES) expect(registry.get(name)?.name).toBe(name);
  });

  it('returns undefined for inherited or unknown names', () => {
    for (const name of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '',
      'clerk_user_nuke',
      'CLERK_USER_BAN',
    ]) {
      expect(registry.get(name), name).toBeUndefined();
    }
  });

  it('lists resources in DESIGN order', () => {
    expect(registry.resources()).toEqual([
      'users',
      'organizations',
      'org-memberships',
      'org-invitations',
      'sessions',
      'invitations',
      'allowlist',
      'blocklist',
      'jwt-templates',
      'domains',
      'oauth-applications',
    ]);
  });

  it('rejects duplicate and malformed names', () => {
    const ban = byName('clerk_user_ban');
    expect(() => createRegistry([ban, ban])).toThrow(/Duplicate action name "clerk_user_ban"/);
    expect(() => createRegistry([{ ...ban, name: 'clerk-user-ban' }])).toThrow(/must match/);
  });

  it('is not affected by mutating the returned lists', () => {
    const resources = registry.resources();
    resources.push('x');
    expect(registry.resources()).not.toContain('x');
    expect(Object.isFrozen(registry.list())).toBe(true);
  });
});
