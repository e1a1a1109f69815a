/**
 * The registry's contents: all 48 actions in DESIGN §2 order, plus the action types.
 */
import type { Action } from './define-action.js';
import { allowlistActions } from './allowlist.js';
import { blocklistActions } from './blocklist.js';
import { domainActions } from './domains.js';
import { invitationActions } from './invitations.js';
import { jwtTemplateActions } from './jwt-templates.js';
import { clientActions } from './oauth-applications.js';
import { orgInvitationActions } from './org-invitations.js';
import { orgMembershipActions } from './org-memberships.js';
import { organizationActions } from './organizations.js';
import { sessionActions } from './sessions.js';
import { userActions } from './users.js';

/** All 48 actions, in DESIGN §2 order. */
export const allActions: readonly Action[] = Object.freeze([
  ...userActions,
  ...organizationActions,
  ...orgMembershipActions,
  ...orgInvitationActions,
  ...sessionActions,
  ...invitationActions,
  ...allowlistActions,
  ...blocklistActions,
  ...jwtTemplateActions,
  ...domainActions,
  ...clientActions,
] as readonly Action[]);

export type { Action, ExecutionPlan, HttpMethod, PreviewContext, Risk } from './define-action.js';
export { defineAction, pathParams } from './define-action.js';
// registry.ts, json-schema.ts and parse-args.ts are imported directly (registry.ts imports this file).
