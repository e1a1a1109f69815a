/**
 * Realistic admin phrasings (the families the eval scenarios showed the offline model missing): context sentences
 * before the request, targets named in an earlier sentence ("… Can you unlock the account?"), asides after a
 * comma, constraints ("Keep the slug", "Don't delete it"), corrections ("Actually, ban him instead"), compound
 * requests planned as one multi-call plan, metadata as key/value without JSON, "rename … to just X", a role
 * change with no organization named, a delete with no name, "all pending invitations", sorted and exact reads.
 */
import { SEED_FACTS as F } from '../../../src/sandbox/index.js';
import type { Call, Phrasing } from './phrasings.data.js';

const U = F.users;
const O = F.organizations;
const byEmail = (...emails: string[]): Call => ['clerk_users_list', { email_address: emails }];
const orgQuery = (query: string): Call => ['clerk_organizations_list', { query }];
const memberGet = (org: string, user: string): Call => [
  'clerk_org_membership_get',
  { organization_id: org, user_id: user },
];
const revokeDave: Call[] = F.daveActiveSessionIds.map((id) => ['clerk_session_revoke', { session_id: id }]);
const daveSessions: Call = ['clerk_sessions_list', { user_id: U.dave.id, status: 'active' }];

export const REALISTIC: Phrasing[] = [
  // ---- context sentences, politeness, targets named in another sentence
  {
    say: 'The chargeback was resolved. Unban sam.taylor@globex.test please.',
    reads: [byEmail('sam.taylor@globex.test')],
    pending: [['clerk_user_unban', { user_id: U.sam.id }]],
  },
  {
    say: "Sam's dispute is settled. Could you lift the ban on sam.taylor@globex.test for me?",
    reads: [byEmail('sam.taylor@globex.test')],
    pending: [['clerk_user_unban', { user_id: U.sam.id }]],
  },
  {
    say: 'lee@initech.test got locked out after too many password attempts. Can you unlock the account?',
    reads: [byEmail('lee@initech.test')],
    pending: [['clerk_user_unlock', { user_id: U.lee.id }]],
  },
  {
    say: 'dave@acme.test left the company. I need you to ban him.',
    reads: [byEmail('dave@acme.test')],
    pending: [['clerk_user_ban', { user_id: U.dave.id }]],
  },
  {
    say: 'Can you revoke her sessions? dave@acme.test lost his laptop.',
    reads: [byEmail('dave@acme.test'), daveSessions],
    pending: revokeDave,
  },
  // ---- asides and constraints are not actions
  {
    say: 'Unblock spam@mailinator.com, it was a mistake.',
    reads: [byEmail('spam@mailinator.com'), ['clerk_blocklists_list', {}]],
    pending: [['clerk_blocklist_delete', { identifier_id: F.blocklist.spam.id }]],
  },
  {
    say: 'Rename Initech to Initech Corporation. Keep the slug as it is.',
    reads: [['clerk_users_list', { query: 'Initech' }], orgQuery('Initech')],
    pending: [['clerk_organization_update', { organization_id: O.initech.id, name: 'Initech Corporation' }]],
  },
  {
    say: 'Remove bob@globex.test from Globex. He moved to another team; keep his account.',
    reads: [byEmail('bob@globex.test'), orgQuery('Globex')],
    pending: [['clerk_org_membership_delete', { organization_id: O.globex.id, user_id: U.bob.id }]],
  },
  {
    say: "Don't delete jane@example.com, just lock her.",
    reads: [byEmail('jane@example.com')],
    pending: [['clerk_user_lock', { user_id: U.jane.id }]],
  },
  {
    say: 'Delete dave@acme.test. Actually, ban him instead.',
    reads: [byEmail('dave@acme.test')],
    pending: [['clerk_user_ban', { user_id: U.dave.id }]],
  },
  { say: 'jane@example.com says she never signed up. Should I worry?', answer: /didn't understand/ },
  // ---- compound requests: one plan, every call gated
  {
    say: 'Sign dave@acme.test out everywhere and ban him.',
    reads: [byEmail('dave@acme.test'), daveSessions],
    pending: [...revokeDave, ['clerk_user_ban', { user_id: U.dave.id }]],
  },
  {
    say: "Offboard dave@acme.test today: sign him out of every session, remove him from Acme Inc, and ban his account. Don't delete it, we need it for the audit trail.",
    reads: [byEmail('dave@acme.test'), orgQuery('Acme Inc'), daveSessions],
    pending: [
      ...revokeDave,
      ['clerk_org_membership_delete', { organization_id: O.acme.id, user_id: U.dave.id }],
      ['clerk_user_ban', { user_id: U.dave.id }],
    ],
  },
  {
    say: 'Rename Hooli to Hooli XYZ and change its slug to hooli-xyz.',
    reads: [orgQuery('Hooli')],
    pending: [['clerk_organization_update', { organization_id: O.hooli.id, name: 'Hooli XYZ', slug: 'hooli-xyz' }]],
  },
  {
    say: 'Allow anyone with an @globex.test address to sign up, and block the address bot@spamfarm.test.',
    reads: [
      ['clerk_allowlists_list', {}],
      ['clerk_blocklists_list', {}],
    ],
    pending: [
      ['clerk_allowlist_create', { identifier: '*@globex.test' }],
      ['clerk_blocklist_create', { identifier: 'bot@spamfarm.test' }],
    ],
  },
  {
    say: 'Move bob@globex.test from Globex to Initech, as a regular member.',
    reads: [byEmail('bob@globex.test'), orgQuery('Globex'), orgQuery('Initech'), memberGet(O.initech.id, U.bob.id)],
    pending: [
      ['clerk_org_membership_create', { organization_id: O.initech.id, user_id: U.bob.id, role: 'org:member' }],
      ['clerk_org_membership_delete', { organization_id: O.globex.id, user_id: U.bob.id }],
    ],
  },
  // ---- metadata without JSON, "to just X"
  {
    say: 'Set plan to enterprise in the public metadata of alice@acme.test.',
    reads: [byEmail('alice@acme.test')],
    pending: [['clerk_user_update', { user_id: U.alice.id, public_metadata: { plan: 'enterprise' } }]],
  },
  {
    say: "set dave@acme.test's private metadata tier=2, vip=true",
    reads: [byEmail('dave@acme.test')],
    pending: [['clerk_user_update', { user_id: U.dave.id, private_metadata: { tier: 2, vip: true } }]],
  },
  {
    say: 'Rename the Zapier Integration OAuth app to just Zapier.',
    reads: [['clerk_clients_list', { name_query: 'Zapier Integration' }]],
    pending: [['clerk_client_update', { oauth_application_id: F.oauthApplications.zapier.id, name: 'Zapier' }]],
  },
  // ---- no organization / no name given: ask, then act on the answer
  {
    say: 'Make jane@example.com an admin.',
    reads: [
      byEmail('jane@example.com'),
      ['clerk_organizations_list', { user_id: [U.jane.id], include_members_count: true, limit: 100 }],
    ],
    asks: /Acme Inc and Hooli\. In which organization/,
  },
  {
    say: ['Make jane@example.com an admin.', 'In Hooli.'],
    reads: [
      byEmail('jane@example.com'),
      ['clerk_organizations_list', { user_id: [U.jane.id], include_members_count: true, limit: 100 }],
      orgQuery('Hooli'),
      ['clerk_org_membership_get', { organization_id: O.hooli.id, user_id: U.jane.id }],
    ],
    pending: [['clerk_org_membership_update', { organization_id: O.hooli.id, user_id: U.jane.id, role: 'org:admin' }]],
  },
  {
    say: 'Delete the JWT template.',
    reads: [['clerk_jwt_templates_list', {}]],
    asks: /hasura and supabase\. Which one/,
  },
  {
    say: ['Delete the JWT template.', 'The supabase one.'],
    reads: [['clerk_jwt_templates_list', {}]],
    pending: [['clerk_jwt_template_delete', { template_id: F.jwtTemplates.supabase.id }]],
  },
  // ---- invitations
  {
    say: 'Send an invitation to join the app to newperson@acme.test.',
    pending: [['clerk_invitation_create', { email_address: 'newperson@acme.test' }]],
  },
  {
    say: 'Revoke all pending invitations to the app.',
    reads: [['clerk_invitations_list', { status: 'pending', limit: 100 }]],
    pending: [
      ['clerk_invitation_revoke', { invitation_id: F.invitations.newhirePending.id }],
      ['clerk_invitation_revoke', { invitation_id: F.invitations.consultantPending.id }],
    ],
  },
  // ---- reads: details after a colon, trailing "and their roles", sorted, exact counts
  {
    say: 'Tell me about the Umbrella Corp organization: its slug and how many members it has.',
    reads: [
      orgQuery('Umbrella Corp'),
      ['clerk_organization_get', { organization_id: O.umbrella.id, include_members_count: true }],
    ],
    answer: /slug: umbrella[\s\S]*members: 3/,
  },
  {
    say: 'List the members of Globex and their roles.',
    reads: [orgQuery('Globex'), ['clerk_org_memberships_list', { organization_id: O.globex.id, limit: 100 }]],
    answer: /Bob Stone/,
  },
  {
    say: 'Which user account is the oldest one we have?',
    reads: [['clerk_users_list', { limit: 1, order_by: '+created_at' }]],
    answer: /The oldest user is/,
  },
  {
    say: 'How many users do we have in total? I need the exact number.',
    reads: [['clerk_users_list', { limit: 500 }]],
    answer: new RegExp(`There are ${F.counts.users} users`),
  },
];
