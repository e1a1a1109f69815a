/**
 * A long chat stays fast: one conversation of 500 requests (offline model + in-process sandbox, the REPL's path:
 * each request continues the previous state, every 10th a change approved and executed). Prints the median latency
 * of the first 50 and the last 50 requests, their ratio, RSS before and after, and how often the tokenizer ran.
 * Target: last-50 median within ±20 % of the first-50 median.
 */
import { createRegistry } from '../src/actions/registry.js';
import { createAuditLog } from '../src/agent/audit.js';
import { createAgent } from '../src/agent/create-agent.js';
import { loadSystemPrompt } from '../src/agent/prompt.js';
import type { RunOutcome, RunState } from '../src/agent/types.js';
import { createClerkClient } from '../src/clerk/client.js';
import { createOfflineModel } from '../src/llm/offline.js';
import { createSandbox } from '../src/sandbox/index.js';
import { tokenizerCalls } from '../src/util/tokens.js';

const REQUESTS = 500;
const WINDOW = 50;
const READS = [
  'list banned users',
  'who is jane@example.com?',
  'show the organizations',
  'who is in acme?',
  'list users who signed up this month',
  'show the pending invitations',
] as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Prints the figures. */
export async function run(log: (line: string) => void): Promise<void> {
  const sandbox = createSandbox({ seed: 'demo' });
  const clerk = createClerkClient({ secretKey: sandbox.secretKey, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
  const agent = createAgent({
    model: createOfflineModel(),
    registry: createRegistry(),
    clerk,
    audit: createAuditLog(),
    systemPrompt: loadSystemPrompt(),
  });
  const rssBefore = process.memoryUsage().rss;
  const latencies: number[] = [];
  const rssAt = new Map<number, number>();
  let state: RunState | undefined;
  let errors = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const mutation = i % 10 === 9;
    const input = mutation
      ? i % 20 === 19
        ? 'unlock jane@example.com'
        : 'lock jane@example.com'
      : READS[i % READS.length]!;
    const t = performance.now();
    let outcome: RunOutcome = await agent.run(input, { ...(state ? { state } : {}), requester: 'local:bench' });
    while (outcome.status === 'paused') {
      const decisions = outcome.pending.map((p) => ({
        approvalId: p.approvalId,
        callId: p.callId,
        action: p.action,
        argsDigest: p.argsDigest,
        approved: true,
        approver: 'local:bench',
      }));
      outcome = await agent.resume(outcome.state, decisions);
    }
    latencies.push(performance.now() - t);
    if (outcome.status === 'error') errors++;
    state = outcome.state;
    if (i + 1 === WINDOW || i + 1 === REQUESTS / 2 || i + 1 === REQUESTS) rssAt.set(i + 1, process.memoryUsage().rss);
  }
  const first = median(latencies.slice(0, WINDOW));
  const last = median(latencies.slice(-WINDOW));
  log(
    `long-chat: ${REQUESTS} requests in one chat (offline model, in-process sandbox, every 10th a change) — median ` +
      `first ${WINDOW} ${first.toFixed(2)} ms, last ${WINDOW} ${last.toFixed(2)} ms (×${(last / first).toFixed(2)}); ` +
      `target ×0.8–1.2`,
  );
  log(
    `long-chat: RSS ${mb(rssBefore)} at start, ${[...rssAt].map(([n, rss]) => `${mb(rss)} after ${n}`).join(', ')} ` +
      `(the tokenizer, ~100 MB, loads once the history outgrows the byte bound); history ${state?.messages.length ?? 0} messages; ` +
      `tokenizer runs ${tokenizerCalls()}; turns ending in error ${errors}`,
  );
  await sandbox.close();
}
