/**
 * Shared path-injection check: for every action with path params, each hostile id must either be refused before
 * any request is sent, or reach a path with exactly the expected segments.
 */
import { expect } from 'vitest';
import { pathParams, type Action } from '../../src/actions/define-action.js';
import { createClerkClient } from '../../src/clerk/client.js';
import { InvalidArgumentError } from '../../src/clerk/errors.js';
import { createFakeFetch, json } from './fake-fetch.js';

export const HOSTILE_IDS = [
  '../x',
  'a/b',
  '%2F',
  '%2f',
  '..',
  '.',
  '',
  'a?b',
  'a#b',
  'a\\b',
  '%5C',
  'x%2F..%2Fy',
  'a\nb',
  'a\u0000b',
  '/users',
];

/** The paths (relative to /v1, unescaped templates filled) this action may legitimately send to. */
function expectedTemplates(action: Action): string[] {
  const plan = action.execution ?? { kind: 'plain' as const };
  if (plan.kind === 'pick_from_list') return [plan.listPath];
  if (plan.kind === 'split_metadata') return [action.path, `${action.path}/metadata`];
  return [action.path];
}

function segmentsFor(template: string, args: Record<string, unknown>): string[] {
  return [
    'v1',
    ...template
      .split('/')
      .slice(1)
      .map((seg) => {
        const m = /^\{([a-z_]+)\}$/.exec(seg);
        return m ? encodeURIComponent(String(args[m[1]!])) : seg;
      }),
  ];
}

/** Args that would make the action send: every path param and plan arg set, plus one body field. */
export function baseArgs(action: Action): Record<string, unknown> {
  const args: Record<string, unknown> = { first_name: 'Probe' };
  for (const name of pathParams(action.path)) args[name] = `id_${name}`;
  const plan = action.execution;
  if (plan?.kind === 'pick_from_list') {
    for (const name of pathParams(plan.listPath)) args[name] = `id_${name}`;
    args[plan.argName] ??= `id_${plan.argName}`;
  }
  return args;
}

/** Run one (action, param, value) case and assert it is refused or sent to exactly the expected segments. */
export async function checkCase(action: Action, param: string, value: string): Promise<'refused' | 'sent'> {
  const fake = createFakeFetch(json({ data: [], total_count: 0 }));
  const client = createClerkClient({
    secretKey: 'sk_test_injection',
    baseUrl: 'http://clerk.test/v1',
    fetch: fake.fetch,
    sleep: async () => {},
  });
  const args = { ...baseArgs(action), [param]: value };
  let error: unknown;
  try {
    await client.execute(action, args);
  } catch (e) {
    error = e;
  }
  if (error instanceof InvalidArgumentError) {
    expect(
      fake.requests,
      `${action.name} ${param}=${JSON.stringify(value)} sent a request before refusing`,
    ).toHaveLength(0);
    expect(error.param).toBe(param);
    expect(error.message).toContain(param);
    return 'refused';
  }
  const allowed = expectedTemplates(action).map((t) => segmentsFor(t, args).join('\u0001'));
  expect(fake.requests.length, `${action.name}: neither refused nor sent`).toBeGreaterThan(0);
  for (const req of fake.requests) {
    const segments = req.url.pathname.split('/').slice(1);
    expect(allowed, `${action.name} ${param}=${JSON.stringify(value)} reached ${req.url.pathname}`).toContain(
      segments.join('\u0001'),
    );
    expect(req.rawPath.split('/').slice(1)).toEqual(segments);
  }
  return 'sent';
}

/** With valid ids, each action sends to its expected path (proves the hostile cases are not vacuous). */
export async function checkValid(action: Action): Promise<void> {
  const fake = createFakeFetch(json({ data: [], total_count: 0 }));
  const client = createClerkClient({
    secretKey: 'sk_test_injection',
    baseUrl: 'http://clerk.test/v1',
    fetch: fake.fetch,
    sleep: async () => {},
  });
  const args = baseArgs(action);
  await client.execute(action, args).catch(() => undefined);
  expect(fake.requests.length, `${action.name} sent nothing with valid ids`).toBeGreaterThan(0);
  const allowed = expectedTemplates(action).map((t) => '/' + segmentsFor(t, args).join('/'));
  for (const req of fake.requests) expect(allowed).toContain(req.url.pathname);
}

/** The (action, param) pairs to test. */
export function pathParamCases(actions: readonly Action[]): Array<[string, Action, string]> {
  return actions.flatMap((a) => pathParams(a.path).map((p): [string, Action, string] => [`${a.name} {${p}}`, a, p]));
}
