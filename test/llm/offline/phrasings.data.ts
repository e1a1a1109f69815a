/**
 * The phrasing suite's data: requests (or short conversations) and the tool calls each must produce against the
 * demo seed, with names resolved to the seed's real ids (SEED_FACTS). `reads` are the read calls run over the whole
 * conversation; `pending` are the mutations waiting for approval at the end. Both compare as sets (calls within a
 * step are parallel). Cases without `pending` must end with no mutation pending.
 */
import { invitersRead } from './inviters.js';
import { SEED_FACTS as F } from '../../../src/sandbox/index.js';
import { DAY, NOW } from './drive.js';
import { REALISTIC } from './phrasings-realistic.data.js';
import { VARIANTS } from './phrasings-variants.data.js';
import { GENERALIZED } from './phrasings-generalized.data.js';

/** [action, args] as the agent validated them. */
export type Call = [action: string, args: Record<string, unknown>];

export interface Phrasing {
  /** One request, or a request followed by answers to the model's questions. */
  say: string | string[];
  reads?: Call[];
  pending?: Call[];
  /** The final answer is one clarifying question (no tool calls) matching this. */
  asks?: RegExp;
  /** The final answer matches this (reads-only answers, refusals, "didn't understand"). */
  answer?: RegExp;
}

const U = F.users;
const O = F.organizations;
const TODAY = Math.floor(NOW / DAY) * DAY;

const byEmail = (...emails: string[]): Call => ['clerk_users_list', { email_address: emails }];
const byQuery = (query: string): Call => ['clerk_users_list', { query }];
// Of several people a name matches, each is read whole before the question (a profile value the request says may
// tell them apart — resolve.ts describedAmong).
const readEach = (...ids: string[]): Call[] => ids.map((id) => ['clerk_user_get', { user_id: id }]);
const CHRISES = readEach(U.chrisEvans.id, U.chrisPark.id);
const LEES = readEach(U.lee.id, U.joanna.id);
const orgQuery = (query: string): Call => ['clerk_organizations_list', { query }];
const memberGet = (org: string, user: string): Call => [
  'clerk_org_membership_get',
  { organization_id: org, user_id: user },
];
const ban = (id: string): Call => ['clerk_user_ban', { user_id: id }];
const sess = F.daveActiveSessionIds;
const revokeDave: Call[] = sess.map((id) => ['clerk_session_revoke', { session_id: id }]);
const supabaseClaims = {
  aud: 'authenticated',
  role: 'authenticated',
  email: '{{user.primary_email_address}}',
  app_metadata: { provider: 'clerk' },
};
const hasuraClaims = {
  'https://hasura.io/jwt/claims': {
    'x-hasura-default-role': 'user',
    'x-hasura-allowed-roles': ['user', 'admin'],
    'x-hasura-user-id': '{{user.id}}',
  },
};

