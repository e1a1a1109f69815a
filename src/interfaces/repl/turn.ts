/**
 * One conversational turn: run the agent, and while it is paused ask for approvals and resume it. Ctrl-C (the
 * signal) turns into agent.cancel: everything pending is denied and the summary says what was (not) done.
 */
import type { Agent, AgentEvent, RunOutcome, RunState } from '../../agent/types.js';
import { redact } from '../../agent/redact.js';
import { formatIdentity } from '../../approvals/identity.js';
import type { ApprovalService } from '../../approvals/service.js';
import type { Identity } from '../../approvals/types.js';
import { askApprovals } from './confirm.js';
import { settleThroughQueue } from './queue-turn.js';
import type { Output } from './output.js';
import type { Prompter } from './prompt.js';
import type { Renderer } from './render.js';
import type { Transcript } from './transcript.js';

/** Reason recorded for calls denied by Ctrl-C. */
export const CANCEL_REASON = 'cancelled by the user (Ctrl-C)';

/** Everything a turn needs. */
export interface TurnContext {
  agent: Agent;
  /** Conversation so far (undefined for a new conversation). */
  state: RunState | undefined;
  requester: string;
  out: Output;
  renderer: Renderer;
  prompter: Prompter;
  transcript?: Transcript;
  /** Aborted by Ctrl-C. */
  signal: AbortSignal;
  /** The approval queue: when given, approvals go through it as `identity` (the real app always gives it). */
  approvals?: ApprovalService;
  identity?: Identity;
  conversationId?: string;
}

/** How the turn ended, and the conversation state to continue from. */
export interface TurnResult {
  status: RunOutcome['status'] | 'cancelled';
  state: RunState | undefined;
}

/** The first line of an error's message, with secrets removed. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return redact(message.split('\n')[0] ?? '').trim() || 'unknown error';
}

/** Runs one turn for `input`. Contract: never throws; problems are printed as one line. */
export async function runTurn(input: string, ctx: TurnContext): Promise<TurnResult> {
  const { agent, out, renderer, signal } = ctx;
  const c = out.colors;
  const onEvent = (event: AgentEvent) => {
    ctx.transcript?.record({ kind: 'event', event });
    renderer.handle(event);
  };
  renderer.startTurn(signal);
  let outcome: RunOutcome;
  let cancelled = false;
  try {
    const queue = ctx.approvals && ctx.identity ? { approvals: ctx.approvals, identity: ctx.identity } : undefined;
    outcome = await agent.run(input, {
      ...(ctx.state ? { state: ctx.state } : {}),
      requester: queue ? formatIdentity(queue.identity) : ctx.requester,
      signal,
      onEvent,
    });
    if (queue && outcome.status === 'paused') {
      const settled = await settleThroughQueue(outcome, {
        ...queue,
        agent,
        conversationId: ctx.conversationId ?? outcome.state.runId,
        out,
        prompter: ctx.prompter,
        ...(ctx.transcript ? { transcript: ctx.transcript } : {}),
        signal,
        onEvent,
        cancelReason: CANCEL_REASON,
      });
      outcome = settled.outcome;
      cancelled = settled.cancelled;
    }
    while (outcome.status === 'paused') {
      let reason = CANCEL_REASON;
      let answer: Awaited<ReturnType<typeof askApprovals>> | { kind: 'cancelled' };
      try {
        answer = signal.aborted
          ? { kind: 'cancelled' }
          : await askApprovals(outcome.pending, { out, prompter: ctx.prompter, approver: ctx.requester, signal });
      } catch (error) {
        // A failing prompt (terminal gone, readline error) is a "no" like any other: deny everything pending
        // through the agent, so the denials are audited and the summary stays truthful.
        reason = `the approval prompt failed (${oneLine(error)})`;
        answer = { kind: 'cancelled' };
      }
      if (answer.kind === 'cancelled') {
        cancelled = true;
        out.line(c.yellow('Cancelled: the pending changes are denied and will not run.'));
        ctx.transcript?.record({ kind: 'note', text: reason });
        outcome = await agent.cancel(outcome.state, reason, { onEvent });
        break;
      }
      ctx.transcript?.record({ kind: 'decisions', decisions: answer.decisions });
      outcome = await agent.resume(outcome.state, answer.decisions, { signal, onEvent });
    }
  } catch (error) {
    out.spinner.stop();
    out.line(signal.aborted ? c.yellow('Cancelled.') : c.red(`error: ${oneLine(error)}`));
    ctx.transcript?.record({ kind: 'note', text: `turn failed: ${oneLine(error)}` });
    return { status: signal.aborted ? 'cancelled' : 'error', state: ctx.state };
  }
  out.spinner.stop();
  if (outcome.status === 'error' && !renderer.errorShown) out.line(c.red(`error: ${redact(outcome.error)}`));
  if ((signal.aborted || cancelled) && !renderer.summaryShown) out.line(c.yellow('Cancelled: nothing more was done.'));
  return { status: cancelled || signal.aborted ? 'cancelled' : outcome.status, state: outcome.state };
}
