/**
 * Approval queue figures, per store: decide → executed latency (p50/p99: one approval, the claim, the agent resume
 * with its closing model turn, the result written back), and change requests per second through one host with 50
 * concurrent conversations (run → submit → decide → execute, scripted model, in-process sandbox).
 *
 * Stores come from factories: the embedded store always; more (Postgres) from `bench/approvals-stores.ts` when that
 * module exists and exports `extraStoreFactories(): Promise<StoreFactory[]>`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRegistry } from '../src/actions/registry.js';
import { buildPolicy } from '../src/approvals/policy.js';
import { createQueueAudit } from '../src/approvals/queue-audit.js';
import { createApprovalService } from '../src/approvals/service.js';
import { createEmbeddedStore } from '../src/approvals/store-embedded.js';
import type { ApprovalStore, Identity } from '../src/approvals/types.js';
import { createAuditLog } from '../src/agent/audit.js';
import { createAgent } from '../src/agent/create-agent.js';
import { createClerkClient } from '../src/clerk/client.js';
import type { ChatModel, ModelRequest, ModelResponse } from '../src/llm/model.js';
import { createSandbox } from '../src/sandbox/index.js';

/** How the bench gets a fresh, empty store (and cleans up after). */
export interface StoreFactory {
  name: string;
  open(): Promise<ApprovalStore>;
  cleanup?(): Promise<void>;
}

const LATENCY_SAMPLES = 200;
const WARMUP = 20;
const CONVERSATIONS = 50;
const ROUNDS = 6;

const carol: Identity = { via: 'slack', id: 'UCAROL', name: 'Carol' };
const alice: Identity = { via: 'slack', id: 'UALICE', name: 'Alice' };
const POLICY = buildPolicy(
  {
    users: { alice: { identities: ['slack:UALICE'] }, carol: { identities: ['slack:UCAROL'] } },
    request: ['carol'],
    approve: { write: ['alice'], destructive: ['alice'] },
  },
  { live: false, source: 'bench policy' },
);

/**
 * Invites the address named in the last user message; after the tool result, one closing sentence. Stateless, so
 * one copy serves every run (the concurrency tests script their model with it too).
 */
export function inviteNamedAddress(request: ModelRequest): ModelResponse {
  const last = request.messages.at(-1);
  if (last?.role === 'tool') return { message: { role: 'assistant', content: 'Invited.' }, finishReason: 'stop' };
  const text = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const email = /\S+@\S+/.exec(String(text))?.[0] ?? 'nobody@example.com';
  return {
    message: {
      role: 'assistant',
      content: null,
      toolCalls: [
        { id: 'call_inv', name: 'clerk_invitation_create', arguments: JSON.stringify({ email_address: email }) },
      ],
    },
    finishReason: 'tool_calls',
  };
}

const inviter: ChatModel = { name: 'bench-scripted', complete: async (request) => inviteNamedAddress(request) };

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function stackFor(factory: StoreFactory) {
  const sandbox = createSandbox({ seed: 'demo' });
  const clerk = createClerkClient({ secretKey: sandbox.secretKey, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
  const registry = createRegistry();
  const agent = createAgent({ model: inviter, registry, clerk, audit: createAuditLog(), systemPrompt: 'bench' });
  const store = await factory.open();
  const service = createApprovalService({
    store,
    policy: POLICY,
    agent,
    registry,
    clerk,
    audit: createQueueAudit(),
    key: Buffer.from('bench-key-bench-key-bench-key-32'),
  });
  return { sandbox, agent, service };
}

/** Benchmarks one store and prints its figures. */
export async function benchStore(factory: StoreFactory, log: (line: string) => void): Promise<void> {
  // 1. decide → executed latency.
  {
    const { sandbox, agent, service } = await stackFor(factory);
    const samples: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES + WARMUP; i++) {
      const outcome = await agent.run(`invite lat${i}@example.com`, { requester: 'slack:UCAROL' });
      const [request] = await service.submitRun(outcome, { requester: carol, conversationId: `lat_${i}` });
      const t = performance.now();
      const decided = await service.decide(request!.id, { approve: true }, alice);
      const result = await service.execute(request!.id);
      const took = performance.now() - t;
      if (!decided.ok || !result.ok || result.requests[0]?.status !== 'executed') throw new Error('not executed');
      if (i >= WARMUP) samples.push(took);
    }
    log(
      `${factory.name}: decide → executed latency p50 ${ms(pct(samples, 50))}, p99 ${ms(pct(samples, 99))} (${LATENCY_SAMPLES} requests)`,
    );
    await service.close();
    await sandbox.close();
  }
  // 2. Throughput with 50 concurrent conversations.
  {
    const { sandbox, agent, service } = await stackFor(factory);
    const t = performance.now();
    await Promise.all(
      Array.from({ length: CONVERSATIONS }, async (_, c) => {
        let state: Awaited<ReturnType<typeof agent.run>>['state'] | undefined;
        for (let round = 0; round < ROUNDS; round++) {
          const outcome = await agent.run(`invite c${c}r${round}@example.com`, {
            requester: 'slack:UCAROL',
            ...(state ? { state } : {}),
          });
          const [request] = await service.submitRun(outcome, { requester: carol, conversationId: `conv_${c}` });
          await service.decide(request!.id, { approve: true }, alice);
          const result = await service.execute(request!.id);
          if (!result.ok || result.requests[0]?.status !== 'executed') throw new Error('not executed');
          state = result.outcome.state;
        }
      }),
    );
    const seconds = (performance.now() - t) / 1000;
    const total = CONVERSATIONS * ROUNDS;
    const writes = sandbox.requests.filter((r) => r.method !== 'GET').length;
    if (writes !== total) throw new Error(`expected ${total} writes at the sandbox, saw ${writes}`);
    log(
      `${factory.name}: ${(total / seconds).toFixed(1)} change requests/s through one host (${CONVERSATIONS} concurrent conversations × ${ROUNDS}, each run → submit → decide → execute; ${total} writes at the sandbox)`,
    );
    await service.close();
    await sandbox.close();
  }
  await factory.cleanup?.();
}

/** The embedded store in a fresh temp folder (fsync on, as in production). */
export function embeddedFactory(): StoreFactory {
  const dirs: string[] = [];
  return {
    name: 'embedded',
    async open() {
      const dir = mkdtempSync(path.join(tmpdir(), 'bench-approvals-'));
      dirs.push(dir);
      return createEmbeddedStore({ dataDir: dir });
    },
    async cleanup() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Prints the figures for every available store. */
export async function run(log: (line: string) => void): Promise<void> {
  const factories: StoreFactory[] = [embeddedFactory()];
  try {
    const specifier = './approvals-stores.js';
    const extra = (await import(specifier)) as { extraStoreFactories?: () => Promise<StoreFactory[]> };
    if (extra.extraStoreFactories) factories.push(...(await extra.extraStoreFactories()));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
  for (const factory of factories) await benchStore(factory, log);
}
