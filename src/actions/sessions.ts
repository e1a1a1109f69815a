/**
 * Sessions: /sessions. Left out: `paginated` (a response-shape switch, not a user choice; the client decides).
 */
import { z } from 'zod';
import { defineAction } from './define-action.js';
import { id, limit, offset } from './params.js';
import { fields, named, suffix } from './preview-text.js';

const sessionsList = defineAction({
  name: 'clerk_sessions_list',
  resource: 'sessions',
  description: 'List sessions (newest first) of a user_id or client_id.',
  method: 'GET',
  path: '/sessions',
  risk: 'read',
  params: z
    .object({
      user_id: z.string().optional(),
      client_id: z.string().optional(),
      status: z
        .enum(['active', 'revoked', 'ended', 'expired', 'removed', 'replaced', 'abandoned', 'pending'])
        .optional(),
      limit: limit(),
      offset: offset(),
    })
    .strict(),
  preview: (args, ctx) => {
    const rest = fields(
      args,
      Object.keys(args).filter((k) => k !== 'user_id'),
    );
    const of = args.user_id ? ` of ${named(ctx, args.user_id, 'user')}` : '';
    return `List sessions${of}${suffix('where', rest)}`;
  },
});

const sessionGet = defineAction({
  name: 'clerk_session_get',
  resource: 'sessions',
  description: 'Get a session.',
  method: 'GET',
  path: '/sessions/{session_id}',
  risk: 'read',
  params: z.object({ session_id: id() }).strict(),
  preview: (args, ctx) => `Show ${named(ctx, args.session_id, 'session')}`,
});

const sessionRevoke = defineAction({
  name: 'clerk_session_revoke',
  resource: 'sessions',
  description: 'Revoke a session (signs that device out).',
  method: 'POST',
  path: '/sessions/{session_id}/revoke',
  risk: 'destructive',
  params: z.object({ session_id: id() }).strict(),
  preview: (args, ctx) => `Revoke ${named(ctx, args.session_id, 'session')} (signs that device out)`,
});

/** The 3 session actions, in DESIGN order. */
export const sessionActions = [sessionsList, sessionGet, sessionRevoke] as const;
