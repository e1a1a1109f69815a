/**
 * Posting and refreshing approval cards, and reporting a run's outcome in its thread. Every refresh re-reads the
 * request from the queue and renders it whole (serialized per card), so concurrent clicks, the poller and a
 * decision made elsewhere can never leave a card showing an older state than the store.
 */
import type { ExecuteResult } from '../../approvals/service.js';
import { FINAL } from '../../approvals/records.js';
import type { ChangeRequest } from '../../approvals/types.js';
import type { RunOutcome } from '../../agent/types.js';
import { renderAnswer } from './answer.js';
import { renderApproveAll, renderCard } from './card.js';
import type { BotContext } from './context.js';
import { countWords, escapeMrkdwn, truncate } from './mrkdwn.js';
import type { ThreadRecord } from './threads.js';

/** Posts one card per request (in the thread, or in the approvers channel with a link from the thread). */
export async function postCards(ctx: BotContext, thread: ThreadRecord, requests: ChangeRequest[]): Promise<void> {
  const approvers = ctx.config.approversChannel;
  for (const [index, request] of requests.entries()) {
    const card = await ctx.service.card(request.id);
    if (!card) continue;
    const { text, blocks } = renderCard(card, { index, total: requests.length, now: ctx.now() });
    const ref = approvers
      ? await ctx.slack.postMessage({ channel: approvers, text, blocks })
      : await ctx.slack.postMessage({ channel: thread.channel, threadTs: thread.threadTs, text, blocks });
    ctx.threads.saveCard(request.id, { ...ref, threadKey: thread.key, index, total: requests.length });
    if (approvers) {
      const link = await ctx.slack.permalink(ref);
      await ctx.slack.postMessage({
        channel: thread.channel,
        threadTs: thread.threadTs,
        text: `Approval card ${index + 1} of ${requests.length} is in <#${approvers}>${link ? ` (<${link}|open it>)` : ''}.`,
      });
    }
  }
  const runId = requests[0]?.runId;
  if (runId) {
    const record = { threadKey: thread.key, ...(ctx.threads.run(runId) ?? {}) };
    if (requests.length > 1) {
      const { text, blocks } = renderApproveAll(runId, requests.length);
      const channel = approvers ?? thread.channel;
      record.approveAll = await ctx.slack.postMessage({
        channel,
        text,
        blocks,
        ...(approvers ? {} : { threadTs: thread.threadTs }),
      });
    }
    ctx.threads.saveRun(runId, record);
  }
}

/** Re-renders the card of `requestId` from the store (no-op when the bot never posted it). */
export function syncCard(ctx: BotContext, requestId: string): Promise<void> {
  return ctx.serial(`card:${requestId}`, async () => {
    const where = ctx.threads.card(requestId);
    if (!where) return;
    const card = await ctx.service.card(requestId);
    if (!card) return;
    const { text, blocks } = renderCard(card, { index: where.index, total: where.total, now: ctx.now() });
    await ctx.slack.update({ channel: where.channel, ts: where.ts, text, blocks });
    if (card.request.runId && card.request.status !== 'pending') await closeApproveAll(ctx, card.request.runId);
  });
}

/** Removes the "Approve all" button once nothing in the run is pending. */
async function closeApproveAll(ctx: BotContext, runId: string): Promise<void> {
  const run = ctx.threads.run(runId);
  if (!run?.approveAll) return;
  const pending = await ctx.service.list({ runId, status: ['pending'] });
  if (pending.length > 0) return;
  const all = await ctx.service.list({ runId });
  const ref = run.approveAll;
  ctx.threads.saveRun(runId, { threadKey: run.threadKey, ...(run.reported ? { reported: true } : {}) });
  await ctx.slack.update({
    channel: ref.channel,
    ts: ref.ts,
    text: `All ${countWords(all.length, 'change')} of this request have been decided (see each card).`,
  });
}

/** Executes a decided run and reports it: cards updated, the truthful summary in the thread, new cards if it paused. */
export async function executeAndReport(ctx: BotContext, requestId: string): Promise<ExecuteResult> {
  const runId = (await ctx.service.get(requestId))?.runId ?? null;
  if (runId) ctx.executing.add(runId);
  try {
    return await executeAndReportRun(ctx, requestId, runId);
  } finally {
    if (runId) ctx.executing.delete(runId);
  }
}

