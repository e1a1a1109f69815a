/**
 * The gate, checked by behaviour (this replaces a source-regex test that could not see a mutation sent straight to
 * the Clerk client). A Clerk client double wraps the real client over the sandbox and counts every mutating use of
 * it: `execute` of a non-read action and `request` with any method but GET. Every way into the agent that could
 * execute without a matching yes is driven, and each must leave the count at zero; the one path with a matching yes
 * must count exactly the approved calls.
 */
import { describe, expect, it } from 'vitest';
import { allActions } from '../../src/actions/index.js';
import { createRegistry } from '../../src/actions/registry.js';
import { createMutationExecutor } from '../../src/agent/approval.js';
import { createAuditLog } from '../../src/agent/audit.js';
import { createClerkReader } from '../../src/agent/clerk-reader.js';
import { createAgent, type AgentDeps } from '../../src/agent/create-agent.js';
import type { Decision, PendingCall, RunOutcome, RunState } from '../../src/agent/types.js';
import { createClerkClient } from '../../src/clerk/client.js';
import type { ClerkClient } from '../../src/clerk/types.js';
import type { ScriptedTurn } from '../../src/llm/scripted.js';
import { createScriptedModel } from '../../src/llm/scripted.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { approveAll, assistantText, decide, toolCall, toolCalls } from '../support/builders.js';

type Paused = Extract<RunOutcome, { status: 'paused' }>;

/** The real client over a fresh demo sandbox, wrapped so every mutating use is counted (and still performed). */
function countingClient() {
  const sandbox = createSandbox({ seed: 'demo' });
  const real = createClerkClient({ secretKey: sandbox.secretKey, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
  const mutations: string[] = [];
  const clerk: ClerkClient = {
    baseUrl: real.baseUrl,
    live: real.live,
    execute(action, args, options) {
      if (action.risk !== 'read' || action.method !== 'GET') mutations.push(`execute ${action.name}`);
      return real.execute(action, args, options);
    },
    request(method, path, options) {
      if (method.toUpperCase() !== 'GET') mutations.push(`request ${method} ${path}`);
      return real.request(method, path, options);
    },
  };
  return { clerk, real, sandbox, mutations };
}

function agentOver(clerk: ClerkClient, turns: ScriptedTurn[], extra: Partial<AgentDeps> = {}) {
  const model = createScriptedModel(turns);
  const audit = createAuditLog();
  return createAgent({ model, registry: createRegistry(), clerk, audit, systemPrompt: 's', ...extra });
}

async function janeId(real: ClerkClient): Promise<string> {
  const users = (await real.request('GET', '/users', { query: { email_address: ['jane@example.com'] } })) as Array<{
    id: string;
  }>;
  return users[0]!.id;
}

const ok = (n = 4) => Array.from({ length: n }, () => assistantText('ok'));

async function pausedBan(extra: Partial<AgentDeps> = {}) {
  const c = countingClient();
  const jane = await janeId(c.real);
  const agent = agentOver(c.clerk, [toolCalls([toolCall('clerk_user_ban', { user_id: jane }, 'ban')]), ...ok()], extra);
  const paused = (await agent.run('ban jane')) as Paused;
  expect(paused.status).toBe('paused');
  return { ...c, agent, paused, call: paused.pending[0]! };
}

describe('no mutation without a matching yes (counted at the Clerk client)', () => {
  it('building the card of every mutating action (its reads included) sends no mutation', async () => {
    const c = countingClient();
    const jane = await janeId(c.real);
    const mutating = allActions.filter((a) => a.risk !== 'read');
    for (const action of mutating) {
      const args: Record<string, unknown> = {};
      for (const key of Object.keys(action.params.shape)) if (key.endsWith('_id')) args[key] = jane;
      const agent = agentOver(c.clerk, [toolCalls([toolCall(action.name, args, 'x')]), ...ok()]);
      await agent.run(`do ${action.name}`);
    }
    expect(mutating.length).toBeGreaterThan(25);
    expect(c.mutations).toEqual([]);
  });

  it('a paused run, resumed with no decision, a no, or decisions that do not match exactly: nothing', async () => {
    const wrong: Array<(call: PendingCall) => Decision[] | unknown[]> = [
      () => [],
      (call) => [decide(call, false)],
      (call) => [{ ...decide(call, true), argsDigest: '0'.repeat(64) }],
      (call) => [{ ...decide(call, true), action: 'clerk_user_unban' }],
      (call) => [{ ...decide(call, true), callId: 'other' }],
      (call) => [{ ...decide(call, true), approvalId: 'other' }],
      (call) => [{ ...decide(call, true), approved: 'true' }],
      (call) => [decide(call, true), decide(call, false)],
      () => [null, 'yes', 42],
    ];
    for (const decisions of wrong) {
      const { agent, paused, call, mutations } = await pausedBan();
      await agent.resume(paused.state, decisions(call) as Decision[]);
      expect(mutations, JSON.stringify(decisions(call))).toEqual([]);
    }
  });

  it('cancel, a new request while paused, and dry run with a yes: nothing', async () => {
    const a = await pausedBan();
    await a.agent.cancel(a.paused.state, 'Ctrl-C');
    expect(a.mutations).toEqual([]);

    const b = await pausedBan();
    await b.agent.run('actually, never mind', { state: b.paused.state });
    expect(b.mutations).toEqual([]);

    const d = await pausedBan({ dryRun: true });
    await d.agent.resume(d.paused.state, approveAll(d.paused.pending));
    expect(d.mutations).toEqual([]);
  });

  it('a yes runs exactly the approved call, once: a replayed copy of the paused state runs nothing', async () => {
    const { agent, paused, mutations } = await pausedBan();
    const stale = JSON.parse(JSON.stringify(paused.state)) as RunState;
    await agent.resume(paused.state, approveAll(paused.pending));
    expect(mutations).toEqual(['execute clerk_user_ban']);
    await agent.resume(stale, approveAll(stale.pending));
    expect(mutations).toHaveLength(1);
  });

  it('the read-only view refuses every mutating action, and the executor refuses anything but a minted approval', async () => {
    const c = countingClient();
    const jane = await janeId(c.real);
    const reader = createClerkReader(c.clerk);
    for (const action of allActions.filter((a) => a.risk !== 'read')) {
      await expect(reader.read(action, { user_id: jane })).rejects.toThrow(/reads only/);
    }
    const execute = createMutationExecutor(c.clerk);
    const ban = allActions.find((a) => a.name === 'clerk_user_ban')!;
    const { paused } = await pausedBan();
    const forged = { call: paused.pending[0]!, approver: 'mallory' };
    await expect(execute(forged, ban)).rejects.toThrow(/without a matching approval/);
    expect(c.mutations).toEqual([]);
  });
});
