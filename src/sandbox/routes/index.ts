/** Every endpoint the sandbox serves: the 48 actions' real endpoints plus the few they need (REFERENCE.md §2–3). */
import type { Route } from '../router.js';
import { allowlistRoutes } from './allowlist.js';
import { blocklistRoutes } from './blocklist.js';
import { domainRoutes } from './domains.js';
import { invitationRoutes } from './invitations.js';
import { jwtTemplateRoutes } from './jwt-templates.js';
import { membershipRoutes } from './memberships.js';
import { metadataRoutes } from './metadata-routes.js';
import { oauthApplicationRoutes } from './oauth-applications.js';
import { orgInvitationRoutes } from './org-invitations.js';
import { organizationRoutes } from './organizations.js';
import { sessionRoutes } from './sessions.js';
import { userCreateRoutes } from './user-create.js';
import { userListRoutes } from './user-list.js';
import { userRoutes } from './users.js';

/** All routes, unordered (the router ranks literal segments first). */
export const allRoutes: readonly Route[] = [
  ...userListRoutes,
  ...userCreateRoutes,
  ...userRoutes,
  ...organizationRoutes,
  ...membershipRoutes,
  ...orgInvitationRoutes,
  ...metadataRoutes,
  ...sessionRoutes,
  ...invitationRoutes,
  ...allowlistRoutes,
  ...blocklistRoutes,
  ...jwtTemplateRoutes,
  ...domainRoutes,
  ...oauthApplicationRoutes,
];
