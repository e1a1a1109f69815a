/**
 * Variants of the mechanisms the held-out eval scenarios exercised, with different wording and entities than the
 * scenarios: delete synonyms ("nuke", "scrap", "decommission"), "it" / "that address" pointing into another
 * sentence, capitalised full names inside fragments, a resource noun shared by two clauses, role changes by name
 * with the organization named once ("there"), OAuth redirect URIs added as a union, sessions picked by device
 * words (or a question when several fit), "the pending invitation" when several are pending, mistyped
 * invitations replaced, and multi-part counts.
 */
import { SEED_FACTS as F } from '../../../src/sandbox/index.js';
import type { Call, Phrasing } from './phrasings.data.js';

const U = F.users;
const O = F.organizations;
const byEmail = (...emails: string[]): Call => ['clerk_users_list', { email_address: emails }];
const byQuery = (query: string): Call => ['clerk_users_list', { query }];
const orgQuery = (query: string): Call => ['clerk_organizations_list', { query }];
const jwtList: Call = ['clerk_jwt_templates_list', {}];
const domainsList: Call = ['clerk_domains_list', {}];
const zapier = F.oauthApplications.zapier;
const dash = F.oauthApplications.internalDashboard;
const daveSessions: Call = ['clerk_sessions_list', { user_id: U.dave.id, status: 'active' }];
const hasuraClaims = {
  'https://hasura.io/jwt/claims': {
    'x-hasura-default-role': 'user',
    'x-hasura-allowed-roles': ['user', 'admin'],
    'x-hasura-user-id': '{{user.id}}',
  },
};

