/** `createClerkClient`: the Clerk Backend API client the agent uses (contract: ./types.ts). */
import type { HttpMethod } from '../actions/define-action.js';
import { buildRequest } from './build-request.js';
import { InvalidArgumentError } from './errors.js';
import { pickFromList, splitMetadata } from './execution-plans.js';
import { checkConcretePath } from './path-params.js';
import { realSleep } from './retry.js';
import { createTransport } from './transport.js';
import type { ClerkClient, ClerkClientOptions } from './types.js';

/** Clerk's production Backend API. */
export const DEFAULT_BASE_URL = 'https://api.clerk.com/v1';
/** The API version whose behaviour (e.g. metadata sub-resources) the actions assume. */
export const DEFAULT_API_VERSION = '2026-05-12';

const METHODS: ReadonlySet<string> = new Set<HttpMethod>(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(
      `Clerk base URL "${baseUrl}" is not a valid URL: check CLERK_API_URL (e.g. https://api.clerk.com/v1)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Clerk base URL must start with http:// or https:// (got "${url.protocol}"): check CLERK_API_URL`);
  }
  return baseUrl.replace(/\/+$/, '');
}

/** Create a Clerk client. Throws at once on a missing key or a malformed base URL. */
export function createClerkClient(options: ClerkClientOptions): ClerkClient {
  if (!options.secretKey) throw new Error('a Clerk secret key is required: set CLERK_SECRET_KEY');
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const send = createTransport({
    secretKey: options.secretKey,
    baseUrl,
    apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxReadAttempts: options.maxReadAttempts ?? 3,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 10_000,
    sleep: options.sleep ?? realSleep,
    ...(options.now ? { now: options.now } : {}),
  });

  return {
    baseUrl,
    live: options.secretKey.startsWith('sk_live_'),

    async execute(action, args, opts) {
      const signal = opts?.signal;
      const plan = action.execution ?? { kind: 'plain' };
      switch (plan.kind) {
        case 'pick_from_list':
          return pickFromList(send, action, plan, args, signal);
        case 'split_metadata':
          return splitMetadata(send, action, plan, args, signal);
        case 'plain': {
          const parts = buildRequest(action, args);
          return send({ ...parts, ...(signal ? { signal } : {}) });
        }
        default: {
          const unknown: never = plan;
          throw new Error(`unknown execution plan ${JSON.stringify(unknown)} on ${action.name}`);
        }
      }
    },

    async request(method, path, opts) {
      const upper = method.toUpperCase();
      if (!METHODS.has(upper))
        throw new InvalidArgumentError('method', `method must be one of ${[...METHODS].join(', ')} (got "${method}")`);
      return send({
        method: upper,
        path: checkConcretePath(path),
        ...(opts?.query ? { query: opts.query } : {}),
        ...(opts?.body !== undefined ? { body: opts.body } : {}),
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
    },
  };
}
