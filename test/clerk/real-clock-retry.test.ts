/** The one real-clock test: over real HTTP on 127.0.0.1, a read that gets 429 + `Retry-After: 1` waits ~1 s and retries. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClerkClient } from '../../src/clerk/client.js';
import { listUsers } from './fixtures.js';

const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders; at: number }> = [];
const server = createServer((req, res) => {
  seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: Date.now() });
  if (seen.length === 1) {
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
    res.end(
      JSON.stringify({
        errors: [
          { code: 'too_many_requests', message: 'Too many requests', long_message: 'Too many requests, retry later' },
        ],
      }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify([{ id: 'user_1' }]));
});
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('read retry on 429 with a real clock', () => {
  it('waits for Retry-After: 1 before the second attempt', async () => {
    const client = createClerkClient({ secretKey: 'sk_test_realclock123', baseUrl });
    const started = Date.now();
    const users = await client.execute(listUsers, { email_address: ['a@x.com', 'b@x.com'] });
    const elapsed = Date.now() - started;
    expect(users).toEqual([{ id: 'user_1' }]);
    expect(seen).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(900);
    expect(seen[1]!.url).toBe('/v1/users?email_address=a%40x.com&email_address=b%40x.com');
    expect(seen[1]!.headers['authorization']).toBe('Bearer sk_test_realclock123');
    expect(seen[1]!.headers['clerk-api-version']).toBe('2026-05-12');
    expect(seen[1]!.headers['user-agent']).toBe('clerk-admin-agent/0.1');
  });
});
