/**
 * Domain routes: list (`{data,total_count}`, no params), add a satellite (`is_satellite` must be true), delete a
 * satellite (the primary domain is a 403 `operation_not_allowed_on_primary_domain`). There is no GET-one endpoint
 * in the real API, so there is none here.
 */
import { clerkError, ClerkHttpError, identifierExists, paramFormatInvalid, paramValueInvalid } from '../errors.js';
import { isDomainName, isUrl } from '../formats.js';
import { newDomain } from '../objects/instance-resources.js';
import { paginated } from '../query.js';
import type { Route, RouteContext } from '../router.js';
import type { DomainRecord } from '../types.js';
import { validateBody, type BodySpec } from '../validation.js';
import { removeRecord } from './remove-record.js';

const ADD_DOMAIN: BodySpec = {
  name: { type: 'string', required: true },
  is_satellite: { type: 'boolean', required: true, only: true },
  proxy_url: { type: 'string', nullable: true },
};

function add(ctx: RouteContext): DomainRecord {
  const { store } = ctx;
  const b = validateBody(ctx.json(), ADD_DOMAIN);
  const name = (b.name as string).trim().toLowerCase();
  if (!isDomainName(name))
    throw new ClerkHttpError(422, [
      paramFormatInvalid('name', `name must be a domain name such as blog.example.com (got "${b.name as string}").`),
    ]);
  if (typeof b.proxy_url === 'string' && !isUrl(b.proxy_url))
    throw new ClerkHttpError(422, [
      paramValueInvalid('proxy_url', 'proxy_url must be a full URL, e.g. https://blog.example.com/__clerk.'),
    ]);
  if (store.state.domains.some((d) => d.name === name))
    throw new ClerkHttpError(422, [identifierExists('name', `The domain ${name} is already added to this instance.`)]);
  const domain = newDomain(store.ids, name, true, (b.proxy_url as string | null | undefined) ?? null);
  store.state.domains.push(domain);
  return domain;
}

function remove(ctx: RouteContext): unknown {
  const list = ctx.store.state.domains;
  const id = ctx.params.domain_id!;
  const domain = list.find((d) => d.id === id);
  if (!domain) throw clerkError(404, 'resource_not_found', 'not found', `No domain was found with id ${id}.`);
  if (!domain.is_satellite) {
    throw clerkError(
      403,
      'operation_not_allowed_on_primary_domain',
      'operation not allowed',
      'This operation is not allowed on a primary domain. Try again with a satellite domain of the instance.',
    );
  }
  return removeRecord(list, domain);
}

/** Domain routes. */
export const domainRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/domains',
    handle: (ctx) => paginated([...ctx.store.state.domains], ctx.store.state.domains.length),
  },
  { method: 'POST', pattern: '/domains', handle: add },
  { method: 'DELETE', pattern: '/domains/{domain_id}', handle: remove },
];
