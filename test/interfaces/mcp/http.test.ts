/**
 * Streamable HTTP on 127.0.0.1: no token → 401, another origin → 403, and a full session with the token through
 * the SDK's client transport (tools listed, a read answered).
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/actions/registry.js';
import { createClerkReader } from '../../../src/agent/clerk-reader.js';
import { createClerkClient } from '../../../src/clerk/client.js';
import { type McpHttpHandle, serveMcpHttp } from '../../../src/interfaces/mcp/http.js';
import { createMcpServer } from '../../../src/interfaces/mcp/server.js';
import { createSandbox } from '../../../src/sandbox/index.js';

let handle: McpHttpHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

async function start() {
  const sandbox = createSandbox({ seed: 'demo' });
  const clerk = createClerkClient({ secretKey: sandbox.secretKey, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
  const registry = createRegistry();
  handle = await serveMcpHttp({
    port: 0,
    createSession: () =>
      createMcpServer({
        registry,
        reader: createClerkReader(clerk),
        approvals: {
          propose: async () => {
            throw new Error('not here');
          },
          approve: async () => ({ ok: false, text: 'no' }),
          deny: async () => {},
          status: async () => 'unknown',
        },
        localUser: { via: 'terminal', id: 't', name: 't' },
      }),
  });
  return handle;
}

const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
});
const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

describe('MCP over Streamable HTTP', () => {
  it('refuses a request without the bearer token, or with a wrong one', async () => {
    const { url } = await start();
    expect((await fetch(url, { method: 'POST', headers, body: initialize })).status).toBe(401);
    const wrong = await fetch(url, {
      method: 'POST',
      headers: { ...headers, authorization: 'Bearer nope' },
      body: initialize,
    });
    expect(wrong.status).toBe(401);
  });

  it('refuses another origin even with the token (DNS rebinding)', async () => {
    const { url, token } = await start();
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${token}`, origin: 'https://evil.test' },
      body: initialize,
    });
    expect(res.status).toBe(403);
  });

  it('serves a session to the SDK client with the token', async () => {
    const { url, token } = await start();
    const client = new Client({ name: 'http-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    expect((await client.listTools()).tools).toHaveLength(49);
    const read = await client.callTool({ name: 'clerk_users_list', arguments: { limit: 1 } });
    expect(read.isError).toBeFalsy();
    await client.close();
  });
});
