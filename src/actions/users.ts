/**
 * Users: /users. Left out (exotic or covered elsewhere):
 * - list: web3_wallet, phone_number_query, username_query (`query` covers them), provider + provider_user_id,
 *   last_active_at_since (deprecated), starting_after (cursor; offset is enough for an admin chat).
 * - create: locale, web3_wallet, email_address/phone_number_identification_status, password_digest, password_hasher,
 *   totp_secret, backup_codes, skip_user_requirement, skip_legal_checks, legal_accepted_at, created_at,
 *   delete_self_enabled, create_organization_enabled, create_organizations_limit, bypass_client_trust,
 *   banned, locked (use clerk_user_ban / clerk_user_lock after creating).
 * - update: primary_web3_wallet_id, profile_image_id, notify_primary_email_address_changed, password_digest,
 *   password_hasher, totp_secret, backup_codes, delete_self_enabled, create_organization_enabled,
 *   create_organizations_limit, legal_accepted_at, skip_legal_checks, created_at, bypass_client_trust.
 */
import { z } from 'zod';
import { defineAction } from './define-action.js';
import { id, limit, list, metadata, offset, orderBy, unixMs } from './params.js';
import { fields, named, show, suffix } from './preview-text.js';

const userId = z.object({ user_id: id() }).strict();
const USER_METADATA = ['public_metadata', 'private_metadata', 'unsafe_metadata'] as const;

const usersList = defineAction({
  name: 'clerk_users_list',
  resource: 'users',
  description: 'Find users (newest first). query: partial email/phone/username/name/id. *_at_* in Unix ms.',
  method: 'GET',
  path: '/users',
  risk: 'read',
  params: z
    .object({
      query: z.string().optional(),
      email_address: list(),
      phone_number: list(),
      username: list(),
      user_id: list(),
      organization_id: list().describe('members of these orgs'),
      external_id: list(),
      email_address_query: z.string().optional(),
      name_query: z.string().optional(),
      banned: z.boolean().optional(),
      created_at_after: unixMs(),
      created_at_before: unixMs(),
      last_active_at_after: unixMs(),
      last_active_at_before: unixMs(),
      last_sign_in_at_after: unixMs(),
      last_sign_in_at_before: unixMs(),
      order_by: orderBy('e.g. -created_at, last_sign_in_at'),
      limit: limit(),
      offset: offset(),
    })
    .strict(),
  preview: (args) => `List users${suffix('where', fields(args, Object.keys(args)))}`,
});

const userGet = defineAction({
  name: 'clerk_user_get',
  resource: 'users',
  description: 'Get a user by id.',
  method: 'GET',
  path: '/users/{user_id}',
  risk: 'read',
  params: userId,
  preview: (args, ctx) => `Show ${named(ctx, args.user_id, 'user')}`,
});

const userCreate = defineAction({
  name: 'clerk_user_create',
  resource: 'users',
  description: 'Create a user. The first email/phone becomes primary.',
  method: 'POST',
  path: '/users',
  risk: 'write',
  params: z
    .object({
      email_address: list(),
      phone_number: list(),
      username: z.string().optional(),
      first_name: z.string().optional(),
      last_name: z.string().optional(),
      password: z.string().optional(),
      skip_password_checks: z.boolean().optional(),
      skip_password_requirement: z.boolean().optional().describe('create without a password'),
      external_id: z.string().optional(),
      public_metadata: metadata(),
      private_metadata: metadata(),
      unsafe_metadata: metadata(),
    })
    .strict(),
  preview: (args) => {
    const who = [args.first_name, args.last_name].filter(Boolean).join(' ');
    const email = Array.isArray(args.email_address) ? args.email_address[0] : undefined;
    const title = [who, email ? `<${email}>` : ''].filter(Boolean).join(' ') || 'a new user';
    // The title already shows the name and a lone email; list everything else.
    const shown = [
      'first_name',
      'last_name',
      ...(Array.isArray(args.email_address) && args.email_address.length === 1 ? ['email_address'] : []),
    ];
    const rest = fields(
      args,
      Object.keys(args).filter((k) => !shown.includes(k)),
      ['password'],
    );
    return `Create user ${title}${suffix('with', rest)}`;
  },
});

const userUpdate = defineAction({
  name: 'clerk_user_update',
  resource: 'users',
  description: 'Update a user. Metadata is deep-merged (a null value deletes the key). username "" removes it.',
  method: 'PATCH',
  path: '/users/{user_id}',
  risk: 'write',
  execution: { kind: 'split_metadata', metadataFields: USER_METADATA },
  params: z
    .object({
      user_id: id(),
      first_name: z.string().optional(),
      last_name: z.string().optional(),
      username: z.string().optional(),
      external_id: z.string().optional(),
      locale: z.string().optional(),
      primary_email_address_id: z.string().optional().describe('verified idn_… of this user'),
      primary_phone_number_id: z.string().optional(),
      password: z.string().optional(),
      skip_password_checks: z.boolean().optional(),
      sign_out_of_other_sessions: z.boolean().optional(),
      public_metadata: metadata(),
      private_metadata: metadata(),
      unsafe_metadata: metadata(),
    })
    .strict(),
  preview: (args, ctx) => {
    const plain = fields(
      args,
      Object.keys(args).filter((k) => k !== 'user_id' && !(USER_METADATA as readonly string[]).includes(k)),
      ['password'],
    );
    const merges = USER_METADATA.filter((k) => args[k] !== undefined).map((k) => `merge ${show(args[k])} into ${k}`);
    const changes = [plain ? `set ${plain}` : '', ...merges].filter(Boolean).join('; ');
    return `Update ${named(ctx, args.user_id, 'user')}: ${changes || 'no changes'}`;
  },
});

const userBan = defineAction({
  name: 'clerk_user_ban',
  resource: 'users',
  description: 'Ban a user: revokes all sessions, blocks sign-in.',
  method: 'POST',
  path: '/users/{user_id}/ban',
  risk: 'write',
  params: userId,
  preview: (args, ctx) => `Ban ${named(ctx, args.user_id, 'user')}`,
});

const userUnban = defineAction({
  name: 'clerk_user_unban',
  resource: 'users',
  description: 'Unban a user.',
  method: 'POST',
  path: '/users/{user_id}/unban',
  risk: 'write',
  params: userId,
  preview: (args, ctx) => `Unban ${named(ctx, args.user_id, 'user')}`,
});

const userLock = defineAction({
  name: 'clerk_user_lock',
  resource: 'users',
  description: 'Lock a user out of sign-in.',
  method: 'POST',
  path: '/users/{user_id}/lock',
  risk: 'write',
  params: userId,
  preview: (args, ctx) => `Lock ${named(ctx, args.user_id, 'user')}`,
});

const userUnlock = defineAction({
  name: 'clerk_user_unlock',
  resource: 'users',
  description: 'Unlock a user.',
  method: 'POST',
  path: '/users/{user_id}/unlock',
  risk: 'write',
  params: userId,
  preview: (args, ctx) => `Unlock ${named(ctx, args.user_id, 'user')}`,
});

const userDelete = defineAction({
  name: 'clerk_user_delete',
  resource: 'users',
  description: 'Permanently delete a user.',
  method: 'DELETE',
  path: '/users/{user_id}',
  risk: 'destructive',
  params: userId,
  preview: (args, ctx) => `Permanently delete ${named(ctx, args.user_id, 'user')}`,
});

/** The 9 user actions, in DESIGN order. */
export const userActions = [
  usersList,
  userGet,
  userCreate,
  userUpdate,
  userBan,
  userUnban,
  userLock,
  userUnlock,
  userDelete,
] as const;
