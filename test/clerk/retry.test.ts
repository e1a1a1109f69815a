import { describe, expect, it } from 'vitest';
import { createClerkClient } from '../../src/clerk/client.js';
import { ClerkApiError, ClerkNetworkError } from '../../src/clerk/errors.js';
import { backoffMs, parseRetryAfter } from '../../src/clerk/retry.js';
import { clerkError, createFakeFetch, json, type Reply } from './fake-fetch.js';
import { banUser, createUser, getUser, listUsers } from './fixtures.js';

function setup(replies: Reply[], extra: Record<string, unknown> = {}) {
  const fake = createFakeFetch(...replies);
  const sleeps: number[] = [];
  const client = createClerkClient({
    secretKey: 'sk_test_retrykey123',
    baseUrl: 'http://clerk.test/v1',
    fetch: fake.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
  return { client, fake, sleeps };
}

const tooMany = (retryAfter?: string) =>
  clerkError(
    429,
    'too_many_requests',
    'Too many requests',
    'Too many requests, retry later',
    retryAfter ? { 'retry-after': retryAfter } : {},
  );
const serverError = () =>
  clerkError(500, 'internal_clerk_error', 'Oops', 'There was an internal error on our servers.');

describe('read retries', () => {
  it('retries a read after a 429, waiting what Retry-After says', async () => {
    const { client, fake, sleeps } = setup([tooMany('2'), json([{ id: 'user_1' }])]);
    await expect(client.execute(listUsers, {})).resolves.toEqual([{ id: 'user_1' }]);
    expect(fake.requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it('honours an HTTP-date Retry-After', async () => {
    const when = new Date(Date.now() + 5000).toUTCString();
    const { client, fake, sleeps } = setup([tooMany(when), json([])]);
    await client.execute(listUsers, {});
    expect(fake.requests).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThan(3000);
    expect(sleeps[0]).toBeLessThanOrEqual(5000);
  });

  it('caps Retry-After at maxRetryAfterMs (default 10 s)', async () => {
    const { client, sleeps } = setup([tooMany('3600'), json([])]);
    await client.execute(listUsers, {});
    expect(sleeps).toEqual([10_000]);
    const custom = setup([tooMany('3600'), json([])], { maxRetryAfterMs: 1500 });
    await custom.client.execute(listUsers, {});
    expect(custom.sleeps).toEqual([1500]);
  });

  it('retries a read after 5xx and then succeeds, with a growing backoff', async () => {
    const { client, fake, sleeps } = setup([
      serverError(),
      new Response('bad gateway', { status: 502 }),
      json({ id: 'user_1' }),
    ]);
    await expect(client.execute(getUser, { user_id: 'user_1' })).resolves.toEqual({ id: 'user_1' });
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toEqual([backoffMs(1), backoffMs(2)]);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
  });

  it('bounds attempts (default 3) and then throws the last error', async () => {
    const { client, fake } = setup([serverError()]);
    const error = await client.execute(listUsers, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClerkApiError);
    expect((error as ClerkApiError).status).toBe(500);
    expect(fake.requests).toHaveLength(3);
  });

  it('respects a custom maxReadAttempts', async () => {
    const { client, fake } = setup([tooMany('1')], { maxReadAttempts: 5 });
    const error = await client.execute(listUsers, {}).catch((e: unknown) => e);
    expect((error as ClerkApiError).status).toBe(429);
    expect((error as ClerkApiError).message).toBe('rate limited by Clerk; retry after 1 s');
    expect(fake.requests).toHaveLength(5);
  });

  it('retries a read after a network error', async () => {
    const { client, fake } = setup([new TypeError('fetch failed'), json([])]);
    await expect(client.execute(listUsers, {})).resolves.toEqual([]);
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up on a read after the network fails every time, with a ClerkNetworkError', async () => {
    const { client, fake } = setup([new TypeError('fetch failed')]);
    await expect(client.execute(listUsers, {})).rejects.toBeInstanceOf(ClerkNetworkError);
    expect(fake.requests).toHaveLength(3);
  });

  it('does not retry a read on a 4xx other than 429', async () => {
    const { client, fake } = setup([
      clerkError(404, 'resource_not_found', 'not found', 'No user was found with id user_x'),
    ]);
    await expect(client.execute(getUser, { user_id: 'user_x' })).rejects.toMatchObject({
      status: 404,
      code: 'resource_not_found',
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('retries low-level request() reads the same way', async () => {
    const { client, fake } = setup([serverError(), json({ total_count: 1 })]);
    await expect(client.request('GET', '/users/count')).resolves.toEqual({ total_count: 1 });
    expect(fake.requests).toHaveLength(2);
  });
});

describe('writes are never retried', () => {
  it('sends a write exactly once on a 429, even with Retry-After', async () => {
    const { client, fake, sleeps } = setup([tooMany('1'), json({ id: 'user_1' })]);
    const error = await client.execute(banUser, { user_id: 'user_1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClerkApiError);
    expect((error as ClerkApiError).status).toBe(429);
    expect((error as ClerkApiError).message).toBe('rate limited by Clerk; retry after 1 s');
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('sends a write exactly once on a 500', async () => {
    const { client, fake } = setup([serverError(), json({ id: 'user_9' })]);
    await expect(client.execute(createUser, { email_address: ['a@x.com'] })).rejects.toMatchObject({ status: 500 });
    expect(fake.requests).toHaveLength(1);
  });

  it('sends a write exactly once on a network error', async () => {
    const { client, fake } = setup([new TypeError('fetch failed'), json({})]);
    await expect(client.execute(banUser, { user_id: 'user_1' })).rejects.toBeInstanceOf(ClerkNetworkError);
    expect(fake.requests).toHaveLength(1);
  });

  it.each(['POST', 'PATCH', 'PUT', 'DELETE'])('low-level %s is sent once on a 503', async (method) => {
    const { client, fake } = setup([new Response('unavailable', { status: 503 }), json({})]);
    await expect(client.request(method, '/users/user_1')).rejects.toMatchObject({ status: 503 });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, HTTP-dates, and ignores garbage', () => {
    expect(parseRetryAfter('1')).toBe(1000);
    expect(parseRetryAfter(' 0.5 ')).toBe(500);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter(new Date(1_000).toUTCString(), 4_000)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('cancellation and timeouts', () => {
  it('does not retry or wrap a caller abort', async () => {
    const controller = new AbortController();
    const fake = createFakeFetch((req) => {
      controller.abort(new Error('user pressed Ctrl-C'));
      void req;
      throw new DOMException('aborted', 'AbortError');
    });
    const client = createClerkClient({
      secretKey: 'sk_test_x12345678',
      baseUrl: 'http://clerk.test/v1',
      fetch: fake.fetch,
      sleep: async () => {},
    });
    await expect(client.execute(listUsers, {}, { signal: controller.signal })).rejects.toThrow('user pressed Ctrl-C');
    expect(fake.requests).toHaveLength(1);
  });

  it('refuses to start when the caller signal is already aborted', async () => {
    const fake = createFakeFetch(json([]));
    const client = createClerkClient({
      secretKey: 'sk_test_x12345678',
      baseUrl: 'http://clerk.test/v1',
      fetch: fake.fetch,
    });
    await expect(client.execute(listUsers, {}, { signal: AbortSignal.abort(new Error('cancelled')) })).rejects.toThrow(
      'cancelled',
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('turns a timeout into a ClerkNetworkError naming the base URL, and passes a signal to fetch', async () => {
    const signals: AbortSignal[] = [];
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        signals.push(init!.signal!);
        init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason));
      });
    const client = createClerkClient({
      secretKey: 'sk_test_x12345678',
      baseUrl: 'http://clerk.test/v1',
      fetch: hang,
      timeoutMs: 20,
      maxReadAttempts: 2,
      sleep: async () => {},
    });
    const error = await client.execute(getUser, { user_id: 'user_1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClerkNetworkError);
    expect((error as ClerkNetworkError).reason).toBe('timeout');
    expect((error as Error).message).toContain('http://clerk.test/v1');
    expect((error as Error).message).toContain('CLERK_API_URL');
    // One deadline covers every attempt: once it has passed, no second attempt is started.
    expect(signals).toHaveLength(1);
  });
});
