/**
 * Variants of the gaps the second held-out eval set exposed, with different wording and entities than those
 * scenarios: a request embedded after "wants us to", "with the X role", options given in a later sentence
 * (invitation expiry, token lifetime), "I need a new …" as a create, organization invitations named by "org
 * invite" or "to join <Org>", "take … off / out of", "every organization he belongs to", questions about one field
 * of a named record, a lowercase app name said elsewhere in the message, and a plan change stated as news (and
 * the question when the new value is not stated).
 */
import { invitersRead } from './inviters.js';
import { SEED_FACTS as F } from '../../../src/sandbox/index.js';
import type { Call, Phrasing } from './phrasings.data.js';

const U = F.users;
const O = F.organizations;
const byEmail = (...emails: string[]): Call => ['clerk_users_list', { email_address: emails }];
const orgQuery = (query: string): Call => ['clerk_organizations_list', { query }];
const OI = F.organizationInvitations;

export const GENERALIZED: Phrasing[] = [
  // ---- a request embedded after "wants us to" / "asked us to", with a pronoun for the person named before it
  {
    say: 'dave@acme.test emailed support and wants us to set his username to dmiller.',
    reads: [byEmail(U.dave.email)],
    pending: [['clerk_user_update', { user_id: U.dave.id, username: 'dmiller' }]],
  },
  {
    say: 'Lee (lee@initech.test) has asked us to change her first name to Leah.',
    reads: [byEmail(U.lee.email)],
    pending: [['clerk_user_update', { user_id: U.lee.id, first_name: 'Leah' }]],
  },
  // ---- "with the <role> role"
  {
    say: 'Put lee@initech.test into Umbrella with the admin role',
    reads: [
      orgQuery('Umbrella'),
      byEmail(U.lee.email),
      ['clerk_org_membership_get', { organization_id: O.umbrella.id, user_id: U.lee.id }],
    ],
    pending: [
      ['clerk_org_membership_create', { organization_id: O.umbrella.id, user_id: U.lee.id, role: 'org:admin' }],
    ],
  },
  // ---- options in a later sentence
  {
    say: 'Please send an app invite to temp.worker@agency.test. It should be valid for 5 days.',
    pending: [['clerk_invitation_create', { email_address: 'temp.worker@agency.test', expires_in_days: 5 }]],
  },
  {
    say: 'We need a new JWT template called metabase with claims {"uid": "{{user.id}}"}. Tokens should live 2 minutes.',
    pending: [['clerk_jwt_template_create', { name: 'metabase', claims: { uid: '{{user.id}}' }, lifetime: 120 }]],
  },
  // ---- organization invitations: "org invite" with the organization named in another sentence, "to join <Org>"
  {
    say: 'The contractor is no longer joining Acme. Revoke the open org invite for contractor@acme.test.',
    reads: [
      orgQuery('Acme'),
      [
        'clerk_org_invitations_list',
        { organization_id: O.acme.id, status: 'pending', email_address: OI.contractorPending.email },
      ],
    ],
    pending: [['clerk_org_invitation_revoke', { organization_id: O.acme.id, invitation_id: OI.contractorPending.id }]],
  },
  {
    // No organization named and no pending invitation for the address in any of them: said, with where it looked.
    say: 'Kill the pending org invite for someone@acme.test',
    reads: [
      ['clerk_organizations_list', { limit: 100 }],
      ...Object.values(O).map(
        (o): Call => [
          'clerk_org_invitations_list',
          { organization_id: o.id, email_address: 'someone@acme.test', status: 'pending' },
        ],
      ),
    ],
    answer: /no pending invitation for someone@acme\.test: I checked the pending invitations of all 6 organizations/,
  },
  {
    say: 'Who has a pending invitation to join Acme?',
    reads: [
      orgQuery('Acme'),
      ['clerk_org_invitations_list', { organization_id: O.acme.id, status: 'pending', limit: 100 }],
      invitersRead('alice@acme.test', 'priya@acme.test'),
    ],
    answer: /contractor@acme\.test[\s\S]*auditor@example\.com/,
  },
  // ---- "take … off / out of", "every organization he belongs to"
  {
    say: 'spam@mailinator.com is actually legit. Take that address off the blocklist.',
    reads: [['clerk_blocklists_list', {}]],
    pending: [['clerk_blocklist_delete', { identifier_id: F.blocklist.spam.id }]],
  },
  {
    say: 'Take lee@initech.test out of every org he belongs to.',
    reads: [byEmail(U.lee.email), ['clerk_organizations_list', { user_id: [U.lee.id], limit: 100 }]],
    pending: [['clerk_org_membership_delete', { organization_id: O.initech.id, user_id: U.lee.id }]],
  },
  // ---- one field of one named record; the field word tells the resource
  {
    say: 'which redirect URIs does the internal dashboard have?',
    reads: [
      ['clerk_clients_list', { name_query: 'internal dashboard' }],
      ['clerk_client_get', { oauth_application_id: F.oauthApplications.internalDashboard.id }],
    ],
    answer: /^OAuth application Internal Dashboard:\n\s+redirect uris:/,
  },
  {
    say: 'what are the claims of the hasura template',
    reads: [
      ['clerk_jwt_templates_list', {}],
      ['clerk_jwt_template_get', { template_id: F.jwtTemplates.hasura.id }],
    ],
    answer: /^JWT template hasura:\n\s+claims: \{/,
  },
  {
    say: 'Our web agency wants to know which DNS records blog.example.com needs.',
    reads: [
      ['clerk_domains_list', {}],
      ['clerk_domain_get', { domain_id: F.domains.satellite.id }],
    ],
    answer: /clerk\.blog\.example\.com → frontend-api\.clerk\.services/,
  },
  // ---- a lowercase name said elsewhere in the message picks the one app
  {
    say: 'We are retiring the zapier integration. Remove its OAuth app.',
    reads: [['clerk_clients_list', {}]],
    pending: [['clerk_client_delete', { oauth_application_id: F.oauthApplications.zapier.id }]],
  },
  // ---- a plan change stated as news: the value is taken only when it is said
  {
    say: 'hooli moved to the pro plan last week, please set the plan in their org metadata',
    reads: [orgQuery('hooli')],
    pending: [['clerk_organization_update', { organization_id: O.hooli.id, public_metadata: { plan: 'pro' } }]],
  },
  { say: 'acme changed plans, update the plan in their org metadata', asks: /JSON object/ },
];
