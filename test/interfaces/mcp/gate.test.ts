/**
 * The MCP gate through the official SDK Client over an in-memory transport, with the real approval queue, agent
 * and in-process sandbox. The client's model may propose anything; only a human answer (elicitation, under the
 * policy) or an approver elsewhere makes a change, and it runs once. Writes are counted at the sandbox.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ElicitRequestSchema, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/actions/registry.js';
import { createClerkReader } from '../../../src/agent/clerk-reader.js';
import { createMcpApprovalPort } from '../../../src/interfaces/mcp/approvals-port.js';
import { createMcpServer } from '../../../src/interfaces/mcp/server.js';
import { createQueueStack, type QueueStack, terminal } from '../../approvals/support.js';

type Elicit = (message: string) => Promise<ElicitResult> | ElicitResult;

async function connect(options: { elicit?: Elicit; elicitTimeoutMs?: number; stack?: QueueStack } = {}) {
  const stack = options.stack ?? (await createQueueStack([]));
  const server = createMcpServer({
    registry: createRegistry(),
    reader: createClerkReader(stack.clerk),
    approvals: createMcpApprovalPort(stack.service),
    localUser: terminal,
    ...(options.elicitTimeoutMs ? { elicitTimeoutMs: options.elicitTimeoutMs } : {}),
  });
  const client = new Client(
    { name: 'hostile-client', version: '1.0.0' },
    options.elicit ? { capabilities: { elicitation: {} } } : {},
  );
  const messages: string[] = [];
  if (options.elicit) {
    const elicit = options.elicit;
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      const message = (request.params as { message: string }).message;
      messages.push(message);
      return elicit(message);
    });
  }
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(a);
  await client.connect(b);
  return { client, stack, messages };
}

const textOf = (result: unknown) => (result as { content: Array<{ text: string }> }).content[0]!.text;

async function janeId(stack: QueueStack) {
  return stack.userId('jane@example.com');
}

async function banned(stack: QueueStack, id: string) {
  return (await stack.user(id)).banned === true;
}

describe('MCP gate: elicitation-capable client', () => {
  it('executes once after accept, with the card shown in the question', async () => {
    const { client, stack, messages } = await connect({
      elicit: () => ({ action: 'accept', content: { approve: true } }),
    });
    const id = await janeId(stack);
    const result = await client.callTool({ name: 'clerk_user_ban', arguments: { user_id: id } });
    expect(textOf(result)).toMatch(/done/i);
    expect(await banned(stack, id)).toBe(true);
    expect(stack.mutations().filter((m) => m.path.endsWith('/ban'))).toHaveLength(1);
    expect(messages[0]).toContain('Jane');
    expect(messages[0]).toContain(`/users/${id}/ban`);
  });

  for (const [label, answer] of [
    ['decline', { action: 'decline' }],
    ['cancel', { action: 'cancel' }],
    ['accept with approve: false', { action: 'accept', content: { approve: false } }],
    ['accept with no content', { action: 'accept' }],
    ['accept with a string "true"', { action: 'accept', content: { approve: 'true' } }],
  ] as const) {
    it(`never executes after ${label}`, async () => {
      const { client, stack } = await connect({ elicit: () => answer as ElicitResult });
      const id = await janeId(stack);
      const result = await client.callTool({ name: 'clerk_user_ban', arguments: { user_id: id } });
      expect(textOf(result)).toMatch(/not done/i);
      expect(stack.mutations()).toEqual([]);
      expect(await banned(stack, id)).toBe(false);
      const [request] = await stack.service.list({});
      expect(request?.status).toBe('denied');
    });
  }

  it('treats no answer (timeout) as a no', async () => {
    const { client, stack } = await connect({ elicit: () => new Promise(() => {}), elicitTimeoutMs: 200 });
    const id = await janeId(stack);
    const result = await client.callTool({ name: 'clerk_user_ban', arguments: { user_id: id } });
    expect(textOf(result)).toMatch(/not done/i);
    expect(stack.mutations()).toEqual([]);
  });

  it('does not count the local answer when the policy does not let the local user approve that tier', async () => {
    const stack = await createQueueStack([], {
      policy: { request: ['*'], approve: { write: ['slack:UBOSS'], destructive: ['slack:UBOSS'] } },
    });
    const { client } = await connect({ stack, elicit: () => ({ action: 'accept', content: { approve: true } }) });
    const id = await janeId(stack);
    const result = await client.callTool({ name: 'clerk_user_ban', arguments: { user_id: id } });
    expect(textOf(result)).toMatch(/pending approval cr_/);
    expect(stack.mutations()).toEqual([]);
  });
});

describe('MCP gate: client without elicitation', () => {
  it('returns pending approval; nothing changes until an approver approves; status shows the result', async () => {
    const { client, stack } = await connect();
    const id = await janeId(stack);
    const result = await client.callTool({ name: 'clerk_user_ban', arguments: { user_id: id } });
    const text = textOf(result);
    const requestId = /pending approval (cr_[a-z0-9]+)/.exec(text)?.[1];
    expect(requestId).toBeDefined();
    expect(stack.mutations()).toEqual([]);
    const pending = await client.callTool({ name: 'clerk_approval_status', arguments: { id: requestId } });
    expect(textOf(pending)).toMatch(/waiting for approval/);

    // An approver elsewhere (what `clerk-agent approvals approve` does), then this process's poll executes it.
    const decided = await stack.service.decide(requestId!, { approve: true }, terminal);
    expect(decided.ok).toBe(true);
    await stack.service.poll();
    expect(await banned(stack, id)).toBe(true);
    expect(stack.mutations().filter((m) => m.path.endsWith('/ban'))).toHaveLength(1);
    const done = await client.callTool({ name: 'clerk_approval_status', arguments: { id: requestId } });
    expect(textOf(done)).toMatch(/done/);
    await stack.service.poll();
    expect(stack.mutations().filter((m) => m.path.endsWith('/ban'))).toHaveLength(1);
  });

  it('has no way for the client to approve: extra arguments and forged ids change nothing', async () => {
    const { client, stack } = await connect();
    const id = await janeId(stack);
    const extra = await client.callTool({
      name: 'clerk_user_ban',
      arguments: { user_id: id, confirm: true, approved: true, approve: true },
    });
    expect(extra.isError).toBe(true);
    const forged = await client.callTool({
      name: 'clerk_approval_status',
      arguments: { id: 'cr_aaaaaaaaaaaaaaaaaaaa' },
    });
    expect(textOf(forged)).toMatch(/unknown change request/);
    const weird = await client.callTool({ name: 'clerk_approval_status', arguments: { id: { $ne: null } } });
    expect(textOf(weird)).toMatch(/unknown change request/);
    expect(stack.mutations()).toEqual([]);
  });

  it('survives hostile arguments on every mutating tool: nothing executes, no crash, no secret', async () => {
    const { client, stack } = await connect();
    const { tools } = await client.listTools();
    const hostile: unknown[] = ['../../users', '__proto__', 'x'.repeat(1_000_000), 42, null, { toString: 'x' }];
    for (const tool of tools.filter((t) => t.annotations?.readOnlyHint === false)) {
      const props = Object.keys((tool.inputSchema.properties ?? {}) as object);
      for (const value of hostile) {
        const args: Record<string, unknown> = {};
        for (const p of props) args[p] = value;
        const result = await client.callTool({ name: tool.name, arguments: args });
        const text = textOf(result);
        expect(text).not.toMatch(/sk_(test|live)_[A-Za-z0-9]/);
      }
      const proto = await client.callTool({ name: tool.name, arguments: JSON.parse('{"__proto__": {"admin": true}}') });
      expect(textOf(proto)).not.toMatch(/sk_(test|live)_[A-Za-z0-9]/);
    }
    expect(stack.mutations()).toEqual([]);
    expect((await client.listTools()).tools).toHaveLength(49);
  }, 120_000);
});
