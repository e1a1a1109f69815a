/**
 * One overall deadline per Clerk request (issue 13, defect 5): it covers the headers and the body, and a read's
 * retries and waits share it. A real 127.0.0.1 server that sends headers and never ends the body must not hang the
 * client; a write whose connection dies after it was sent is flagged as maybe sent (its outcome is unknown).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/actions/registry.js';
import { createClerkClient } from '../../src/clerk/client.js';
import { ClerkNetworkError } from '../../src/clerk/errors.js';
import { createFakeFetch, json } from './fake-fetch.js';

const registry = createRegistry();
const getUser = registry.get('clerk_user_get')!;
const banUser = registry.get('clerk_user_ban')!;

let server: Server | undefined;
const open: ServerResponse[] = [];
afterEach(async () => {
  for (const res of open.splice(0)) res.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Starts a 127.0.0.1 server with `handler`; resolves with its base URL. */
async function serve(handler: (req: import('node:http').IncomingMessage, res: ServerResponse) => void) {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1`;
}

describe('the overall request deadline', () => {
  it('ends a request whose server sends headers and then never ends the body, with one clear line', async () => {
    let requests = 0;
    const baseUrl = await serve((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":"user_1",'); // … and nothing more, ever
      open.push(res);
    });
    const client = createClerkClient({ secretKey: 'sk_test_x12345678', baseUrl, timeoutMs: 300, maxReadAttempts: 3 });
    const error = await client.execute(getUser, { user_id: 'user_1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClerkNetworkError);
    expect((error as ClerkNetworkError).reason).toBe('timeout');
    expect((error as Error).message).toBe(
      `Clerk at ${baseUrl} did not answer GET /users/user_1 within 300 ms (CLERK_AGENT_REQUEST_TIMEOUT_MS): is CLERK_API_URL right?`,
    );
    expect((error as Error).message).not.toContain('\n');
    // The deadline covers the retries too: the hanging read is not sent again after it has passed.
    expect(requests).toBe(1);
  });

  it("bounds a read's retries by one budget: waits that would pass the deadline are not taken", async () => {
    let clock = 0;
    const waits: number[] = [];
    const fake = createFakeFetch(json({ errors: [] }, 503));
    const client = createClerkClient({
      secretKey: 'sk_test_x12345678',
      baseUrl: 'http://clerk.test/v1',
      fetch: fake.fetch,
      timeoutMs: 1_000,
      maxReadAttempts: 10,
      maxRetryAfterMs: 10_000,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
      now: () => clock,
    });
    await expect(client.execute(getUser, { user_id: 'user_1' })).rejects.toMatchObject({ status: 503 });
    // Backoff 250 + 500 fits in 1 s; the next wait (1 s) would not, so the third failure is final.
    expect(waits).toEqual([250, 500]);
    expect(fake.requests).toHaveLength(3);
  });

  it('flags a write whose connection was reset after sending as maybe sent, and sends it once', async () => {
    let bans = 0;
    const baseUrl = await serve((req, res) => {
      req.resume();
      req.on('end', () => {
        bans++; // the server acts …
        res.socket?.destroy(); // … and the reply is lost
      });
    });
    const client = createClerkClient({ secretKey: 'sk_test_x12345678', baseUrl, timeoutMs: 5_000 });
    const error = await client.execute(banUser, { user_id: 'user_1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClerkNetworkError);
    expect((error as ClerkNetworkError).maybeSent).toBe(true);
    expect(bans).toBe(1);
  });

  it('flags a refused connection as not sent (the write certainly did not happen)', async () => {
    const baseUrl = await serve(() => {});
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const client = createClerkClient({ secretKey: 'sk_test_x12345678', baseUrl, timeoutMs: 5_000 });
    const error = await client.execute(banUser, { user_id: 'user_1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClerkNetworkError);
    expect((error as ClerkNetworkError).maybeSent).toBe(false);
  });
});
