/**
 * Agent core figures: loop overhead per model step (scripted model + in-process sandbox, model time excluded),
 * and the token cost of what the model reads (compacted user vs raw; a compacted 100-user list page).
 * Targets: ≤ 2 ms median per step; ≥ 5× fewer tokens for a user; < 4,000 tokens for a 100-user page.
 */
import { createRegistry } from '../src/actions/registry.js';
import { createAuditLog } from '../src/agent/audit.js';
import { compact } from '../src/agent/compact.js';
import { createAgent } from '../src/agent/create-agent.js';
import { loadSystemPrompt } from '../src/agent/prompt.js';
import type { RunOutcome } from '../src/agent/types.js';
import { createClerkClient } from '../src/clerk/client.js';
import type { ChatModel, ModelResponse } from '../src/llm/model.js';
import { addGeneratedUsers, buildDemoState, createSandbox } from '../src/sandbox/index.js';
import { countTokens } from '../src/util/tokens.js';

const TURNS = 100;
/** Turns run first and not counted (JIT warm-up, first sandbox touches). */
const WARMUP = 15;
const STEPS_PER_TURN = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const int = (n: number) => n.toLocaleString('en-US');

/** A model whose answers are produced by `next`, with the time spent inside it measured (to subtract). */
function timedModel(next: (step: number) => ModelResponse) {
  let step = 0;
  const clock = { modelMs: 0 };
  const model: ChatModel = {
    name: 'bench-scripted',
    async complete() {
      const t = performance.now();
      const response = next(step++);
      clock.modelMs += performance.now() - t;
      return response;
    },
  };
  return { model, clock, reset: () => (step = 0) };
}

const call = (id: string, name: string, args: unknown): ModelResponse => ({
  message: { role: 'assistant', content: null, toolCalls: [{ id, name, arguments: JSON.stringify(args) }] },
  finishReason: 'tool_calls',
});
const text = (content: string): ModelResponse => ({ message: { role: 'assistant', content }, finishReason: 'stop' });

/** Prints the figures. */
export async function run(log: (line: string) => void): Promise<void> {
  const sandbox = createSandbox({ seed: 'demo' });
  const clerk = createClerkClient({ secretKey: sandbox.secretKey, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
  const registry = createRegistry();
  const systemPrompt = loadSystemPrompt();
  const users = (await clerk.request('GET', '/users', { query: { email_address: ['jane@example.com'] } })) as Array<
    Record<string, unknown>
  >;
  const jane = users[0]!;
  const janeId = jane.id as string;

  // 1. Read steps: users list → user get → … → final answer.
  const reads = timedModel((step) =>
    step < STEPS_PER_TURN - 1
      ? step % 2 === 0
        ? call(`l${step}`, 'clerk_users_list', { query: 'acme', limit: 10 })
        : call(`g${step}`, 'clerk_user_get', { user_id: janeId })
      : text('Done.'),
  );
  const readAgent = createAgent({ model: reads.model, registry, clerk, audit: createAuditLog(), systemPrompt });
  const readPerStep: number[] = [];
  for (let i = 0; i < WARMUP + TURNS; i++) {
    reads.reset();
    reads.clock.modelMs = 0;
    const t = performance.now();
    await readAgent.run('who is in acme?');
    if (i >= WARMUP) readPerStep.push((performance.now() - t - reads.clock.modelMs) / STEPS_PER_TURN);
  }

  // 2. A mutation step: preview reads, pause, resume with a yes, execute, audit, final answer (2 model steps).
  const writes = timedModel((step) =>
    step === 0 ? call('b', 'clerk_user_lock', { user_id: janeId }) : text('Locked.'),
  );
  const writeAgent = createAgent({ model: writes.model, registry, clerk, audit: createAuditLog(), systemPrompt });
  const writePerStep: number[] = [];
  for (let i = 0; i < WARMUP + TURNS; i++) {
    writes.reset();
    writes.clock.modelMs = 0;
    const t = performance.now();
    const paused = (await writeAgent.run('lock jane')) as Extract<RunOutcome, { status: 'paused' }>;
    const p = paused.pending[0]!;
    const decision = {
      approvalId: p.approvalId,
      callId: p.callId,
      action: p.action,
      argsDigest: p.argsDigest,
      approved: true,
      approver: 'bench',
    };
    await writeAgent.resume(paused.state, [decision]);
    if (i >= WARMUP) writePerStep.push((performance.now() - t - writes.clock.modelMs) / 2);
    await clerk.request('POST', `/users/${janeId}/unlock`);
  }
  log(
    `agent: loop overhead per step (scripted model, in-process sandbox, model time excluded) — median ${fmt(median(readPerStep))} ` +
      `(read steps), ${fmt(median(writePerStep))} (mutation: preview + pause + approve + execute + audit; per model step); target ≤ 2 ms`,
  );

  // 3. Tokens: one user, raw vs compacted.
  const rawUserTokens = countTokens(JSON.stringify(jane));
  const compactUserTokens = countTokens(JSON.stringify(compact(jane)));
  log(
    `agent: Clerk user (Jane Doe) — raw ${int(rawUserTokens)} tokens, compacted ${int(compactUserTokens)} tokens, ` +
      `${(rawUserTokens / compactUserTokens).toFixed(1)}× fewer; target ≥ 5×`,
  );

  // 4. Tokens: a 100-user page (newest first) from the demo seed plus the sandbox's generated bulk users.
  const now = Date.now();
  const big = createSandbox({ seed: addGeneratedUsers(buildDemoState(now), 200, now), now: () => now });
  const bigClerk = createClerkClient({ secretKey: big.secretKey, baseUrl: big.baseUrl, fetch: big.fetch });
  const page = await bigClerk.request('GET', '/users', { query: { limit: 100 } });
  const pageTokens = countTokens(JSON.stringify(compact(page, { limit: 100 })));
  const rawPageTokens = countTokens(JSON.stringify(page));
  const fullPageTokens = countTokens(JSON.stringify((page as unknown[]).map((u) => compact(u))));
  log(
    `agent: 100-user list page — compacted ${int(pageTokens)} tokens (raw ${int(rawPageTokens)}; with full user ` +
      `projections it would be ${int(fullPageTokens)}); target < 4,000`,
  );
  await big.close();
  await sandbox.close();
}