export const VARIANTS: Phrasing[] = [
  // ---- delete synonyms, also after ", so"
  {
    say: 'The supabase template is no longer used, so please nuke it.',
    reads: [jwtList],
    pending: [['clerk_jwt_template_delete', { template_id: F.jwtTemplates.supabase.id }]],
  },
  {
    say: 'Scrap the blog.example.com satellite domain.',
    reads: [domainsList],
    pending: [['clerk_domain_delete', { domain_id: F.domains.satellite.id }]],
  },
  {
    say: 'Please decommission the Zapier Integration oauth app.',
    reads: [['clerk_clients_list', { name_query: 'Zapier Integration' }]],
    pending: [['clerk_client_delete', { oauth_application_id: zapier.id }]],
  },
  // ---- "it" / "that address" in another sentence
  {
    say: 'Support says lee@initech.test is stuck at the login screen. Can you unlock it?',
    reads: [byEmail('lee@initech.test')],
    pending: [['clerk_user_unlock', { user_id: U.lee.id }]],
  },
  {
    say: 'A bot keeps registering as bot@spamfarm.test. Put that address on the blocklist.',
    reads: [['clerk_blocklists_list', {}]],
    pending: [['clerk_blocklist_create', { identifier: 'bot@spamfarm.test' }]],
  },
  // ---- a capitalised full name inside a fragment is the search, not the fragment
  {
    say: `Please ban ${U.chrisPark.name}'s account for the time being.`,
    reads: [byQuery(U.chrisPark.name)],
    pending: [['clerk_user_ban', { user_id: U.chrisPark.id }]],
  },
  // ---- a template named before "jwt template", "its" in the next sentence, units converted to seconds
  {
    say: 'the hasura jwt template keeps failing on slow clients. raise its clock skew to 2 minutes',
    reads: [jwtList, ['clerk_jwt_template_get', { template_id: F.jwtTemplates.hasura.id }]],
    pending: [
      [
        'clerk_jwt_template_update',
        { template_id: F.jwtTemplates.hasura.id, name: 'hasura', claims: hasuraClaims, allowed_clock_skew: 120 },
      ],
    ],
  },
  // ---- one noun for two clauses: only the domain being deleted has to exist
  {
    say: 'Delete blog.example.com and create shop.example.com as a satellite domain.',
    reads: [domainsList],
    pending: [
      ['clerk_domain_delete', { domain_id: F.domains.satellite.id }],
      ['clerk_domain_create', { name: 'shop.example.com', is_satellite: true }],
    ],
  },
  // ---- role changes: billing / regular member words, the organization named once
  {
    say: `${U.dave.name} handles invoices at Acme now. Switch him to a billing member.`,
    reads: [
      byQuery(U.dave.name),
      orgQuery('Acme'),
      ['clerk_org_membership_get', { organization_id: O.acme.id, user_id: U.dave.id }],
    ],
    pending: [['clerk_org_membership_update', { organization_id: O.acme.id, user_id: U.dave.id, role: 'org:billing' }]],
  },
  {
    say: `The Globex team is reorganising. Please promote ${U.chrisEvans.name} to admin there.`,
    reads: [
      byQuery(U.chrisEvans.name),
      orgQuery('Globex'),
      ['clerk_org_membership_get', { organization_id: O.globex.id, user_id: U.chrisEvans.id }],
    ],
    pending: [
      ['clerk_org_membership_update', { organization_id: O.globex.id, user_id: U.chrisEvans.id, role: 'org:admin' }],
    ],
  },
  // ---- OAuth redirect URIs: added to the existing ones, never replacing them
  {
    say: 'Please add redirect URI https://zap.example.com/cb to the Zapier Integration oauth app.',
    reads: [
      ['clerk_clients_list', { name_query: 'Zapier Integration' }],
      ['clerk_client_get', { oauth_application_id: zapier.id }],
    ],
    pending: [
      [
        'clerk_client_update',
        {
          oauth_application_id: zapier.id,
          redirect_uris: ['https://zapier.com/dashboard/auth/oauth/return/App123CLIAPI/', 'https://zap.example.com/cb'],
        },
      ],
    ],
  },
  {
    say: 'The Internal Dashboard app also needs https://preview.dashboard.example.com/callback as a callback; the old one must keep working.',
    reads: [
      ['clerk_clients_list', { name_query: 'Internal Dashboard' }],
      ['clerk_client_get', { oauth_application_id: dash.id }],
    ],
    pending: [
      [
        'clerk_client_update',
        {
          oauth_application_id: dash.id,
          redirect_uris: [
            'https://dashboard.example.com/oauth/callback',
            'https://preview.dashboard.example.com/callback',
          ],
        },
      ],
    ],
  },
  {
    say: 'Show me all OAuth apps and their callback URLs.',
    reads: [['clerk_clients_list', {}]],
    answer: /redirect uris:[\s\S]*dashboard\.example\.com\/oauth\/callback[\s\S]*zapier\.com\/dashboard/,
  },
  // ---- one session by device words; several fits → one question, the answer picks
  {
    say: 'dave@acme.test dropped his Windows laptop in the river. End that session, keep the others.',
    reads: [byEmail('dave@acme.test'), daveSessions],
    pending: [['clerk_session_revoke', { session_id: F.daveActiveSessionIds[2]! }]],
  },
  {
    say: `${U.dave.name} lost a laptop on the train. Kill that session please.`,
    reads: [byQuery(U.dave.name), daveSessions],
    asks: /Several[\s\S]*Windows[\s\S]*Which one/,
  },
  {
    say: [`${U.dave.name} lost a laptop on the train. Kill that session please.`, 'the Macintosh one'],
    reads: [byQuery(U.dave.name), daveSessions],
    pending: [['clerk_session_revoke', { session_id: F.daveActiveSessionIds[0]! }]],
  },
  // ---- "the pending invitation" when two are pending
  {
    say: 'Cancel the open invitation please.',
    reads: [['clerk_invitations_list', { status: 'pending', limit: 100 }]],
    asks: /newhire@acme\.test[\s\S]*consultant@example\.com/,
  },
  {
    say: ['Cancel the open invitation please.', 'the newhire@acme.test one'],
    reads: [['clerk_invitations_list', { status: 'pending', limit: 100 }]],
    pending: [['clerk_invitation_revoke', { invitation_id: F.invitations.newhirePending.id }]],
  },
  // ---- a mistyped invitation: revoke the old one, invite the right address with the same role
  {
    say: 'We invited auditor@example.com to Acme by mistake, the correct address is auditor@example.org. Please revoke the old invite and send a new one.',
    reads: [
      orgQuery('Acme'),
      [
        'clerk_org_invitations_list',
        { organization_id: O.acme.id, email_address: 'auditor@example.com', status: 'pending' },
      ],
    ],
    pending: [
      [
        'clerk_org_invitation_revoke',
        { organization_id: O.acme.id, invitation_id: F.organizationInvitations.auditorPending.id },
      ],
      [
        'clerk_org_invitation_create',
        { organization_id: O.acme.id, email_address: 'auditor@example.org', role: 'org:viewer' },
      ],
    ],
  },
  {
    say: 'The app invitation for consultant@example.com has a typo; it should be consultant@example.org. Revoke it and invite the right one.',
    reads: [['clerk_invitations_list', { query: 'consultant@example.com', status: 'pending' }]],
    pending: [
      ['clerk_invitation_revoke', { invitation_id: F.invitations.consultantPending.id }],
      ['clerk_invitation_create', { email_address: 'consultant@example.org' }],
    ],
  },
  // ---- multi-part counts: every part answered, "of those" narrows the first
  {
    say: 'How many users have an acme.test email, and how many of them are banned?',
    reads: [
      ['clerk_users_list', { email_address_query: '@acme.test', limit: 500 }],
      ['clerk_users_list', { email_address_query: '@acme.test', banned: true, limit: 500 }],
    ],
    answer: /users? with an email containing "@acme\.test"[\s\S]*banned/,
  },
];
