/**
 * The MCP tool list through the official SDK Client: 48 actions + the status tool, strict schemas, and
 * annotations from the registry's risk tier. A mutating tool marked read-only would run with no prompt in
 * clients that trust the hint, so that is the property checked first.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/actions/registry.js';
import { createClerkReader } from '../../../src/agent/clerk-reader.js';
import { createClerkClient } from '../../../src/clerk/client.js';
import { createMcpServer, type McpApprovalPort } from '../../../src/interfaces/mcp/server.js';
import { APPROVAL_STATUS_TOOL, isIdempotent } from '../../../src/interfaces/mcp/tools.js';
import { createSandbox } from '../../../src/sandbox/index.js';

function refusingPort(calls: string[]): McpApprovalPort {
  return {
    propose: async () => {
      calls.push('propose');
      throw new Error('not in this test');
    },
    approve: async () => {
      calls.push('approve');
      return { ok: false, text: 'no' };
    },
    deny: async () => {
      calls.push('deny');
    },
    status: async () => 'unknown',
  };
}

async function connect() {
  const sandbox = createSandbox({ seed: 'demo' });
  const clerk = createClerkClient({ secretKey: sandbox.secretKey, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
  const calls: string[] = [];
  const registry = createRegistry();
  const server = createMcpServer({
    registry,
    reader: createClerkReader(clerk),
    approvals: refusingPort(calls),
    localUser: { via: 'terminal', id: 'alice', name: 'alice' },
  });
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test-client', version: '1.0.0' });
  await server.connect(a);
  await client.connect(b);
  return { client, sandbox, calls, registry };
}

describe('MCP tool list', () => {
  it('lists the 48 actions and the status tool with risk-tier annotations', async () => {
    const { client, registry } = await connect();
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(49);
    for (const action of registry.list()) {
      const tool = tools.find((t) => t.name === action.name);
      expect(tool, action.name).toBeDefined();
      expect(tool!.inputSchema.type).toBe('object');
      expect(tool!.title).toBeTruthy();
      const a = tool!.annotations!;
      // The safety property: nothing that changes Clerk is ever advertised as read-only.
      expect(a.readOnlyHint, action.name).toBe(action.risk === 'read');
      expect(a.destructiveHint, action.name).toBe(action.risk === 'destructive');
      expect(a.idempotentHint, action.name).toBe(isIdempotent(action));
    }
    const status = tools.find((t) => t.name === APPROVAL_STATUS_TOOL)!;
    expect(status.annotations?.readOnlyHint).toBe(true);
    expect(Object.keys((status.inputSchema.properties ?? {}) as object)).toEqual(['id']);
  });

  it('marks creates as not idempotent and bans/deletes as idempotent', async () => {
    const { registry } = await connect();
    expect(isIdempotent(registry.get('clerk_user_create')!)).toBe(false);
    expect(isIdempotent(registry.get('clerk_user_ban')!)).toBe(true);
    expect(isIdempotent(registry.get('clerk_user_delete')!)).toBe(true);
  });

  it('runs a read at once and returns compact, secret-free data', async () => {
    const { client, calls } = await connect();
    const result = await client.callTool({
      name: 'clerk_users_list',
      arguments: { email_address: ['jane@example.com'] },
    });
    const text = (result.content as Array<{ text: string }>)[0]!.text;
    const parsed = JSON.parse(text);
    expect(JSON.stringify(parsed)).toContain('jane@example.com');
    expect(text).not.toMatch(/sk_(test|live)_/);
    expect(calls).toEqual([]);
  });

  it('answers unknown tools and bad arguments with an error result, not a crash', async () => {
    const { client, sandbox } = await connect();
    const before = sandbox.requests.length;
    const unknown = await client.callTool({ name: '__proto__', arguments: {} });
    expect(unknown.isError).toBe(true);
    const bad = await client.callTool({ name: 'clerk_user_get', arguments: { user_id: 42 } });
    expect(bad.isError).toBe(true);
    const traversal = await client.callTool({ name: 'clerk_user_get', arguments: { user_id: '../users' } });
    expect(traversal.isError).toBe(true);
    expect(sandbox.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
