/**
 * The approval card in Block Kit, rebuilt every time from the queue's stored request (never from an old message),
 * so two updates racing each other both show the stored truth. Everything that comes from Clerk or the model is
 * escaped for mrkdwn. Buttons carry the request id and the digest of the arguments the card shows, so a click on
 * a stale or forged card is refused by the queue.
 */
import type { ApprovalCard } from '../../approvals/service.js';
import { clockTime } from '../../approvals/status-text.js';
import type { ChangeRequest, Identity } from '../../approvals/types.js';
import type { FieldChange } from '../../agent/types.js';
import { escapeCode, escapeMrkdwn, mention, truncate } from './mrkdwn.js';

/** Action ids of the card's buttons (and the "Approve all" message). */
export const ACTIONS = {
  approve: 'clerk_approve',
  deny: 'clerk_deny',
  denyReason: 'clerk_deny_reason',
  approveAll: 'clerk_approve_all',
} as const;

/** The modal's callback id for "Deny with reason". */
export const DENY_VIEW = 'clerk_deny_reason_view';

/** What a button carries: the request and the digest of the arguments on the card. */
export interface ButtonValue {
  r: string;
  d: string;
}

export function buttonValue(request: ChangeRequest): string {
  return JSON.stringify({ r: request.id, d: request.argsDigest } satisfies ButtonValue);
}

/** Parses a button value; undefined for anything malformed (a forged payload). */
export function parseButtonValue(value: unknown): ButtonValue | undefined {
  if (typeof value !== 'string' || value.length > 500) return undefined;
  try {
    const v = JSON.parse(value) as Partial<ButtonValue>;
    if (typeof v.r === 'string' && typeof v.d === 'string' && /^cr_[a-z0-9]+$/i.test(v.r) && /^[a-f0-9]{64}$/.test(v.d))
      return { r: v.r, d: v.d };
  } catch {
    // fall through
  }
  return undefined;
}

/** `<@U1>` for a Slack identity (ids come from Slack), escaped text for any other. */
export function who(identity: Identity): string {
  if (identity.via === 'slack') return mention(identity.id);
  return escapeMrkdwn(
    identity.name && identity.name !== identity.id
      ? `${identity.name} (${identity.via}:${identity.id})`
      : `${identity.via}:${identity.id}`,
  );
}

function approversOf(request: ChangeRequest): string {
  const list = request.approvals.map((a) => who(a.by));
  if (list.length === 0 && request.decidedBy) list.push(who(request.decidedBy));
  return list.join(' and ') || 'someone';
}

/** The line that replaces the buttons once the request is no longer pending. */
export function outcomeLine(request: ChangeRequest, now = new Date()): string {
  const at = clockTime(request.decidedAt ?? request.approvals.at(-1)?.at, now);
  const approved = `Approved by ${approversOf(request)} at ${at}`;
  const message = escapeMrkdwn(truncate(request.result?.message ?? '', 300));
  switch (request.status) {
    case 'executed':
      return `:white_check_mark: ${approved} — executed ✓`;
    case 'failed':
      return `:x: ${approved} — failed: ${message || 'the change did not run'} (not retried)`;
    case 'unknown':
      return `:warning: ${approved} — outcome unknown: check Clerk before retrying`;
    case 'approved':
    case 'executing':
      return `:hourglass_flowing_sand: ${approved} — running…`;
    case 'denied':
      return `:no_entry_sign: Denied by ${approversOf(request)} at ${at}${request.reason ? `: ${escapeMrkdwn(truncate(request.reason, 300))}` : ''}`;
    case 'expired':
      return `:hourglass: Expired at ${clockTime(request.expiresAt, now)}: nobody decided in time. Nothing was changed.`;
    case 'cancelled':
      return `:heavy_multiplication_x: Cancelled${request.reason ? `: ${escapeMrkdwn(truncate(request.reason, 300))}` : ''}. Nothing was changed.`;
    case 'pending':
      return '';
  }
}

function showValue(value: unknown): string {
  if (value === undefined) return '(unset)';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return escapeMrkdwn(truncate(text, 80));
}

function diffLine(change: FieldChange): string {
  return `• ${escapeMrkdwn(truncate(change.field, 60))}: ${showValue(change.before)} → ${showValue(change.after)}`;
}

type Block = Record<string, unknown>;

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 2900) } });
const context = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(text, 2900) }],
});

export interface CardOptions {
  /** "Change 2 of 5". */
  index?: number;
  total?: number;
  now?: Date;
}

