import { createServer } from 'node:http';
import { inspect } from 'node:util';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createClerkClient } from '../../src/clerk/client.js';
import { ClerkApiError, ClerkNetworkError, InvalidArgumentError } from '../../src/clerk/errors.js';
import { redact } from '../../src/util/secrets.js';
import { clerkError, createFakeFetch, json, type Reply } from './fake-fetch.js';
import { banUser, createUser, getDomain, getUser } from './fixtures.js';

const KEY = 'sk_test_SuperSecretValue123456';

function setup(...replies: Reply[]) {
  const fake = createFakeFetch(...replies);
  const client = createClerkClient({
    secretKey: KEY,
    baseUrl: 'http://clerk.test/v1',
    fetch: fake.fetch,
    sleep: async () => {},
    maxReadAttempts: 1,
  });
  return { client, fake };
}

async function failure(p: Promise<unknown>): Promise<Error> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** Everything a log line or the model could see of an error (inspect also prints the stack and the cause). */
function everyText(error: Error): string {
  return [
    String(error),
    error.message,
    JSON.stringify(error),
    JSON.stringify({ ...error }),
    inspect(error, { depth: 5 }),
  ].join('\n');
}

/** No key in any form: strictly no `sk_` in the message, and no `sk_` token anywhere (stack paths contain "task_queues"). */
function expectNoKey(error: Error): void {
  expect(String(error)).not.toContain('sk_');
  expect(error.message).not.toContain('sk_');
  expect(everyText(error)).not.toContain(KEY);
  expect(everyText(error)).not.toMatch(/\bsk_/);
}

