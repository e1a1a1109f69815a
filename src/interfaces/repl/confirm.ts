/**
 * The approval conversation for one paused plan: show every card, then ask for each call. The answer defaults to
 * No; only `y` (this call) or `a` (this and the rest of the plan) approve. `?` shows the raw arguments and asks again.
 * Each decision carries the exact binding (approvalId, callId, action, argsDigest) of its pending call.
 */
import { redactDeep } from '../../util/secrets.js';
import type { Decision, PendingCall } from '../../agent/types.js';
import { renderCard, requestLinesOf, visible } from './card.js';
import type { Output } from './output.js';
import type { Prompter } from './prompt.js';

/** Decisions for every pending call, or `cancelled` when Ctrl-C arrived while asking. */
export type ApprovalResult = { kind: 'decided'; decisions: Decision[] } | { kind: 'cancelled' };

/** What the approval conversation needs. */
export interface ConfirmOptions {
  out: Output;
  prompter: Prompter;
  /** Recorded as the approver of every decision (config.requester). */
  approver: string;
  signal?: AbortSignal;
}

const NO_ANSWER = 'no answer (end of input)';

/** Shows the cards for `pending` and collects one decision per call. */
export async function askApprovals(pending: readonly PendingCall[], options: ConfirmOptions): Promise<ApprovalResult> {
  const { out, prompter, approver, signal } = options;
  const total = pending.length;
  const c = out.colors;
  out.line();
  if (total > 1) out.line(c.bold(`The plan has ${total} changes. Nothing happens without your yes.`));
  for (const [i, call] of pending.entries())
    for (const line of renderCard(call, i, total, c, out.width)) out.line(line);
  out.line(
    c.dim(
      'y = yes · n = no (default; "n <reason>" says why) · a = yes to the rest · ? = raw arguments and requests · Ctrl-C = cancel',
    ),
  );

  const decide = (call: PendingCall, approved: boolean, reason?: string): Decision => ({
    approvalId: call.approvalId,
    callId: call.callId,
    action: call.action,
    argsDigest: call.argsDigest,
    approved,
    approver,
    ...(reason === undefined ? {} : { reason }),
  });

  const decisions: Decision[] = [];
  let approveRest = false;
  let endOfInput = false;
  for (const [i, call] of pending.entries()) {
    if (approveRest) {
      decisions.push(decide(call, true));
      continue;
    }
    if (endOfInput) {
      decisions.push(decide(call, false, NO_ANSWER));
      continue;
    }
    for (;;) {
      out.spinner.stop();
      const label = total > 1 ? `Approve change ${i + 1} of ${total}?` : 'Approve this change?';
      const answer = await prompter.ask(`${label} ${c.bold('[y/N/a/?]')} `, signal);
      if (signal?.aborted) return { kind: 'cancelled' };
      if (answer === null) {
        endOfInput = true;
        decisions.push(decide(call, false, NO_ANSWER));
        break;
      }
      const text = answer.trim();
      const word = text.toLowerCase();
      if (word === '?') {
        // The args are exact (they must match the digest), so they can hold a password or a key pasted into
        // metadata: show them scrubbed, like every other output (rule 10). JSON escapes C0 controls in strings but not
        // C1 ones (\u009b is a terminal CSI), so each line also goes through visible(); the newlines are the layout.
        const raw = JSON.stringify(redactDeep(call.args), null, 2).split('\n').map(visible).join('\n');
        out.line(c.dim(`${call.action} ${raw}`));
        // The exact requests and bodies (already scrubbed by the agent, scrubbed again here like everything shown).
        for (const request of requestLinesOf(call)) {
          const body = request.body ? ` ${JSON.stringify(redactDeep(request.body), null, 2)}` : '';
          out.line(c.dim(`${request.method} ${request.path}${body}`.split('\n').map(visible).join('\n')));
        }
        out.line(c.dim(`approval ${call.approvalId} · call ${call.callId} · digest ${call.argsDigest.slice(0, 16)}…`));
        continue;
      }
      if (word === 'y' || word === 'yes') decisions.push(decide(call, true));
      else if (word === 'a' || word === 'all') {
        approveRest = true;
        decisions.push(decide(call, true));
      } else {
        // Anything but an explicit yes is a no; "n <reason>" passes the reason on to the model.
        const reason = /^no?\s+(.+)$/i.exec(text)?.[1]?.trim();
        decisions.push(decide(call, false, reason ?? 'denied'));
      }
      break;
    }
  }
  return { kind: 'decided', decisions };
}