/** The blocks of one approval card, pending (with buttons) or decided (with the outcome line). */
export function renderCard(card: ApprovalCard, options: CardOptions = {}): { text: string; blocks: Block[] } {
  const { request, call } = card;
  const now = options.now ?? new Date();
  const destructive = request.risk === 'destructive';
  const tier = destructive ? ':rotating_light: *DESTRUCTIVE*' : ':pencil2: *write*';
  const counter =
    options.total && options.total > 1 ? `*Change ${(options.index ?? 0) + 1} of ${options.total}* · ` : '';
  const preview = call.preview;
  const blocks: Block[] = [
    section(`${counter}${tier} · \`${escapeCode(call.action)}\`\n*${escapeMrkdwn(truncate(preview.text, 500))}*`),
    section(`\`${escapeCode(truncate(`${preview.method} ${preview.path}`, 300))}\``),
  ];
  if (preview.diff && preview.diff.length > 0) {
    const lines = preview.diff.slice(0, 15).map(diffLine);
    if (preview.diff.length > 15) lines.push(`…and ${preview.diff.length - 15} more fields`);
    blocks.push(section(`*Changes:*\n${lines.join('\n')}`));
  }
  if (preview.consequences && preview.consequences.length > 0) {
    blocks.push(
      section(
        `*Consequences:*\n${preview.consequences
          .slice(0, 10)
          .map((c) => `• ${escapeMrkdwn(truncate(c, 300))}`)
          .join('\n')}`,
      ),
    );
  }
  if (request.live) blocks.push(section(':red_circle: *LIVE* Clerk instance: this changes real users.'));
  const needs = card.approvalsNeeded > 1 ? ` · needs ${card.approvalsNeeded} approvals` : '';
  blocks.push(
    context(
      `Requested by ${who(request.requester)} · expires ${clockTime(request.expiresAt, now)}${needs} · \`${request.id}\``,
    ),
  );

  if (request.status === 'pending') {
    if (request.approvals.length > 0) {
      const left = Math.max(card.approvalsNeeded - request.approvals.length, 1);
      blocks.push(context(`Approved so far by ${approversOf(request)}; waiting for ${left} more.`));
    }
    blocks.push({ type: 'actions', block_id: `clerk_card_${request.id}`, elements: buttons(request) });
  } else {
    blocks.push(section(outcomeLine(request, now)));
  }
  const fallback = `${destructive ? 'DESTRUCTIVE' : 'write'}: ${truncate(preview.text, 200)}${request.status === 'pending' ? ' — waiting for approval' : ` — ${request.status}`}`;
  return { text: escapeMrkdwn(fallback), blocks };
}

function buttons(request: ChangeRequest): Block[] {
  const value = buttonValue(request);
  const approve: Block = {
    type: 'button',
    action_id: ACTIONS.approve,
    text: { type: 'plain_text', text: 'Approve' },
    style: request.risk === 'destructive' ? 'danger' : 'primary',
    value,
  };
  if (request.risk === 'destructive') {
    approve.confirm = {
      title: { type: 'plain_text', text: 'Approve a destructive change?' },
      text: { type: 'mrkdwn', text: truncate(`This cannot be undone: ${escapeMrkdwn(request.preview.text)}`, 300) },
      confirm: { type: 'plain_text', text: 'Approve' },
      deny: { type: 'plain_text', text: 'Cancel' },
      style: 'danger',
    };
  }
  return [
    approve,
    { type: 'button', action_id: ACTIONS.deny, text: { type: 'plain_text', text: 'Deny' }, value },
    { type: 'button', action_id: ACTIONS.denyReason, text: { type: 'plain_text', text: 'Deny with reason' }, value },
  ];
}

/** The "Approve all N" message for a step with several changes. Value: the run id. */
export function renderApproveAll(runId: string, count: number): { text: string; blocks: Block[] } {
  return {
    text: `${count} changes are waiting for approval.`,
    blocks: [
      section(
        `*${count} changes* are waiting for approval (one card each above). An approver can approve them all at once:`,
      ),
      {
        type: 'actions',
        block_id: 'clerk_approve_all',
        elements: [
          {
            type: 'button',
            action_id: ACTIONS.approveAll,
            text: { type: 'plain_text', text: `Approve all ${count}` },
            value: runId.slice(0, 200),
            confirm: {
              title: { type: 'plain_text', text: `Approve all ${count} changes?` },
              text: { type: 'plain_text', text: 'Each change is checked against the policy, one by one.' },
              confirm: { type: 'plain_text', text: 'Approve all' },
              deny: { type: 'plain_text', text: 'Cancel' },
            },
          },
        ],
      },
    ],
  };
}

/** The "Deny with reason" modal; private_metadata carries the button value (request id + digest). */
export function denyModal(value: ButtonValue, previewText: string): Block {
  return {
    type: 'modal',
    callback_id: DENY_VIEW,
    private_metadata: JSON.stringify(value),
    title: { type: 'plain_text', text: 'Deny change' },
    submit: { type: 'plain_text', text: 'Deny' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      section(`Deny: *${escapeMrkdwn(truncate(previewText, 500))}*`),
      {
        type: 'input',
        block_id: 'reason',
        label: { type: 'plain_text', text: 'Reason' },
        element: { type: 'plain_text_input', action_id: 'reason', multiline: true, max_length: 500 },
      },
    ],
  };
}