describe('Clerk error envelope → ClerkApiError', () => {
  it('keeps status, code, messages, meta, trace id, method and path', async () => {
    const { client } = setup(
      json(
        {
          errors: [
            {
              code: 'form_param_missing',
              message: 'is missing',
              long_message: 'first_name must be included.',
              meta: { param_name: 'first_name' },
            },
          ],
          clerk_trace_id: 'trace_abc',
        },
        422,
      ),
    );
    const error = (await failure(client.execute(createUser, { email_address: ['a@x.com'] }))) as ClerkApiError;
    expect(error).toBeInstanceOf(ClerkApiError);
    expect(error.kind).toBe('clerk');
    expect(error.status).toBe(422);
    expect(error.code).toBe('form_param_missing');
    expect(error.message).toBe('first_name must be included.');
    expect(error.longMessage).toBe('first_name must be included.');
    expect(error.meta).toEqual({ param_name: 'first_name' });
    expect(error.traceId).toBe('trace_abc');
    expect(error.method).toBe('POST');
    expect(error.path).toBe('/users');
    expect(error.name).toBe('ClerkApiError');
  });

  it('joins several errors and keeps the first code', async () => {
    const { client } = setup(
      json(
        {
          errors: [
            { code: 'form_param_missing', message: 'a', long_message: 'A is missing' },
            { code: 'form_param_unknown', message: 'b', long_message: 'B is unknown' },
          ],
        },
        422,
      ),
    );
    const error = (await failure(client.execute(createUser, {}))) as ClerkApiError;
    expect(error.code).toBe('form_param_missing');
    expect(error.message).toBe('A is missing; B is unknown');
    expect(error.errors.map((e) => e.code)).toEqual(['form_param_missing', 'form_param_unknown']);
  });

  it('falls back to the cf-ray header for the trace id', async () => {
    const { client } = setup(
      json({ errors: [{ code: 'resource_not_found', message: 'not found', long_message: 'No user' }] }, 404, {
        'cf-ray': 'ray-1',
      }),
    );
    const error = (await failure(client.execute(getUser, { user_id: 'user_x' }))) as ClerkApiError;
    expect(error.traceId).toBe('ray-1');
    expect(error.path).toBe('/users/user_x');
  });

  it("maps 401 to advice about CLERK_SECRET_KEY and keeps Clerk's code", async () => {
    const { client } = setup(
      clerkError(401, 'authentication_invalid', 'Invalid authentication', 'Unable to authenticate the request'),
    );
    const error = (await failure(client.execute(getUser, { user_id: 'user_1' }))) as ClerkApiError;
    expect(error.status).toBe(401);
    expect(error.code).toBe('authentication_invalid');
    expect(error.message).toBe('the secret key is wrong, expired or lacks access: check CLERK_SECRET_KEY');
  });

  it("maps an auth 403 to the same advice, but keeps Clerk's words for other 403s", async () => {
    const auth = setup(
      clerkError(
        403,
        'authorization_invalid',
        'Unauthorized request',
        'You are not authorized to perform this request',
      ),
    );
    const a = (await failure(auth.client.execute(getUser, { user_id: 'u' }))) as ClerkApiError;
    expect(a.message).toMatch(/CLERK_SECRET_KEY/);
    expect(a.code).toBe('authorization_invalid');

    const primary = setup(
      clerkError(
        403,
        'operation_not_allowed_on_primary_domain',
        'not allowed',
        'This operation is not allowed on a primary domain.',
      ),
    );
    const p = (await failure(primary.client.execute(banUser, { user_id: 'u' }))) as ClerkApiError;
    expect(p.message).toBe('This operation is not allowed on a primary domain.');
    expect(p.code).toBe('operation_not_allowed_on_primary_domain');
  });

  it('handles 401 with a non-JSON body', async () => {
    const { client } = setup(new Response('Unauthorized', { status: 401 }));
    const error = (await failure(client.execute(getUser, { user_id: 'u' }))) as ClerkApiError;
    expect(error.code).toBe('http_401');
    expect(error.message).toMatch(/CLERK_SECRET_KEY/);
  });

  it('describes a non-JSON error body without quoting HTML', async () => {
    const html = setup(
      new Response('<html><body>Bad Gateway</body></html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'content-type': 'text/html' },
      }),
    );
    const e1 = (await failure(html.client.execute(getUser, { user_id: 'u' }))) as ClerkApiError;
    expect(e1.status).toBe(502);
    expect(e1.code).toBe('http_502');
    expect(e1.message).toBe('Clerk answered HTTP 502 Bad Gateway with no Clerk error body for GET /users/u');

    const text = setup(new Response('upstream connect error', { status: 503 }));
    const e2 = (await failure(text.client.execute(getUser, { user_id: 'u' }))) as ClerkApiError;
    expect(e2.message).toContain('upstream connect error');

    const weird = setup(json({ error: 'something else' }, 400));
    const e3 = (await failure(weird.client.execute(getUser, { user_id: 'u' }))) as ClerkApiError;
    expect(e3.code).toBe('http_400');
  });

  it('reports a 200 that is not JSON as an invalid response pointing at CLERK_API_URL', async () => {
    const { client } = setup(
      new Response('<html>login page</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    const error = (await failure(client.execute(getUser, { user_id: 'u' }))) as ClerkApiError;
    expect(error.code).toBe('invalid_response');
    expect(error.message).toMatch(/CLERK_API_URL/);
  });

  it('resolves null for an empty 200 body', async () => {
    const { client } = setup(new Response('', { status: 200 }));
    await expect(client.execute(getUser, { user_id: 'u' })).resolves.toBeNull();
  });
});

describe('the secret key never appears in an error', () => {
  const echoKey = `{"errors":[{"code":"clerk_key_invalid","message":"bad key ${KEY}","long_message":"The key ${KEY} is invalid"}]}`;
  const cases: Array<[string, () => Promise<Error>]> = [
    [
      '401 echoing the key',
      () => failure(setup(new Response(echoKey, { status: 401 })).client.execute(getUser, { user_id: 'u' })),
    ],
    [
      '422 echoing the key',
      () => failure(setup(new Response(echoKey, { status: 422 })).client.execute(createUser, {})),
    ],
    [
      '502 text echoing the key',
      () =>
        failure(
          setup(new Response(`proxy saw Authorization: Bearer ${KEY}`, { status: 502 })).client.execute(getUser, {
            user_id: 'u',
          }),
        ),
    ],
    [
      '429',
      () =>
        failure(
          setup(clerkError(429, 'too_many_requests', 'x', 'y', { 'retry-after': '3' })).client.execute(getUser, {
            user_id: 'u',
          }),
        ),
    ],
    [
      'network',
      () => failure(setup(new TypeError(`fetch failed for ${KEY}`)).client.execute(getUser, { user_id: 'u' })),
    ],
    ['bad path id', () => failure(setup(json({})).client.execute(getUser, { user_id: `../${KEY}` }))],
    ['bad request() path', () => failure(setup(json([])).client.request('GET', `/users/${KEY}/x?y`))],
    ['pick_from_list miss', () => failure(setup(json({ data: [] })).client.execute(getDomain, { domain_id: KEY }))],
    [
      'plain 404 on a key-shaped id',
      () =>
        failure(
          setup(clerkError(404, 'resource_not_found', 'not found', `No user was found with id ${KEY}`)).client.execute(
            getUser,
            { user_id: KEY },
          ),
        ),
    ],
  ];

  it.each(cases)('%s', async (_label, make) => {
    expectNoKey(await make());
  });

  it('redact leaves words that merely contain sk_ alone', () => {
    expect(redact('task_id sk_live_abc and sk_test_def', [])).toBe(
      'task_id [redacted Clerk key] and [redacted Clerk key]',
    );
  });
});

describe('network failures', () => {
  it('names the base URL and CLERK_API_URL when nothing listens (real closed port)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = createClerkClient({ secretKey: KEY, baseUrl: `http://127.0.0.1:${port}/v1`, maxReadAttempts: 1 });
    const error = await failure(client.execute(getUser, { user_id: 'u' }));
    expect(error).toBeInstanceOf(ClerkNetworkError);
    expect((error as ClerkNetworkError).kind).toBe('network');
    expect((error as ClerkNetworkError).reason).toBe('connection');
    expect(error.message).toBe(`cannot reach http://127.0.0.1:${port}/v1: is CLERK_API_URL right? (ECONNREFUSED)`);
    expectNoKey(error);
  });

  it('strips credentials from the base URL in messages', async () => {
    const fake = createFakeFetch(new TypeError('fetch failed'));
    const client = createClerkClient({
      secretKey: KEY,
      baseUrl: 'http://user:pw@clerk.test/v1',
      fetch: fake.fetch,
      maxReadAttempts: 1,
    });
    const error = await failure(client.execute(getUser, { user_id: 'u' }));
    expect(error.message).toContain('http://clerk.test/v1');
    expect(error.message).not.toContain('pw');
  });
});

describe('InvalidArgumentError', () => {
  it('names the param and has kind invalid_args', async () => {
    const { client, fake } = setup(json({}));
    const error = await failure(client.execute(getUser, { user_id: '../sessions' }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).kind).toBe('invalid_args');
    expect((error as InvalidArgumentError).param).toBe('user_id');
    expect(error.message).toContain('user_id "../sessions" is not a valid id');
    expect(fake.requests).toHaveLength(0);
  });

  it('names a missing path param', async () => {
    const { client } = setup(json({}));
    await expect(client.execute(getUser, {})).rejects.toThrow('user_id is required');
  });
});
