/**
 * The real stack for agent tests: demo-seeded in-process sandbox, the real Clerk client and registry, a scripted
 * model, an audit log and an event recorder. Tests prove safety with `sandbox.requests` and `sandbox.snapshot()`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRegistry } from '../../src/actions/registry.js';
import { createAuditLog, type AuditLog, type DurableAppend } from '../../src/agent/audit.js';
import { createAgent, type AgentDeps } from '../../src/agent/create-agent.js';
import { loadSystemPrompt } from '../../src/agent/prompt.js';
import type { Agent, AgentEvent } from '../../src/agent/types.js';
import { createClerkClient } from '../../src/clerk/client.js';
import type { ClerkClient } from '../../src/clerk/types.js';
import type { ChatModel } from '../../src/llm/model.js';
import { createScriptedModel, type ScriptedModel, type ScriptedTurn } from '../../src/llm/scripted.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';

export interface Harness {
  agent: Agent;
  model: ScriptedModel;
  sandbox: Sandbox;
  clerk: ClerkClient;
  audit: AuditLog;
  auditFile: string;
  events: AgentEvent[];
  /** Pass as `onEvent`. */
  record: (event: AgentEvent) => void;
  /** Every non-GET request the sandbox has received since the harness was built (attempts count, failed or not). */
  mutations(): Array<{ method: string; path: string; status: number }>;
  /** A user's id by primary email (a read through the client, not the agent). */
  userId(email: string): Promise<string>;
  orgId(slug: string): Promise<string>;
  /** The raw Clerk user. */
  user(id: string): Promise<Record<string, unknown>>;
}

export interface HarnessOptions
  extends Partial<Omit<AgentDeps, 'model' | 'registry' | 'clerk' | 'audit' | 'systemPrompt'>> {
  /** Reuse a sandbox (e.g. to resume in a "new process" against the same backend). */
  sandbox?: Sandbox;
  /** Drive the agent with this model instead of the scripted one (e.g. the OpenAI adapter). */
  model?: ChatModel;
  /** Wraps the sandbox's fetch (e.g. to lose a reply after the sandbox applied a write). */
  wrapFetch?: (inner: typeof fetch) => typeof fetch;
  /** Replaces the audit's durable append (e.g. to simulate ENOSPC). */
  auditAppend?: DurableAppend;
  /** Overall deadline per Clerk request. */
  clerkTimeoutMs?: number;
}

/** Builds the stack around a scripted model with `turns`. */
export function createHarness(turns: ScriptedTurn[], options: HarnessOptions = {}): Harness {
  const { sandbox: given, model: realModel, wrapFetch, auditAppend, clerkTimeoutMs, ...deps } = options;
  const sandbox = given ?? createSandbox({ seed: 'demo' });
  const clerk = createClerkClient({
    secretKey: sandbox.secretKey,
    baseUrl: sandbox.baseUrl,
    fetch: wrapFetch ? wrapFetch(sandbox.fetch) : sandbox.fetch,
    ...(clerkTimeoutMs ? { timeoutMs: clerkTimeoutMs } : {}),
  });
  const auditFile = path.join(mkdtempSync(path.join(tmpdir(), 'agent-audit-')), 'audit.jsonl');
  const audit = createAuditLog({ file: auditFile, ...(auditAppend ? { append: auditAppend } : {}) });
  const model = createScriptedModel(turns);
  const agent = createAgent({
    model: realModel ?? model,
    registry: createRegistry(),
    clerk,
    audit,
    systemPrompt: loadSystemPrompt(),
    ...deps,
  });
  const events: AgentEvent[] = [];
  const seenRequests = sandbox.requests.length;

  const harness: Harness = {
    agent,
    model,
    sandbox,
    clerk,
    audit,
    auditFile,
    events,
    record: (event) => events.push(event),
    mutations: () =>
      sandbox.requests
        .slice(seenRequests)
        .filter((r) => r.method !== 'GET')
        .map(({ method, path, status }) => ({ method, path, status })),
    async userId(email) {
      const users = (await clerk.request('GET', '/users', { query: { email_address: [email] } })) as Array<{
        id: string;
      }>;
      if (!users[0]) throw new Error(`no user ${email} in the demo seed`);
      return users[0].id;
    },
    async orgId(slug) {
      const org = (await clerk.request('GET', `/organizations/${slug}`)) as { id: string };
      return org.id;
    },
    async user(id) {
      return (await clerk.request('GET', `/users/${id}`)) as Record<string, unknown>;
    },
  };
  return harness;
}
