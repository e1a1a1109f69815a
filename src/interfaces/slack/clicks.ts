/**
 * Button clicks and the "Deny with reason" modal. Every click is acknowledged first (Slack gives 3 s), then
 * decided by the approval queue under the policy with the clicker's Slack identity. A refusal (not an approver,
 * four-eyes, expired, already decided, a stale card) goes back to the clicker alone, as an ephemeral message; the
 * queue has already audited it and nothing changed. When the decision completes the run, it is executed once
 * (the queue's atomic claim) and the thread gets the summary.
 */
import type { DecideResult } from '../../approvals/service.js';
import type { ChangeRequest, Identity } from '../../approvals/types.js';
import { executeAndReport, syncCard } from './card-posts.js';
import { type ButtonValue, denyModal, parseButtonValue } from './card.js';
import type { BotContext } from './context.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';

export interface Click {
  user: { id: string; name?: string };
  /** Where the card is (for the ephemeral reply). */
  channel: string | undefined;
  threadTs: string | undefined;
  value: unknown;
}

async function identityOf(ctx: BotContext, user: Click['user']): Promise<Identity> {
  return { via: 'slack', id: user.id, name: user.name || (await ctx.slack.userName(user.id)) };
}

/** The clicker's message for a refusal. */
function refusalText(result: Extract<DecideResult, { ok: false }>, request: ChangeRequest | undefined): string {
  if (result.code === 'not_allowed') {
    return `You are not an approver for ${request?.risk ?? 'these'} changes. Nothing was changed.`;
  }
  return `${escapeMrkdwn(truncate(result.message, 400))}${/Nothing was/.test(result.message) ? '' : ' Nothing was changed.'}`;
}

async function tell(ctx: BotContext, click: Click, text: string): Promise<void> {
  if (!click.channel) return;
  await ctx.slack
    .postEphemeral({
      channel: click.channel,
      user: click.user.id,
      text,
      ...(click.threadTs ? { threadTs: click.threadTs } : {}),
    })
    .catch((error: unknown) => ctx.log('warn', `postEphemeral failed: ${(error as Error).message}`));
}

/** Approve or Deny pressed on a card. */
export async function onDecision(ctx: BotContext, click: Click, approve: boolean, reason?: string): Promise<void> {
  const value = parseButtonValue(click.value);
  if (!value) {
    await tell(ctx, click, 'This button is not valid (it does not name a change request). Nothing was changed.');
    return;
  }
  await decideOne(ctx, click, value, approve, reason);
}

async function decideOne(
  ctx: BotContext,
  click: Click,
  value: ButtonValue,
  approve: boolean,
  reason?: string,
): Promise<boolean> {
  const by = await identityOf(ctx, click.user);
  const result = await ctx.service.decide(value.r, { approve, argsDigest: value.d, ...(reason ? { reason } : {}) }, by);
  if (!result.ok) {
    const request = await ctx.service.get(value.r);
    await tell(ctx, click, refusalText(result, request));
    // A refusal for a card that is no longer pending means the card is out of date: show the stored truth.
    if (result.code === 'expired' || result.code === 'already_decided') await syncCard(ctx, value.r);
    return false;
  }
  await syncCard(ctx, value.r);
  if (result.ready) await executeAndReport(ctx, value.r);
  return true;
}

/** "Deny with reason": opens the modal (the decision happens on submit). */
export async function onDenyWithReason(ctx: BotContext, click: Click, triggerId: string): Promise<void> {
  const value = parseButtonValue(click.value);
  if (!value) {
    await tell(ctx, click, 'This button is not valid. Nothing was changed.');
    return;
  }
  const card = await ctx.service.card(value.r);
  const modal = denyModal(value, card?.call.preview.text ?? value.r) as { private_metadata: string };
  // The modal carries where the card is, so a refusal on submit can be told to the clicker there.
  modal.private_metadata = JSON.stringify({ ...value, c: click.channel, t: click.threadTs });
  await ctx.slack.openView(triggerId, modal);
}

/** The modal was submitted with a reason. */
export async function onDenySubmitted(
  ctx: BotContext,
  user: Click['user'],
  privateMetadata: string,
  reason: string,
): Promise<void> {
  let meta: { r?: string; d?: string; c?: string; t?: string } = {};
  try {
    meta = JSON.parse(privateMetadata) as typeof meta;
  } catch {
    // handled below as an invalid value
  }
  const click: Click = {
    user,
    channel: typeof meta.c === 'string' ? meta.c : undefined,
    threadTs: typeof meta.t === 'string' ? meta.t : undefined,
    value: JSON.stringify({ r: meta.r, d: meta.d }),
  };
  await onDecision(ctx, click, false, reason.trim().slice(0, 500) || undefined);
}

/** "Approve all N": approves every pending request of the run, one by one under the policy; runs it once if ready. */
export async function onApproveAll(ctx: BotContext, click: Click): Promise<void> {
  const runId = typeof click.value === 'string' ? click.value : '';
  const pending = runId ? await ctx.service.list({ runId, status: ['pending'] }) : [];
  if (pending.length === 0) {
    await tell(ctx, click, 'Nothing in this request is waiting for approval any more.');
    return;
  }
  const by = await identityOf(ctx, click.user);
  const refused: string[] = [];
  let ready: string | undefined;
  for (const request of pending) {
    const result = await ctx.service.decide(request.id, { approve: true, argsDigest: request.argsDigest }, by);
    if (!result.ok) refused.push(refusalText(result, request));
    else if (result.ready) ready = request.id;
    await syncCard(ctx, request.id);
  }
  if (refused.length > 0) {
    const unique = [...new Set(refused)];
    await tell(ctx, click, `${refused.length} of ${pending.length} not approved: ${unique.join(' ')}`);
  }
  if (ready) await executeAndReport(ctx, ready);
}
