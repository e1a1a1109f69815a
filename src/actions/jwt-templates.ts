/**
 * JWT templates: /jwt_templates. Left out: list `paginated`; create/update custom_signing_key, signing_algorithm,
 * signing_key (a private key does not belong in a chat transcript or audit log; set it in the dashboard).
 * Every change is destructive-tier: templates shape the tokens every backend trusts.
 * The API treats update as a full replace: name and claims are required even on PATCH.
 */
import { z } from 'zod';
import { defineAction } from './define-action.js';
import { id, jsonObject, limit, offset, text } from './params.js';
import { fields, named, show, suffix } from './preview-text.js';

const claims = (example = '') => jsonObject().describe(`JSON object${example}`);
const lifetime = () => z.number().int().min(30).max(315360000).optional().describe('seconds');
const clockSkew = () => z.number().int().min(0).max(300).optional().describe('seconds');

const jwtTemplatesList = defineAction({
  name: 'clerk_jwt_templates_list',
  resource: 'jwt-templates',
  description: 'List JWT templates.',
  method: 'GET',
  path: '/jwt_templates',
  risk: 'read',
  params: z.object({ limit: limit(), offset: offset() }).strict(),
  preview: (args) => `List JWT templates${suffix('where', fields(args, Object.keys(args)))}`,
});

const jwtTemplateGet = defineAction({
  name: 'clerk_jwt_template_get',
  resource: 'jwt-templates',
  description: 'Get a JWT template.',
  method: 'GET',
  path: '/jwt_templates/{template_id}',
  risk: 'read',
  params: z.object({ template_id: id() }).strict(),
  preview: (args, ctx) => `Show JWT template ${named(ctx, args.template_id, '')}`,
});

const jwtTemplateCreate = defineAction({
  name: 'clerk_jwt_template_create',
  resource: 'jwt-templates',
  description: 'Create a JWT template.',
  method: 'POST',
  path: '/jwt_templates',
  risk: 'destructive',
  params: z
    .object({
      name: text(),
      claims: claims(', e.g. {"role":"{{user.public_metadata.role}}"}'),
      lifetime: lifetime(),
      allowed_clock_skew: clockSkew(),
    })
    .strict(),
  preview: (args) =>
    `Create JWT template ${show(args.name)} with claims ${show(args.claims)}${suffix('and', fields(args, ['lifetime', 'allowed_clock_skew']))}`,
});

const jwtTemplateUpdate = defineAction({
  name: 'clerk_jwt_template_update',
  resource: 'jwt-templates',
  description: 'Replace a JWT template: send full name and claims.',
  method: 'PATCH',
  path: '/jwt_templates/{template_id}',
  risk: 'destructive',
  params: z
    .object({
      template_id: id(),
      name: text(),
      claims: claims(),
      lifetime: lifetime(),
      allowed_clock_skew: clockSkew(),
    })
    .strict(),
  preview: (args, ctx) =>
    `Replace JWT template ${named(ctx, args.template_id, '')}: name ${show(args.name)}, claims ${show(args.claims)}${suffix('and', fields(args, ['lifetime', 'allowed_clock_skew']))}`,
});

const jwtTemplateDelete = defineAction({
  name: 'clerk_jwt_template_delete',
  resource: 'jwt-templates',
  description: 'Delete a JWT template.',
  method: 'DELETE',
  path: '/jwt_templates/{template_id}',
  risk: 'destructive',
  params: z.object({ template_id: id() }).strict(),
  preview: (args, ctx) => `Permanently delete JWT template ${named(ctx, args.template_id, '')}`,
});

/** The 5 JWT template actions, in DESIGN order. */
export const jwtTemplateActions = [
  jwtTemplatesList,
  jwtTemplateGet,
  jwtTemplateCreate,
  jwtTemplateUpdate,
  jwtTemplateDelete,
] as const;
