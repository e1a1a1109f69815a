/**
 * One request from Slack (an @mention, a DM, or `/clerk`): the agent runs in the request's thread, progress edits
 * one status message, the answer replaces it, and changes become approval cards through the approval queue. One
 * request per thread at a time; a thread whose changes are still waiting takes no new request (the stored run
 * would otherwise continue from a conversation the thread no longer has).
 */
import { ApprovalError } from '../../approvals/service.js';
import type { Identity } from '../../approvals/types.js';
import type { AgentEvent, RunOutcome } from '../../agent/types.js';
import { renderAnswer } from './answer.js';
import { postCards } from './card-posts.js';
import type { BotContext } from './context.js';
import { countWords, escapeMrkdwn, truncate } from './mrkdwn.js';
import { createStatusMessage } from './progress.js';
import type { ThreadRecord } from './threads.js';

export interface SlackRequest {
  channel: string;
  /** The thread the answer goes into (the request message's ts when it started a thread). */
  threadTs: string;
  user: string;
  text: string;
}

/** Words for a tool the agent is calling, e.g. `clerk_users_list` → "users list". */
function describeTool(action: string): string {
  return escapeMrkdwn(action.replace(/^clerk_/, '').replace(/_/g, ' '));
}

/** Runs one request; never throws (failures are told in the thread). */
export function handleRequest(ctx: BotContext, request: SlackRequest): Promise<void> {
  const key = `${request.channel}:${request.threadTs}`;
  return ctx.serial(`thread:${key}`, async () => {
    try {
      await runRequest(ctx, key, request);
    } catch (error) {
      ctx.log('error', `request in ${key} failed: ${(error as Error).message}`);
      await ctx.slack
        .postMessage({
          channel: request.channel,
          threadTs: request.threadTs,
          text: ':warning: Something went wrong on my side; nothing further was changed. The error is in the bot log.',
        })
        .catch(() => undefined);
    }
  });
}

async function runRequest(ctx: BotContext, key: string, request: SlackRequest): Promise<void> {
  const previous = ctx.threads.thread(key);
  const thread: ThreadRecord = previous ?? {
    key,
    channel: request.channel,
    threadTs: request.threadTs,
    updatedAt: ctx.now().toISOString(),
  };
  if (previous?.waitingRunId) {
    const pending = await ctx.service.list({ runId: previous.waitingRunId, status: ['pending', 'approved'] });
    if (pending.length > 0) {
      await ctx.slack.postMessage({
        channel: request.channel,
        threadTs: request.threadTs,
        text: `${countWords(pending.length, 'change')} in this thread ${pending.length === 1 ? 'is' : 'are'} still waiting for a decision. Decide ${pending.length === 1 ? 'it' : 'them'} first (or ask in a new message outside this thread).`,
      });
      return;
    }
  }

  const requester: Identity = { via: 'slack', id: request.user, name: await ctx.slack.userName(request.user) };
  const status = await ctx.slack.postMessage({
    channel: request.channel,
    threadTs: request.threadTs,
    text: ':hourglass_flowing_sand: Working on it…',
  });
  const progress = createStatusMessage((text, blocks) =>
    ctx.slack.update({ channel: status.channel, ts: status.ts, text, ...(blocks ? { blocks } : {}) }),
  );
  const said: string[] = [];
  const onEvent = (event: AgentEvent) => {
    if (event.type === 'tool_start') progress.set(`:mag: Working on it… (${describeTool(event.action)})`);
    else if (event.type === 'assistant_text' && event.text.trim() !== '') said.push(event.text.trim());
  };

  const outcome: RunOutcome = await ctx.app.agent.run(request.text, {
    requester: `slack:${request.user}`,
    onEvent,
    ...(previous?.state ? { state: previous.state } : {}),
  });
  const save = (extra: Partial<ThreadRecord> = {}) =>
    ctx.threads.saveThread({
      key,
      channel: thread.channel,
      threadTs: thread.threadTs,
      state: outcome.state,
      updatedAt: ctx.now().toISOString(),
      ...extra,
    });

  if (outcome.status === 'done') {
    save();
    await progress.finish(renderAnswer(outcome.summary));
    return;
  }
  if (outcome.status === 'error') {
    save();
    await progress.finish(`:warning: ${escapeMrkdwn(truncate(outcome.error, 500))}`);
    return;
  }

  let requests;
  try {
    requests = await ctx.service.submitRun(outcome, { requester, conversationId: key });
  } catch (error) {
    const message = error instanceof ApprovalError ? error.message : 'the approval queue could not store the request';
    if (!(error instanceof ApprovalError)) ctx.log('error', `submitRun: ${(error as Error).message}`);
    // Nothing may stay pending in a conversation whose changes cannot be approved: deny them and finish truthfully.
    const cancelled = await ctx.app.agent.cancel(outcome.state, `not submitted for approval: ${message}`);
    ctx.threads.saveThread({
      key,
      channel: thread.channel,
      threadTs: thread.threadTs,
      state: cancelled.state,
      updatedAt: ctx.now().toISOString(),
    });
    await progress.finish(`:no_entry_sign: ${escapeMrkdwn(truncate(message, 400))} Nothing was changed.`);
    return;
  }
  const runId = requests[0]?.runId ?? undefined;
  save(runId ? { waitingRunId: runId } : {});
  const intro = said.length > 0 ? `${textLine(said.join('\n'))}\n` : '';
  await progress.finish(
    `${intro}${countWords(requests.length, 'change')} ${requests.length === 1 ? 'needs' : 'need'} approval before anything happens:`,
  );
  await postCards(ctx, { ...thread, ...(runId ? { waitingRunId: runId } : {}) }, requests);
}

const textLine = (text: string) => escapeMrkdwn(truncate(text, 1000));
