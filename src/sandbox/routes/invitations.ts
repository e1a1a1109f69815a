/**
 * Instance invitation routes: list (bare array; `{data,total_count}` with `paginated=true`; revoked ones only when
 * asked for by `status`), create, revoke. Creating refuses an email that already has a pending invitation or
 * belongs to a user, unless `ignore_existing`; revoking an accepted or revoked invitation is a 400.
 */
import { clerkError, ClerkHttpError, identifierExists, notFound } from '../errors.js';
import { assertMetadataSizes } from '../metadata.js';
import { newInvitation } from '../objects/instance-resources.js';
import { orderBy, page, paginated, pagination, queryBool, queryString, sortBy } from '../query.js';
import type { Route, RouteContext } from '../router.js';
import type { InvitationRecord, JsonObject } from '../types.js';
import { validateBody, type BodySpec } from '../validation.js';
import { invitationEmail, pendingFor, revoke, statusFilter } from './invitation-common.js';

const CREATE_INVITATION: BodySpec = {
  email_address: { type: 'string', required: true },
  public_metadata: { type: 'object' },
  redirect_url: { type: 'string' },
  notify: { type: 'boolean', nullable: true },
  ignore_existing: { type: 'boolean', nullable: true },
  expires_in_days: { type: 'integer', nullable: true, min: 1, max: 365 },
  template_slug: { type: 'string', enum: ['invitation', 'waitlist_invitation'] },
};

function listInvitations(ctx: RouteContext): unknown {
  const { store, query } = ctx;
  const p = pagination(query);
  const order = orderBy(query, ['created_at', 'email_address', 'expires_at'], '-created_at')!;
  const statuses = statusFilter(query);
  const q = queryString(query, 'query')?.trim().toLowerCase();
  const matched = store.state.invitations.filter((i) => {
    if (statuses ? !statuses.has(i.status) : i.status === 'revoked') return false;
    return !q || i.email_address.toLowerCase().includes(q) || i.id.toLowerCase() === q;
  });
  const key =
    order.field === 'email_address'
      ? (i: InvitationRecord) => i.email_address.toLowerCase()
      : order.field === 'expires_at'
        ? (i: InvitationRecord) => i.expires_at
        : (i: InvitationRecord) => i.created_at;
  const ordered = sortBy(matched, key, order.desc);
  const data = page(ordered, p);
  return queryBool(query, 'paginated') ? paginated(data, ordered.length) : data;
}

function createInvitation(ctx: RouteContext): InvitationRecord {
  const { store } = ctx;
  const b = validateBody(ctx.json(), CREATE_INVITATION);
  const email = invitationEmail(b);
  if (b.ignore_existing !== true) {
    if (pendingFor(store.state.invitations, email)) {
      throw clerkError(
        400,
        'duplicate_record',
        'duplicate invitation',
        `There are already pending invitations for the following email addresses: ${email}`,
      );
    }
    if (store.userIdByEmail(email) !== undefined) {
      throw new ClerkHttpError(422, [
        identifierExists(
          'email_address',
          `That email address is taken: ${email} already belongs to a user. Set ignore_existing to invite anyway.`,
        ),
      ]);
    }
  }
  assertMetadataSizes({ public_metadata: b.public_metadata as JsonObject });
  const inv = newInvitation(store.ids, email, store.now(), {
    expiresInDays: (b.expires_in_days as number | null | undefined) ?? 30,
    publicMetadata: structuredClone((b.public_metadata as JsonObject | undefined) ?? {}),
  });
  store.state.invitations.push(inv);
  return inv;
}

function revokeInvitation(ctx: RouteContext): InvitationRecord {
  const { store } = ctx;
  const id = ctx.params.invitation_id!;
  const inv = store.state.invitations.find((i) => i.id === id);
  if (!inv) throw notFound('invitation', id);
  return revoke(
    inv,
    store.now(),
    (i) =>
      i.status === 'revoked'
        ? clerkError(
            400,
            'invitation_already_revoked',
            'already revoked',
            `Invitation is already revoked: ${i.id} (${i.email_address}).`,
          )
        : i.status === 'accepted'
          ? clerkError(
              400,
              'invitation_already_accepted',
              'already accepted',
              `Invitation is already accepted, try signing in instead: ${i.id} (${i.email_address}).`,
            )
          : undefined,
    (i) => {
      i.revoked = true;
    },
  );
}

/** Invitation routes. */
export const invitationRoutes: Route[] = [
  { method: 'GET', pattern: '/invitations', handle: listInvitations },
  { method: 'POST', pattern: '/invitations', handle: createInvitation },
  { method: 'POST', pattern: '/invitations/{invitation_id}/revoke', handle: revokeInvitation },
];
