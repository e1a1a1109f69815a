/**
 * Domains: /domains. Nothing left out (list has no params; create takes name, is_satellite, proxy_url).
 * `is_satellite` must be true (only satellites can be added), so it is a hidden constant the model never sets.
 * There is no GET-one endpoint: clerk_domain_get lists /domains and picks the item whose `id` equals domain_id.
 * Every change is destructive-tier: domains decide where sign-in works.
 */
import { z } from 'zod';
import { defineAction } from './define-action.js';
import { fixed, id, text } from './params.js';
import { named } from './preview-text.js';

const domainsList = defineAction({
  name: 'clerk_domains_list',
  resource: 'domains',
  description: 'List domains (primary and satellites).',
  method: 'GET',
  path: '/domains',
  risk: 'read',
  params: z.object({}).strict(),
  preview: () => 'List domains',
});

const domainGet = defineAction({
  name: 'clerk_domain_get',
  resource: 'domains',
  description: 'Get a domain by id, with CNAME targets.',
  method: 'GET',
  // The real list endpoint; `execution` picks one item.
  path: '/domains',
  risk: 'read',
  params: z.object({ domain_id: id() }).strict(),
  execution: { kind: 'pick_from_list', listPath: '/domains', listQuery: {}, matchField: 'id', argName: 'domain_id' },
  preview: (args, ctx) => `Show domain ${named(ctx, args.domain_id, '')}`,
});

const domainCreate = defineAction({
  name: 'clerk_domain_create',
  resource: 'domains',
  description: 'Add a satellite domain. Returns its CNAME targets.',
  method: 'POST',
  path: '/domains',
  risk: 'destructive',
  params: z
    .object({
      name: text(),
      proxy_url: z.string().optional(),
      is_satellite: fixed(true),
    })
    .strict(),
  preview: (args) => `Add satellite domain ${args.name}${args.proxy_url ? ` behind proxy ${args.proxy_url}` : ''}`,
});

const domainDelete = defineAction({
  name: 'clerk_domain_delete',
  resource: 'domains',
  description: 'Delete a satellite domain.',
  method: 'DELETE',
  path: '/domains/{domain_id}',
  risk: 'destructive',
  params: z.object({ domain_id: id() }).strict(),
  preview: (args, ctx) => `Permanently delete satellite domain ${named(ctx, args.domain_id, '')}`,
});

/** The 4 domain actions, in DESIGN order. */
export const domainActions = [domainsList, domainGet, domainCreate, domainDelete] as const;