async function executeAndReportRun(ctx: BotContext, requestId: string, runId: string | null): Promise<ExecuteResult> {
  const result = await ctx.service.execute(requestId);
  const record = runId ? ctx.threads.run(runId) : undefined;
  if (runId && record && result.ok) ctx.threads.saveRun(runId, { ...record, reported: true });
  if (!result.ok) {
    if (result.code !== 'busy' && result.code !== 'finished')
      ctx.log('warn', `execute ${requestId}: ${result.message}`);
    await syncCard(ctx, requestId);
    return result;
  }
  for (const r of result.requests) await syncCard(ctx, r.id);
  const threadKey = record?.threadKey || ctx.threads.card(requestId)?.threadKey;
  const thread = threadKey ? ctx.threads.thread(threadKey) : undefined;
  if (!thread) return result;
  await reportOutcome(ctx, thread, result.outcome, result.next);
  return result;
}

/** Posts a finished (or re-paused) run's outcome in its thread and remembers the conversation state. */
export async function reportOutcome(
  ctx: BotContext,
  thread: ThreadRecord,
  outcome: RunOutcome,
  next: ChangeRequest[] = [],
): Promise<void> {
  const base: ThreadRecord = {
    key: thread.key,
    channel: thread.channel,
    threadTs: thread.threadTs,
    state: outcome.state,
    updatedAt: ctx.now().toISOString(),
  };
  if (outcome.status === 'done') {
    ctx.threads.saveThread(base);
    await ctx.slack.postMessage({
      channel: thread.channel,
      threadTs: thread.threadTs,
      text: renderAnswer(outcome.summary),
    });
  } else if (outcome.status === 'error') {
    ctx.threads.saveThread(base);
    await ctx.slack.postMessage({
      channel: thread.channel,
      threadTs: thread.threadTs,
      text: `:warning: ${escapeMrkdwn(truncate(outcome.error, 500))}`,
    });
  } else {
    const waiting = next[0]?.runId;
    ctx.threads.saveThread({ ...base, ...(waiting ? { waitingRunId: waiting } : {}) });
    await ctx.slack.postMessage({
      channel: thread.channel,
      threadTs: thread.threadTs,
      text: `The next step needs approval: ${countWords(next.length, 'change')}.`,
    });
    await postCards(ctx, { ...base, ...(waiting ? { waitingRunId: waiting } : {}) }, next);
  }
}

/**
 * A run that finished without this process reporting it (decided and executed elsewhere, e.g. by
 * `clerk-agent approvals approve`, or expired): a summary from the stored request statuses, posted once.
 */
export async function reportFromStore(ctx: BotContext, request: ChangeRequest): Promise<void> {
  const runId = request.runId;
  if (!runId || !FINAL.has(request.status) || ctx.executing.has(runId)) return;
  await ctx.serial(`run:${runId}`, async () => {
    const run = ctx.threads.run(runId);
    if (!run || run.reported || ctx.executing.has(runId)) return;
    const all = await ctx.service.list({ runId });
    if (all.length === 0 || !all.every((r) => FINAL.has(r.status))) return;
    const thread = ctx.threads.thread(run.threadKey);
    ctx.threads.saveRun(runId, { ...run, reported: true });
    if (!thread) return;
    const lines = all.map(
      (r) => `• ${escapeMrkdwn(truncate(r.preview.text, 200))}: ${escapeMrkdwn(ctx.service.statusText(r))}`,
    );
    const done = all.filter((r) => r.status === 'executed').length;
    const head = done === all.length ? 'Done' : done === 0 ? 'Nothing was changed' : `Done: ${done} of ${all.length}`;
    await ctx.slack.postMessage({
      channel: thread.channel,
      threadTs: thread.threadTs,
      text: `*${head}:*\n${lines.join('\n')}`,
    });
    if (thread.waitingRunId === runId) {
      // The run finished in another process; its conversation state is not ours to continue: start afresh.
      ctx.threads.saveThread({
        key: thread.key,
        channel: thread.channel,
        threadTs: thread.threadTs,
        updatedAt: ctx.now().toISOString(),
      });
    }
  });
}