export const PHRASINGS: Phrasing[] = [
  // ---- clerk_users_list: lists, counts, filters
  {
    say: 'list banned users',
    reads: [['clerk_users_list', { banned: true, limit: 100 }]],
    answer: /3 banned users[\s\S]*Sam Taylor/,
  },
  {
    say: 'show me all the banned accounts',
    reads: [['clerk_users_list', { banned: true, limit: 100 }]],
    answer: /banned users/,
  },
  {
    say: 'how many banned users are there?',
    reads: [['clerk_users_list', { banned: true, limit: 500 }]],
    answer: /There are 3 banned users/,
  },
  {
    say: 'how many users are there?',
    reads: [['clerk_users_list', { limit: 500 }]],
    answer: new RegExp(`There are ${F.counts.users} users`),
  },
  { say: 'How many users do we have', reads: [['clerk_users_list', { limit: 500 }]], answer: /There are \d+ users/ },
  { say: 'list all users', reads: [['clerk_users_list', { limit: 100 }]], answer: /users:/ },
  {
    say: 'who signed up this week?',
    reads: [['clerk_users_list', { created_at_after: NOW - 7 * DAY, limit: 100 }]],
    answer: new RegExp(`${F.counts.usersLast7Days} users who signed up in the last 7 days`),
  },
  {
    say: 'list users created in the last 30 days',
    reads: [['clerk_users_list', { created_at_after: NOW - 30 * DAY, limit: 100 }]],
    answer: /in the last 30 days/,
  },
  {
    say: 'who joined today',
    reads: [['clerk_users_list', { created_at_after: TODAY - 1, limit: 100 }]],
    answer: /today/,
  },
  {
    say: 'show users who signed up yesterday',
    reads: [['clerk_users_list', { created_at_after: TODAY - DAY - 1, created_at_before: TODAY, limit: 100 }]],
    answer: /yesterday/,
  },
  {
    say: 'who was active today?',
    reads: [['clerk_users_list', { last_active_at_after: TODAY - 1, limit: 100 }]],
    answer: /users active today[\s\S]*Dave Miller/,
  },
  { say: 'list locked users', reads: [['clerk_users_list', { limit: 500 }]], answer: /2 locked users[\s\S]*Lee Wong/ },
  {
    say: "users who haven't signed in for 30 days",
    reads: [['clerk_users_list', { last_sign_in_at_before: NOW - 30 * DAY, limit: 100 }]],
    answer: /have not signed in/,
  },
  {
    say: 'list users at globex.test',
    reads: [['clerk_users_list', { email_address_query: '@globex.test', limit: 100 }]],
    answer: /Bob Stone/,
  },
  { say: 'show the 5 newest users', reads: [['clerk_users_list', { limit: 5 }]], answer: /The 5 newest users/ },
  {
    say: 'find users named Chris',
    reads: [['clerk_users_list', { query: 'Chris', limit: 100 }]],
    answer: /2 users matching "Chris"[\s\S]*Chris Park/,
  },
  {
    say: 'show users named Mallory',
    reads: [['clerk_users_list', { query: 'Mallory', limit: 100 }]],
    answer: /mallory@evil\.test/,
  },

  // ---- clerk_user_get and look-ups
  {
    say: `show user ${U.jane.id}`,
    reads: [['clerk_user_get', { user_id: U.jane.id }]],
    answer: /Jane Doe <jane@example\.com>/,
  },
  { say: `get details for ${U.dave.id}`, reads: [['clerk_user_get', { user_id: U.dave.id }]], answer: /Dave Miller/ },
  {
    say: `what's the status of ${U.lee.id}?`,
    reads: [['clerk_user_get', { user_id: U.lee.id }]],
    answer: /status: locked/,
  },
  { say: 'who is jane@example.com?', reads: [byEmail('jane@example.com')], answer: /Jane Doe[\s\S]*plan/ },
  { say: 'look up Dave', reads: [byQuery('Dave')], answer: /dave@acme\.test/ },
  { say: 'tell me about Chris Park', reads: [byQuery('Chris Park')], answer: /chris\.park@acme\.test/ },

  // ---- clerk_user_create
  {
    say: 'create a user tom@wayne.test named Tom Hardy',
    pending: [['clerk_user_create', { email_address: ['tom@wayne.test'], first_name: 'Tom', last_name: 'Hardy' }]],
  },
  {
    say: "add a new user bruce@wayne.test called Bruce Wayne with password 'Sup3r-S3cret!'",
    pending: [
      [
        'clerk_user_create',
        { email_address: ['bruce@wayne.test'], first_name: 'Bruce', last_name: 'Wayne', password: 'Sup3r-S3cret!' },
      ],
    ],
  },
  {
    say: 'register user diana@themyscira.test',
    pending: [['clerk_user_create', { email_address: ['diana@themyscira.test'] }]],
  },
  { say: ['create a user', 'tom@wayne.test'], pending: [['clerk_user_create', { email_address: ['tom@wayne.test'] }]] },

  // ---- clerk_user_update
  {
    say: 'rename jane@example.com to Janet Doe',
    reads: [byEmail('jane@example.com')],
    pending: [['clerk_user_update', { user_id: U.jane.id, first_name: 'Janet', last_name: 'Doe' }]],
  },
  {
    say: "change Jane Doe's first name to Janet",
    reads: [byQuery('Jane Doe')],
    pending: [['clerk_user_update', { user_id: U.jane.id, first_name: 'Janet' }]],
  },
  {
    say: 'set the last name of dave@acme.test to Millerson',
    reads: [byEmail('dave@acme.test')],
    pending: [['clerk_user_update', { user_id: U.dave.id, last_name: 'Millerson' }]],
  },
  {
    say: 'set jane@example.com\'s public metadata to {"plan":"enterprise"}',
    reads: [byEmail('jane@example.com')],
    pending: [['clerk_user_update', { user_id: U.jane.id, public_metadata: { plan: 'enterprise' } }]],
  },
  {
    say: 'set private metadata {"tier": 2} on dave@acme.test',
    reads: [byEmail('dave@acme.test')],
    pending: [['clerk_user_update', { user_id: U.dave.id, private_metadata: { tier: 2 } }]],
  },
  {
    say: "change bob@globex.test's username to bobby",
    reads: [byEmail('bob@globex.test')],
    pending: [['clerk_user_update', { user_id: U.bob.id, username: 'bobby' }]],
  },
  {
    say: 'rename Dave Miller to David Miller',
    reads: [byQuery('Dave Miller'), orgQuery('Dave Miller')],
    pending: [['clerk_user_update', { user_id: U.dave.id, first_name: 'David', last_name: 'Miller' }]],
  },

  // ---- clerk_user_ban
  { say: 'ban jane@example.com', reads: [byEmail('jane@example.com')], pending: [ban(U.jane.id)] },
  { say: 'block user dave@acme.test', reads: [byEmail('dave@acme.test')], pending: [ban(U.dave.id)] },
  { say: 'suspend Chris Park', reads: [byQuery('Chris Park')], pending: [ban(U.chrisPark.id)] },
  {
    say: 'please ban jane@example.com and bob@globex.test',
    reads: [byEmail('jane@example.com', 'bob@globex.test')],
    pending: [ban(U.jane.id), ban(U.bob.id)],
  },
  { say: ['ban Chris', 'Chris Evans'], reads: [byQuery('Chris'), ...CHRISES], pending: [ban(U.chrisEvans.id)] },
  {
    say: ['suspend Chris', 'chris.park@acme.test'],
    reads: [byQuery('Chris'), ...CHRISES],
    pending: [ban(U.chrisPark.id)],
  },
  { say: `ban ${U.mallory.id}`, pending: [ban(U.mallory.id)] },
  { say: 'ban Mallory', reads: [byQuery('Mallory')], pending: [ban(U.mallory.id)] },

  // ---- clerk_user_unban
  {
    say: 'unban sam.taylor@globex.test',
    reads: [byEmail('sam.taylor@globex.test')],
    pending: [['clerk_user_unban', { user_id: U.sam.id }]],
  },
  {
    say: 'lift the ban on Sam Taylor',
    reads: [byQuery('Sam Taylor')],
    pending: [['clerk_user_unban', { user_id: U.sam.id }]],
  },
  {
    say: 'unblock sam.taylor@globex.test',
    reads: [byEmail('sam.taylor@globex.test'), ['clerk_blocklists_list', {}]],
    pending: [['clerk_user_unban', { user_id: U.sam.id }]],
  },
  {
    say: 'let sam.taylor@globex.test sign in again',
    reads: [byEmail('sam.taylor@globex.test')],
    pending: [['clerk_user_unban', { user_id: U.sam.id }]],
  },

  // ---- clerk_user_lock
  {
    say: 'lock dave@acme.test',
    reads: [byEmail('dave@acme.test')],
    pending: [['clerk_user_lock', { user_id: U.dave.id }]],
  },
  { say: "lock Dave's account", reads: [byQuery('Dave')], pending: [['clerk_user_lock', { user_id: U.dave.id }]] },
  {
    say: 'lock out jane@example.com',
    reads: [byEmail('jane@example.com')],
    pending: [['clerk_user_lock', { user_id: U.jane.id }]],
  },

  // ---- clerk_user_unlock
  {
    say: 'unlock lee@initech.test',
    reads: [byEmail('lee@initech.test')],
    pending: [['clerk_user_unlock', { user_id: U.lee.id }]],
  },
  { say: 'unlock Lee Wong', reads: [byQuery('Lee Wong')], pending: [['clerk_user_unlock', { user_id: U.lee.id }]] },
  {
    say: 'let lee@initech.test sign in again',
    reads: [byEmail('lee@initech.test')],
    pending: [['clerk_user_unlock', { user_id: U.lee.id }]],
  },
  {
    say: ['let Lee sign in again', 'Lee Wong'],
    reads: [byQuery('Lee'), ...LEES],
    pending: [['clerk_user_unlock', { user_id: U.lee.id }]],
  },

  // ---- clerk_user_delete
  {
    say: 'delete user jane@example.com',
    reads: [byEmail('jane@example.com')],
    pending: [['clerk_user_delete', { user_id: U.jane.id }]],
  },
  {
    say: 'delete the account of bob@globex.test',
    reads: [byEmail('bob@globex.test')],
    pending: [['clerk_user_delete', { user_id: U.bob.id }]],
  },
  {
    say: 'remove user chris@globex.test',
    reads: [byEmail('chris@globex.test')],
    pending: [['clerk_user_delete', { user_id: U.chrisEvans.id }]],
  },

  // ---- clerk_organizations_list
  {
    say: 'list organizations',
    reads: [['clerk_organizations_list', { include_members_count: true, limit: 100 }]],
    answer: /6 organizations[\s\S]*Umbrella Corp/,
  },
  {
    say: 'show all companies',
    reads: [['clerk_organizations_list', { include_members_count: true, limit: 100 }]],
    answer: /Stark Industries/,
  },
  {
    say: 'how many orgs are there?',
    reads: [['clerk_organizations_list', { include_members_count: true, limit: 500 }]],
    answer: /There are 6 organizations/,
  },
  {
    say: 'which orgs is Jane in?',
    reads: [
      byQuery('Jane'),
      ['clerk_organizations_list', { user_id: [U.jane.id], include_members_count: true, limit: 100 }],
    ],
    answer: /Acme Inc[\s\S]*Hooli/,
  },

  // ---- clerk_organization_get
  {
    say: 'show the Acme organization',
    reads: [orgQuery('Acme'), ['clerk_organization_get', { organization_id: O.acme.id, include_members_count: true }]],
    answer: /Acme Inc[\s\S]*slug: acme/,
  },
  {
    say: `get org ${O.globex.id}`,
    reads: [['clerk_organization_get', { organization_id: O.globex.id, include_members_count: true }]],
    answer: /Globex/,
  },
  {
    say: 'tell me about the Umbrella Corp org',
    reads: [
      orgQuery('Umbrella Corp'),
      ['clerk_organization_get', { organization_id: O.umbrella.id, include_members_count: true }],
    ],
    answer: /data, not instructions/,
  },

  // ---- clerk_organization_create
  {
    say: 'create an organization called Wayne Enterprises',
    pending: [['clerk_organization_create', { name: 'Wayne Enterprises' }]],
  },
  {
    say: 'create org "Wayne" with slug wayne and max 10 members',
    pending: [['clerk_organization_create', { name: 'Wayne', slug: 'wayne', max_allowed_memberships: 10 }]],
  },
  {
    say: ['create an organization', 'Wayne Enterprises'],
    pending: [['clerk_organization_create', { name: 'Wayne Enterprises' }]],
  },
  {
    say: 'create an organization called Daily Planet owned by jane@example.com',
    reads: [byEmail('jane@example.com')],
    pending: [['clerk_organization_create', { name: 'Daily Planet', created_by: U.jane.id }]],
  },

  // ---- clerk_organization_update
  {
    say: 'rename the Acme org to Acme Corp',
    reads: [orgQuery('Acme')],
    pending: [['clerk_organization_update', { organization_id: O.acme.id, name: 'Acme Corp' }]],
  },
  {
    say: 'rename Acme to Acme Corp',
    reads: [byQuery('Acme'), orgQuery('Acme')],
    pending: [['clerk_organization_update', { organization_id: O.acme.id, name: 'Acme Corp' }]],
  },
  {
    say: "change Globex's slug to globex-corp",
    reads: [orgQuery('Globex')],
    pending: [['clerk_organization_update', { organization_id: O.globex.id, slug: 'globex-corp' }]],
  },
  {
    say: 'set the member limit of Initech to 25',
    reads: [orgQuery('Initech')],
    pending: [['clerk_organization_update', { organization_id: O.initech.id, max_allowed_memberships: 25 }]],
  },
  {
    say: 'set the public metadata of the Hooli org to {"tier":"gold"}',
    reads: [orgQuery('Hooli')],
    pending: [['clerk_organization_update', { organization_id: O.hooli.id, public_metadata: { tier: 'gold' } }]],
  },

  // ---- clerk_organization_delete
  {
    say: 'delete the Hooli organization',
    reads: [orgQuery('Hooli')],
    pending: [['clerk_organization_delete', { organization_id: O.hooli.id }]],
  },
  {
    say: 'remove org Stark Industries',
    reads: [orgQuery('Stark Industries')],
    pending: [['clerk_organization_delete', { organization_id: O.stark.id }]],
  },
  {
    say: `delete organization ${O.stark.id}`,
    pending: [['clerk_organization_delete', { organization_id: O.stark.id }]],
  },

  // ---- clerk_org_memberships_list
  {
    say: "show Acme's members",
    reads: [orgQuery('Acme'), ['clerk_org_memberships_list', { organization_id: O.acme.id, limit: 100 }]],
    answer: new RegExp(`Acme Inc has ${F.counts.acmeMembers} members[\\s\\S]*Dave Miller`),
  },
  {
    say: 'who is in Globex?',
    reads: [orgQuery('Globex'), ['clerk_org_memberships_list', { organization_id: O.globex.id, limit: 100 }]],
    answer: /Bob Stone/,
  },
  {
    say: 'list the admins of Acme',
    reads: [
      orgQuery('Acme'),
      ['clerk_org_memberships_list', { organization_id: O.acme.id, role: ['org:admin'], limit: 100 }],
    ],
    answer: /admins[\s\S]*Alice Chen/,
  },
  {
    say: 'how many members does Initech have?',
    reads: [orgQuery('Initech'), ['clerk_org_memberships_list', { organization_id: O.initech.id, limit: 500 }]],
    answer: /Initech has \d+ members/,
  },

  // ---- clerk_org_membership_get
  {
    say: 'what role does Jane have in Acme?',
    reads: [orgQuery('Acme'), byQuery('Jane'), memberGet(O.acme.id, U.jane.id)],
    answer: /Jane Doe[\s\S]*a member of Acme Inc/,
  },
  {
    say: 'is Dave a member of Globex?',
    reads: [orgQuery('Globex'), byQuery('Dave'), memberGet(O.globex.id, U.dave.id)],
    answer: /is not a member of Globex/,
  },
  {
    say: 'is alice@acme.test an admin of Acme?',
    reads: [orgQuery('Acme'), byEmail('alice@acme.test'), memberGet(O.acme.id, U.alice.id)],
    answer: /is an admin of Acme Inc/,
  },

  // ---- clerk_org_membership_create
  {
    say: 'add jane@example.com to Globex',
    reads: [orgQuery('Globex'), byEmail('jane@example.com'), memberGet(O.globex.id, U.jane.id)],
    pending: [
      ['clerk_org_membership_create', { organization_id: O.globex.id, user_id: U.jane.id, role: 'org:member' }],
    ],
  },
  {
    say: 'add Bob to Acme as admin',
    reads: [orgQuery('Acme'), byQuery('Bob'), memberGet(O.acme.id, U.bob.id)],
    pending: [['clerk_org_membership_create', { organization_id: O.acme.id, user_id: U.bob.id, role: 'org:admin' }]],
  },
  {
    say: 'put chris@globex.test in Initech',
    reads: [orgQuery('Initech'), byEmail('chris@globex.test'), memberGet(O.initech.id, U.chrisEvans.id)],
    pending: [
      ['clerk_org_membership_create', { organization_id: O.initech.id, user_id: U.chrisEvans.id, role: 'org:member' }],
    ],
  },
  {
    say: 'make Bob an admin of Acme',
    reads: [orgQuery('Acme'), byQuery('Bob'), memberGet(O.acme.id, U.bob.id)],
    pending: [['clerk_org_membership_create', { organization_id: O.acme.id, user_id: U.bob.id, role: 'org:admin' }]],
  },

  // ---- clerk_org_membership_update
  {
    say: 'make Dave an admin of Acme',
    reads: [orgQuery('Acme'), byQuery('Dave'), memberGet(O.acme.id, U.dave.id)],
    pending: [['clerk_org_membership_update', { organization_id: O.acme.id, user_id: U.dave.id, role: 'org:admin' }]],
  },
  {
    say: 'promote dave@acme.test to admin in Acme',
    reads: [orgQuery('Acme'), byEmail('dave@acme.test'), memberGet(O.acme.id, U.dave.id)],
    pending: [['clerk_org_membership_update', { organization_id: O.acme.id, user_id: U.dave.id, role: 'org:admin' }]],
  },
  {
    say: 'demote Alice to member in Acme',
    reads: [orgQuery('Acme'), byQuery('Alice'), memberGet(O.acme.id, U.alice.id)],
    pending: [['clerk_org_membership_update', { organization_id: O.acme.id, user_id: U.alice.id, role: 'org:member' }]],
  },
  {
    say: "change Jane's role in Acme to admin",
    reads: [orgQuery('Acme'), byQuery('Jane'), memberGet(O.acme.id, U.jane.id)],
    pending: [['clerk_org_membership_update', { organization_id: O.acme.id, user_id: U.jane.id, role: 'org:admin' }]],
  },
  {
    say: 'make Alice an admin of Acme',
    reads: [orgQuery('Acme'), byQuery('Alice'), memberGet(O.acme.id, U.alice.id)],
    answer: /already an admin/,
  },

  // ---- clerk_org_membership_delete
  {
    say: 'remove Jane from Acme',
    reads: [orgQuery('Acme'), byQuery('Jane')],
    pending: [['clerk_org_membership_delete', { organization_id: O.acme.id, user_id: U.jane.id }]],
  },
  {
    say: 'kick Dave out of Acme',
    reads: [orgQuery('Acme'), byQuery('Dave')],
    pending: [['clerk_org_membership_delete', { organization_id: O.acme.id, user_id: U.dave.id }]],
  },
  {
    say: 'take bob@globex.test out of Globex',
    reads: [orgQuery('Globex'), byEmail('bob@globex.test')],
    pending: [['clerk_org_membership_delete', { organization_id: O.globex.id, user_id: U.bob.id }]],
  },

  // ---- clerk_org_invitations_list
  {
    say: 'list pending invitations for Acme',
    reads: [
      orgQuery('Acme'),
      ['clerk_org_invitations_list', { organization_id: O.acme.id, status: 'pending', limit: 100 }],
      invitersRead('alice@acme.test', 'priya@acme.test'),
    ],
    answer: /contractor@acme\.test/,
  },
  {
    say: "show Acme's invitations",
    reads: [
      orgQuery('Acme'),
      ['clerk_org_invitations_list', { organization_id: O.acme.id, limit: 100 }],
      invitersRead('alice@acme.test', 'priya@acme.test'),
    ],
    answer: /hannah@acme\.test/,
  },
  {
    say: 'who has been invited to Globex?',
    reads: [
      orgQuery('Globex'),
      ['clerk_org_invitations_list', { organization_id: O.globex.id, limit: 100 }],
      invitersRead('bob@globex.test', 'laura@globex.test'),
    ],
    // The listing names who sent each invitation.
    answer: /newdev@globex\.test\s+member\s+pending\s+Bob Stone/,
  },

  // ---- clerk_org_invitation_create
  {
    say: 'invite newcomer@acme.test to Acme as admin',
    reads: [orgQuery('Acme')],
    pending: [
      [
        'clerk_org_invitation_create',
        { organization_id: O.acme.id, email_address: 'newcomer@acme.test', role: 'org:admin' },
      ],
    ],
  },
  {
    say: 'invite newguy@globex.test to Globex',
    reads: [orgQuery('Globex')],
    pending: [
      [
        'clerk_org_invitation_create',
        { organization_id: O.globex.id, email_address: 'newguy@globex.test', role: 'org:member' },
      ],
    ],
  },
  {
    say: 'send newguy@globex.test an invitation to join Globex as a member',
    reads: [orgQuery('Globex')],
    pending: [
      [
        'clerk_org_invitation_create',
        { organization_id: O.globex.id, email_address: 'newguy@globex.test', role: 'org:member' },
      ],
    ],
  },
  {
    say: ['invite bob2@acme.test', 'Acme'],
    reads: [orgQuery('Acme')],
    pending: [
      [
        'clerk_org_invitation_create',
        { organization_id: O.acme.id, email_address: 'bob2@acme.test', role: 'org:member' },
      ],
    ],
  },

  // ---- clerk_org_invitation_revoke
  {
    say: "revoke contractor@acme.test's invitation to Acme",
    reads: [
      orgQuery('Acme'),
      [
        'clerk_org_invitations_list',
        { organization_id: O.acme.id, email_address: 'contractor@acme.test', status: 'pending' },
      ],
    ],
    pending: [
      [
        'clerk_org_invitation_revoke',
        { organization_id: O.acme.id, invitation_id: F.organizationInvitations.contractorPending.id },
      ],
    ],
  },
  {
    say: 'cancel the Acme invitation for contractor@acme.test',
    reads: [
      orgQuery('Acme'),
      [
        'clerk_org_invitations_list',
        { organization_id: O.acme.id, email_address: 'contractor@acme.test', status: 'pending' },
      ],
    ],
    pending: [
      [
        'clerk_org_invitation_revoke',
        { organization_id: O.acme.id, invitation_id: F.organizationInvitations.contractorPending.id },
      ],
    ],
  },
  {
    say: `revoke invitation ${F.organizationInvitations.globexPending.id} for Globex`,
    reads: [orgQuery('Globex')],
    pending: [
      [
        'clerk_org_invitation_revoke',
        { organization_id: O.globex.id, invitation_id: F.organizationInvitations.globexPending.id },
      ],
    ],
  },

  // ---- clerk_sessions_list
  {
    say: "list Dave's sessions",
    reads: [byQuery('Dave'), ['clerk_sessions_list', { user_id: U.dave.id }]],
    answer: /3 sessions/,
  },
  {
    say: 'show active sessions for dave@acme.test',
    reads: [byEmail('dave@acme.test'), ['clerk_sessions_list', { user_id: U.dave.id, status: 'active' }]],
    answer: /3 active sessions/,
  },
  {
    say: 'is Dave signed in?',
    reads: [byQuery('Dave'), ['clerk_sessions_list', { user_id: U.dave.id, status: 'active' }]],
    answer: /active sessions/,
  },

  // ---- clerk_session_get
  {
    say: `show session ${sess[0]}`,
    reads: [['clerk_session_get', { session_id: sess[0] }]],
    answer: new RegExp(`user: ${U.dave.id}`),
  },
  {
    say: `get details of session ${sess[1]}`,
    reads: [['clerk_session_get', { session_id: sess[1] }]],
    answer: /status: active/,
  },

  // ---- clerk_session_revoke
  { say: `revoke session ${sess[0]}`, pending: [['clerk_session_revoke', { session_id: sess[0] }]] },
  {
    say: 'sign Dave out everywhere',
    reads: [byQuery('Dave'), ['clerk_sessions_list', { user_id: U.dave.id, status: 'active' }]],
    pending: revokeDave,
  },
  {
    say: 'log out dave@acme.test from all devices',
    reads: [byEmail('dave@acme.test'), ['clerk_sessions_list', { user_id: U.dave.id, status: 'active' }]],
    pending: revokeDave,
  },
  {
    say: "revoke all of Dave's sessions",
    reads: [byQuery('Dave'), ['clerk_sessions_list', { user_id: U.dave.id, status: 'active' }]],
    pending: revokeDave,
  },
  {
    say: 'sign out sam.taylor@globex.test everywhere',
    reads: [byEmail('sam.taylor@globex.test'), ['clerk_sessions_list', { user_id: U.sam.id, status: 'active' }]],
    answer: /no active sessions/,
  },

  // ---- clerk_invitations_list
  {
    say: 'list pending invitations',
    reads: [['clerk_invitations_list', { status: 'pending', limit: 100 }]],
    answer: /newhire@acme\.test/,
  },
  { say: 'show all invitations', reads: [['clerk_invitations_list', { limit: 100 }]], answer: /invitations:/ },
  {
    say: 'show revoked invitations',
    reads: [['clerk_invitations_list', { status: 'revoked', limit: 100 }]],
    answer: /old\.contractor@globex\.test/,
  },

  // ---- clerk_invitation_create
  {
    say: 'invite sally@wayne.test to the app',
    pending: [['clerk_invitation_create', { email_address: 'sally@wayne.test' }]],
  },
  {
    say: 'send an app invitation to sally@wayne.test',
    pending: [['clerk_invitation_create', { email_address: 'sally@wayne.test' }]],
  },
  {
    say: ['invite bob2@acme.test', 'the app'],
    pending: [['clerk_invitation_create', { email_address: 'bob2@acme.test' }]],
  },

  // ---- clerk_invitation_revoke
  {
    say: 'revoke the invitation for newhire@acme.test',
    reads: [['clerk_invitations_list', { query: 'newhire@acme.test', status: 'pending' }]],
    pending: [['clerk_invitation_revoke', { invitation_id: F.invitations.newhirePending.id }]],
  },
  {
    say: "cancel newhire@acme.test's invite",
    reads: [['clerk_invitations_list', { query: 'newhire@acme.test', status: 'pending' }]],
    pending: [['clerk_invitation_revoke', { invitation_id: F.invitations.newhirePending.id }]],
  },
  {
    say: `revoke invitation ${F.invitations.consultantPending.id}`,
    pending: [['clerk_invitation_revoke', { invitation_id: F.invitations.consultantPending.id }]],
  },

  // ---- allowlist
  { say: 'show the allowlist', reads: [['clerk_allowlists_list', {}]], answer: /\*@acme\.test/ },
  { say: "what's on the allowlist?", reads: [['clerk_allowlists_list', {}]], answer: /allowlist has/ },
  {
    say: 'allow *@wayne.test',
    reads: [['clerk_allowlists_list', {}]],
    pending: [['clerk_allowlist_create', { identifier: '*@wayne.test' }]],
  },
  {
    say: 'add *@wayne.test to the allowlist',
    reads: [['clerk_allowlists_list', {}]],
    pending: [['clerk_allowlist_create', { identifier: '*@wayne.test' }]],
  },
  {
    say: 'whitelist partner2@globex.test',
    reads: [['clerk_allowlists_list', {}]],
    pending: [['clerk_allowlist_create', { identifier: 'partner2@globex.test' }]],
  },
  {
    say: 'remove *@acme.test from the allowlist',
    reads: [['clerk_allowlists_list', {}]],
    pending: [['clerk_allowlist_delete', { identifier_id: F.allowlist.acmeWildcard.id }]],
  },
  {
    say: 'disallow acme.test',
    reads: [['clerk_allowlists_list', {}]],
    pending: [['clerk_allowlist_delete', { identifier_id: F.allowlist.acmeWildcard.id }]],
  },
  {
    say: `delete allowlist entry ${F.allowlist.acmeWildcard.id}`,
    pending: [['clerk_allowlist_delete', { identifier_id: F.allowlist.acmeWildcard.id }]],
  },

  // ---- blocklist
  // Already there: the list is read first, and nothing is proposed (a second create is a needless approval).
  {
    say: 'please put spam@mailinator.com on the blocklist',
    reads: [['clerk_blocklists_list', {}]],
    answer: /spam@mailinator\.com is already on the blocklist/,
  },
  { say: 'allow bob@acme.test', reads: [['clerk_allowlists_list', {}]], answer: /covered by \*@acme\.test/ },
  { say: 'show the blocklist', reads: [['clerk_blocklists_list', {}]], answer: /spam@mailinator\.com/ },
  { say: "what's on the blocklist?", reads: [['clerk_blocklists_list', {}]], answer: /blocklist has/ },
  {
    say: 'add spam2@mailinator.com to the blocklist',
    reads: [['clerk_blocklists_list', {}]],
    pending: [['clerk_blocklist_create', { identifier: 'spam2@mailinator.com' }]],
  },
  {
    say: 'block spam2@mailinator.com from signing up',
    reads: [['clerk_blocklists_list', {}]],
    pending: [['clerk_blocklist_create', { identifier: 'spam2@mailinator.com' }]],
  },
  {
    say: 'remove spam@mailinator.com from the blocklist',
    reads: [['clerk_blocklists_list', {}]],
    pending: [['clerk_blocklist_delete', { identifier_id: F.blocklist.spam.id }]],
  },
  {
    say: 'take spam@mailinator.com off the blocklist',
    reads: [['clerk_blocklists_list', {}]],
    pending: [['clerk_blocklist_delete', { identifier_id: F.blocklist.spam.id }]],
  },

  // ---- JWT templates
  { say: 'list JWT templates', reads: [['clerk_jwt_templates_list', {}]], answer: /2 JWT templates[\s\S]*hasura/ },
  { say: 'show jwt templates', reads: [['clerk_jwt_templates_list', {}]], answer: /supabase/ },
  {
    say: 'show the hasura JWT template',
    reads: [
      ['clerk_jwt_templates_list', {}],
      ['clerk_jwt_template_get', { template_id: F.jwtTemplates.hasura.id }],
    ],
    answer: /x-hasura-default-role/,
  },
  {
    say: 'get jwt template supabase',
    reads: [
      ['clerk_jwt_templates_list', {}],
      ['clerk_jwt_template_get', { template_id: F.jwtTemplates.supabase.id }],
    ],
    answer: /lifetime/,
  },
  {
    say: 'create a JWT template called hasura2 with claims {"role":"admin"}',
    pending: [['clerk_jwt_template_create', { name: 'hasura2', claims: { role: 'admin' } }]],
  },
  {
    say: 'new jwt template named metabase with claims {"email":"{{user.primary_email_address}}"} and lifetime 300',
    pending: [
      [
        'clerk_jwt_template_create',
        { name: 'metabase', claims: { email: '{{user.primary_email_address}}' }, lifetime: 300 },
      ],
    ],
  },
  {
    say: ['create a JWT template', 'firebase'],
    pending: [['clerk_jwt_template_create', { name: 'firebase', claims: {} }]],
  },
  {
    say: "set the hasura template's lifetime to 120 seconds",
    reads: [
      ['clerk_jwt_templates_list', {}],
      ['clerk_jwt_template_get', { template_id: F.jwtTemplates.hasura.id }],
    ],
    pending: [
      [
        'clerk_jwt_template_update',
        { template_id: F.jwtTemplates.hasura.id, name: 'hasura', claims: hasuraClaims, lifetime: 120 },
      ],
    ],
  },
  {
    say: 'update jwt template supabase claims to {"aud":"x"}',
    reads: [
      ['clerk_jwt_templates_list', {}],
      ['clerk_jwt_template_get', { template_id: F.jwtTemplates.supabase.id }],
    ],
    pending: [
      [
        'clerk_jwt_template_update',
        { template_id: F.jwtTemplates.supabase.id, name: 'supabase', claims: { aud: 'x' } },
      ],
    ],
  },
  {
    say: 'delete the supabase JWT template',
    reads: [['clerk_jwt_templates_list', {}]],
    pending: [['clerk_jwt_template_delete', { template_id: F.jwtTemplates.supabase.id }]],
  },
  {
    say: 'remove jwt template hasura',
    reads: [['clerk_jwt_templates_list', {}]],
    pending: [['clerk_jwt_template_delete', { template_id: F.jwtTemplates.hasura.id }]],
  },

  // ---- domains
  { say: 'list domains', reads: [['clerk_domains_list', {}]], answer: /blog\.example\.com/ },
  { say: 'show all domains', reads: [['clerk_domains_list', {}]], answer: /2 domains/ },
  {
    say: 'show domain blog.example.com',
    reads: [
      ['clerk_domains_list', {}],
      ['clerk_domain_get', { domain_id: F.domains.satellite.id }],
    ],
    answer: /is satellite: true/,
  },
  {
    say: `get domain ${F.domains.primary.id}`,
    reads: [['clerk_domain_get', { domain_id: F.domains.primary.id }]],
    answer: /example\.com/,
  },
  {
    say: 'add satellite domain shop.example.com',
    pending: [['clerk_domain_create', { name: 'shop.example.com', is_satellite: true }]],
  },
  {
    say: 'create domain docs.example.com',
    pending: [['clerk_domain_create', { name: 'docs.example.com', is_satellite: true }]],
  },
  {
    say: 'delete domain blog.example.com',
    reads: [['clerk_domains_list', {}]],
    pending: [['clerk_domain_delete', { domain_id: F.domains.satellite.id }]],
  },
  {
    say: 'remove the satellite domain blog.example.com',
    reads: [['clerk_domains_list', {}]],
    pending: [['clerk_domain_delete', { domain_id: F.domains.satellite.id }]],
  },

  // ---- OAuth applications
  { say: 'list oauth apps', reads: [['clerk_clients_list', {}]], answer: /Zapier Integration/ },
  { say: 'show all OAuth applications', reads: [['clerk_clients_list', {}]], answer: /Internal Dashboard/ },
  {
    say: 'show the Zapier Integration oauth app',
    reads: [
      ['clerk_clients_list', { name_query: 'Zapier Integration' }],
      ['clerk_client_get', { oauth_application_id: F.oauthApplications.zapier.id }],
    ],
    answer: /client id/,
  },
  {
    say: `get oauth app ${F.oauthApplications.internalDashboard.id}`,
    reads: [['clerk_client_get', { oauth_application_id: F.oauthApplications.internalDashboard.id }]],
    answer: /Internal Dashboard/,
  },
  {
    say: 'create an oauth app called Reporting with redirect uri https://r.example.com/cb',
    pending: [['clerk_client_create', { name: 'Reporting', redirect_uris: ['https://r.example.com/cb'] }]],
  },
  {
    say: 'add a new OAuth application named "Billing Portal" with scopes "profile email"',
    pending: [['clerk_client_create', { name: 'Billing Portal', scopes: 'profile email' }]],
  },
  {
    say: 'rename the Zapier Integration oauth app to Zapier',
    reads: [['clerk_clients_list', { name_query: 'Zapier Integration' }]],
    pending: [['clerk_client_update', { oauth_application_id: F.oauthApplications.zapier.id, name: 'Zapier' }]],
  },
  {
    say: 'require PKCE for the Internal Dashboard oauth app',
    reads: [['clerk_clients_list', { name_query: 'Internal Dashboard' }]],
    pending: [
      ['clerk_client_update', { oauth_application_id: F.oauthApplications.internalDashboard.id, pkce_required: true }],
    ],
  },
  {
    say: 'set the redirect URI of the Internal Dashboard oauth app to https://dash.example.com/cb',
    reads: [['clerk_clients_list', { name_query: 'Internal Dashboard' }]],
    pending: [
      [
        'clerk_client_update',
        {
          oauth_application_id: F.oauthApplications.internalDashboard.id,
          redirect_uris: ['https://dash.example.com/cb'],
        },
      ],
    ],
  },
  {
    say: 'make the Internal Dashboard oauth app public',
    reads: [['clerk_clients_list', { name_query: 'Internal Dashboard' }]],
    pending: [
      ['clerk_client_update', { oauth_application_id: F.oauthApplications.internalDashboard.id, public: true }],
    ],
  },
  {
    say: 'delete the Zapier Integration oauth app',
    reads: [['clerk_clients_list', { name_query: 'Zapier Integration' }]],
    pending: [['clerk_client_delete', { oauth_application_id: F.oauthApplications.zapier.id }]],
  },
  {
    say: 'remove oauth application Internal Dashboard',
    reads: [['clerk_clients_list', { name_query: 'Internal Dashboard' }]],
    pending: [['clerk_client_delete', { oauth_application_id: F.oauthApplications.internalDashboard.id }]],
  },

  // ---- more everyday phrasings (held-out wording, added once they worked)
  { say: "who's banned?", reads: [['clerk_users_list', { banned: true, limit: 100 }]], answer: /3 banned users/ },
  {
    say: 'how many people signed up this month?',
    reads: [['clerk_users_list', { created_at_after: Date.UTC(2026, 10, 1) - 1, limit: 500 }]],
    answer: /users who signed up this month/,
  },
  {
    say: 'members of Acme',
    reads: [orgQuery('Acme'), ['clerk_org_memberships_list', { organization_id: O.acme.id, limit: 100 }]],
    answer: /Acme Inc has/,
  },
  { say: 'show me jane', reads: [byQuery('jane')], answer: /jane@example\.com/ },
  {
    say: 'remove jane@example.com permanently',
    reads: [byEmail('jane@example.com')],
    pending: [['clerk_user_delete', { user_id: U.jane.id }]],
  },
  {
    say: 'create user eve@x.test with username eve and password hunter2hunter2',
    pending: [['clerk_user_create', { email_address: ['eve@x.test'], username: 'eve', password: 'hunter2hunter2' }]],
  },
  {
    say: "set dave@acme.test's external id to crm-7",
    reads: [byEmail('dave@acme.test')],
    pending: [['clerk_user_update', { user_id: U.dave.id, external_id: 'crm-7' }]],
  },
  {
    say: 'rename organization Initech to Initrode',
    reads: [orgQuery('Initech')],
    pending: [['clerk_organization_update', { organization_id: O.initech.id, name: 'Initrode' }]],
  },
  {
    say: 'invite carol@acme.test and dan@acme.test to Acme',
    reads: [orgQuery('Acme')],
    pending: [
      [
        'clerk_org_invitation_create',
        { organization_id: O.acme.id, email_address: 'carol@acme.test', role: 'org:member' },
      ],
      [
        'clerk_org_invitation_create',
        { organization_id: O.acme.id, email_address: 'dan@acme.test', role: 'org:member' },
      ],
    ],
  },
  {
    say: 'invite frank@x.test to Globex as a member with redirect https://app.x.test/welcome',
    reads: [orgQuery('Globex')],
    pending: [
      [
        'clerk_org_invitation_create',
        {
          organization_id: O.globex.id,
          email_address: 'frank@x.test',
          role: 'org:member',
          redirect_url: 'https://app.x.test/welcome',
        },
      ],
    ],
  },
  {
    say: 'cancel the invitation to newhire@acme.test',
    reads: [['clerk_invitations_list', { query: 'newhire@acme.test', status: 'pending' }]],
    pending: [['clerk_invitation_revoke', { invitation_id: F.invitations.newhirePending.id }]],
  },
  {
    say: 'force logout dave@acme.test',
    reads: [byEmail('dave@acme.test'), ['clerk_sessions_list', { user_id: U.dave.id, status: 'active' }]],
    pending: revokeDave,
  },
  {
    say: 'log Dave out',
    reads: [byQuery('Dave'), ['clerk_sessions_list', { user_id: U.dave.id, status: 'active' }]],
    pending: revokeDave,
  },
  {
    say: 'add jane@example.com to allow list',
    reads: [['clerk_allowlists_list', {}]],
    pending: [['clerk_allowlist_create', { identifier: 'jane@example.com' }]],
  },
  {
    say: 'blocklist *@tempmail.test',
    reads: [['clerk_blocklists_list', {}]],
    pending: [['clerk_blocklist_create', { identifier: '*@tempmail.test' }]],
  },
  {
    say: 'change the lifetime of the supabase template to 600',
    reads: [
      ['clerk_jwt_templates_list', {}],
      ['clerk_jwt_template_get', { template_id: F.jwtTemplates.supabase.id }],
    ],
    pending: [
      [
        'clerk_jwt_template_update',
        { template_id: F.jwtTemplates.supabase.id, name: 'supabase', claims: supabaseClaims, lifetime: 600 },
      ],
    ],
  },
  {
    say: 'create OAuth application "CLI Tool" with redirect https://localhost:8080/callback and make it public',
    pending: [
      ['clerk_client_create', { name: 'CLI Tool', redirect_uris: ['https://localhost:8080/callback'], public: true }],
    ],
  },

  // ---- clarifying questions (one question, no calls, no guess)
  {
    say: 'ban Chris',
    reads: [byQuery('Chris'), ...CHRISES],
    asks: /2 users matching "Chris"[\s\S]*Chris Park[\s\S]*Which one/,
  },
  { say: 'suspend Chris', reads: [byQuery('Chris'), ...CHRISES], asks: /Chris Evans/ },
  { say: 'let Lee sign in again', reads: [byQuery('Lee'), ...LEES], asks: /Lee Wong/ },
  { say: 'invite bob2@acme.test', asks: /Which organization should I invite bob2@acme\.test to/ },
  { say: 'create a JWT template', asks: /What should the new JWT template be called/ },
  { say: 'create a user', asks: /What email address/ },
  { say: 'create an organization', asks: /What should the new organization be called/ },
  { say: 'add satellite domain', asks: /Which domain should I add/ },
  {
    say: ['ban Chris', 'the tall one'],
    reads: [byQuery('Chris'), ...CHRISES],
    asks: /couldn't match that[\s\S]*Which one/,
  },

  // ---- refusals, no-ops and "didn't understand" (no mutation, honest words)
  { say: 'delete all users', answer: /won't delete users in bulk/ },
  { say: 'ban everyone', answer: /won't ban users in bulk/ },
  { say: ['ban Chris', 'never mind'], reads: [byQuery('Chris'), ...CHRISES], answer: /Nothing was changed/ },
  { say: 'ban sam.taylor@globex.test', reads: [byEmail('sam.taylor@globex.test')], answer: /already banned/ },
  {
    say: 'lock nobody@nowhere.test',
    reads: [byEmail('nobody@nowhere.test')],
    answer: /No user has the email nobody@nowhere\.test/,
  },
  {
    say: 'delete the Wayne Corp organization',
    // No organization by that name, and none within a slip of it in the full listing (a misspelt name would be).
    reads: [orgQuery('Wayne Corp'), ['clerk_organizations_list', { limit: 100 }]],
    answer: /couldn't find an organization/,
  },
  { say: 'what is the weather like?', answer: /didn't understand[\s\S]*- ban jane@example\.com/ },
  { say: 'make me a sandwich', answer: /didn't understand[\s\S]*Requests like these work/ },
  { say: 'do something with jwt', answer: /didn't understand[\s\S]*JWT template/ },
  { say: 'help', answer: /offline model[\s\S]*invite bob@acme\.test/ },

  // ---- realistic phrasings: context, asides, pronouns, compound requests (phrasings-realistic.data.ts)
  ...REALISTIC,
  ...VARIANTS,
  ...GENERALIZED,
];
