/**
 * The terminal on the approval queue: a paused run becomes change requests, the person at the terminal decides
 * them as the local terminal identity under the policy, and the run executes through the queue (the same path a
 * Slack click or an `approvals approve` takes). With the default policy this looks exactly like the old prompt;
 * when the policy wants someone else too (four-eyes), the terminal waits for that decision, and Ctrl-C cancels.
 */
import { formatIdentity } from '../../approvals/identity.js';
import type { ApprovalService } from '../../approvals/service.js';
import type { ChangeRequest, Identity } from '../../approvals/types.js';
import type { Agent, EventSink, RunOutcome } from '../../agent/types.js';
import { askApprovals } from './confirm.js';
import type { Output } from './output.js';
import type { Prompter } from './prompt.js';
import type { Transcript } from './transcript.js';
// turn.ts calls into this module too; only functions cross, at call time, so the cycle is harmless.
import { oneLine } from './turn.js';

type Paused = Extract<RunOutcome, { status: 'paused' }>;

export interface QueueTurnContext {
  agent: Agent;
  approvals: ApprovalService;
  identity: Identity;
  conversationId: string;
  out: Output;
  prompter: Prompter;
  transcript?: Transcript;
  signal: AbortSignal;
  onEvent: EventSink;
  /** Reason recorded when the person cancels (Ctrl-C). */
  cancelReason: string;
  /** How often to look for decisions made elsewhere while waiting (default 250 ms). */
  waitPollMs?: number;
}

/** Settles a paused outcome through the queue until the turn is done, failed, or cancelled. */
export async function settleThroughQueue(
  first: Paused,
  ctx: QueueTurnContext,
): Promise<{ outcome: RunOutcome; cancelled: boolean }> {
  const { approvals, identity } = ctx;
  let outcome: Paused = first;
  let requests: ChangeRequest[];
  try {
    requests = await approvals.submitRun(outcome, { requester: identity, conversationId: ctx.conversationId });
  } catch (error) {
    // The queue refused the request (the policy does not let this person ask): deny everything pending through the
    // agent, so the denial is audited and the summary says nothing was done.
    const reason = oneLine(error);
    ctx.out.line(ctx.out.colors.yellow(reason));
    return { outcome: await ctx.agent.cancel(outcome.state, reason, { onEvent: ctx.onEvent }), cancelled: false };
  }
  for (;;) {
    const runId = requests[0]!.runId!;
    // Keep this run ours while the person reads the card: another process takes a run over only when its owner's
    // heartbeat is stale.
    const beat = setInterval(() => void approvals.heartbeat(runId).catch(() => undefined), 5_000);
    beat.unref();
    try {
      const step = await settleOnce(ctx, runId, outcome, requests);
      if ('done' in step) return step.done;
      outcome = step.outcome;
      requests = step.requests;
    } finally {
      clearInterval(beat);
    }
  }
}

/** One round: ask, decide, wait for others, execute. */
async function settleOnce(
  ctx: QueueTurnContext,
  runId: string,
  outcome: Paused,
  requests: ChangeRequest[],
): Promise<{ done: { outcome: RunOutcome; cancelled: boolean } } | { outcome: Paused; requests: ChangeRequest[] }> {
  const { approvals, identity, out, signal } = ctx;
  const c = out.colors;
  let reason = ctx.cancelReason;
  let answer: Awaited<ReturnType<typeof askApprovals>> | { kind: 'cancelled' };
  try {
    answer = signal.aborted
      ? { kind: 'cancelled' }
      : await askApprovals(outcome.pending, {
          out,
          prompter: ctx.prompter,
          approver: formatIdentity(identity),
          signal,
        });
  } catch (error) {
    // A failing prompt (terminal gone) is a "no": everything pending is cancelled through the queue and agent.
    reason = `the approval prompt failed (${oneLine(error)})`;
    answer = { kind: 'cancelled' };
  }
  if (answer.kind === 'cancelled') return { done: await cancel(ctx, runId, outcome, reason) };
  ctx.transcript?.record({ kind: 'decisions', decisions: answer.decisions });
  for (const d of answer.decisions) {
    const request = requests.find((r) => r.approvalId === d.approvalId && r.callId === d.callId);
    if (!request) continue;
    const result = await approvals.decide(
      request.id,
      { approve: d.approved, argsDigest: d.argsDigest, ...(d.reason ? { reason: d.reason } : {}) },
      identity,
    );
    if (!result.ok) out.line(c.yellow(result.message));
  }
  if (!(await waitForDecisions(ctx, runId))) return { done: await cancel(ctx, runId, outcome, ctx.cancelReason) };
  const result = await approvals.execute(runId, { signal, onEvent: ctx.onEvent });
  if (!result.ok) {
    // Say what the queue knows (another process may have carried it out), not just that this one did not.
    const known = (await approvals.list({ runId })).map((r) => `${r.preview.text}: ${approvals.statusText(r)}`);
    const error = [result.message, ...known].join(' ');
    return { done: { outcome: { status: 'error', state: outcome.state, error }, cancelled: false } };
  }
  if (result.outcome.status !== 'paused') return { done: { outcome: result.outcome, cancelled: false } };
  return { outcome: result.outcome, requests: result.next };
}

async function cancel(
  ctx: QueueTurnContext,
  runId: string,
  outcome: Paused,
  reason: string,
): Promise<{ outcome: RunOutcome; cancelled: boolean }> {
  ctx.out.line(ctx.out.colors.yellow('Cancelled: the pending changes are denied and will not run.'));
  ctx.transcript?.record({ kind: 'note', text: reason });
  const result = await ctx.approvals.cancel(runId, reason, ctx.identity, { onEvent: ctx.onEvent });
  return {
    outcome: result.ok ? result.outcome : { status: 'error', state: outcome.state, error: result.message },
    cancelled: true,
  };
}

/** Waits until no request of the run is pending; false when Ctrl-C came first. */
async function waitForDecisions(ctx: QueueTurnContext, runId: string): Promise<boolean> {
  let told = false;
  for (;;) {
    const open = await ctx.approvals.list({ runId, status: ['pending'] });
    if (open.length === 0) return true;
    if (ctx.signal.aborted) return false;
    await ctx.approvals.heartbeat(runId);
    if (!told) {
      told = true;
      tellWaiting(ctx, open);
    }
    await sleep(ctx.waitPollMs ?? 250, ctx.signal);
  }
}

function tellWaiting(ctx: QueueTurnContext, open: ChangeRequest[]): void {
  const c = ctx.out.colors;
  ctx.out.spinner.stop();
  for (const r of open) ctx.out.line(c.yellow(`Waiting: ${r.id} (${r.preview.text}): ${ctx.approvals.statusText(r)}.`));
  ctx.out.line(
    c.dim(
      `Another approver can decide with: clerk-agent approvals approve ${open[0]!.id} (or in Slack). Ctrl-C cancels.`,
    ),
  );
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
