/**
 * AgentEvent → terminal text, as the events happen. The only place that decides how an event looks: one switch.
 * A list read prints one progress line at once; its rows are held and shown as a table after the model has spoken
 * (before the approval cards or the summary), unless the model's own words already list them.
 */
import type { AgentEvent, RunSummary } from '../../agent/types.js';
import type { Output } from './output.js';
import { formatArgs, viewResult } from './result-view.js';
import { renderTable } from './table.js';

/** Renders a stream of events for one turn at a time. */
export interface Renderer {
  handle(event: AgentEvent): void;
  /** Resets per-turn memory (call before each turn); `signal` is the turn's Ctrl-C signal. */
  startTurn(signal?: AbortSignal): void;
  /** True when an `error` event was printed in this turn (so the outcome's error is not printed twice). */
  readonly errorShown: boolean;
  /** True when a summary was printed in this turn. */
  readonly summaryShown: boolean;
}

const IDENTIFYING = ['email', 'email_address', 'identifier', 'slug', 'id', 'name'];

/** True when `text` already names at least half of the rows (by email, identifier, slug, id or name). */
export function rowsMentioned(rows: readonly Record<string, unknown>[], text: string): boolean {
  const shown = rows.slice(0, 25);
  const named = shown.filter((row) =>
    IDENTIFYING.some((k) => typeof row[k] === 'string' && row[k] !== '' && text.includes(row[k] as string)),
  );
  return named.length * 2 >= shown.length;
}

/** What the renderer remembers within one turn (replaced by `startTurn`). */
interface TurnMemory {
  /** Each tool call's arguments and risk, by call id, so its result line can name them. */
  readonly calls: Map<string, { args: unknown; risk: string }>;
  /** What the model has said so far, so its closing words and listed rows are not printed twice. */
  readonly spoken: string[];
  /** The rows of the latest list read, shown as a table once the model has spoken. */
  heldRows: Record<string, unknown>[] | undefined;
  /** The message of the printed `error` event ('' when none). */
  errorShown: string;
  summaryShown: boolean;
  /** The turn's Ctrl-C signal: an error after it is the cancellation the user asked for. */
  readonly signal: AbortSignal | undefined;
}

const newTurn = (signal?: AbortSignal): TurnMemory => ({
  calls: new Map(),
  spoken: [],
  heldRows: undefined,
  errorShown: '',
  summaryShown: false,
  signal,
});

/** Creates a renderer writing to `out`. */
export function createRenderer(out: Output): Renderer {
  let turn = newTurn();
  return {
    startTurn(signal) {
      turn = newTurn(signal);
    },
    get errorShown() {
      return turn.errorShown !== '';
    },
    get summaryShown() {
      return turn.summaryShown;
    },
    handle(event) {
      renderEvent(event, turn, out);
    },
  };
}

/** Prints one event; the one switch that decides how each kind of event looks. */
function renderEvent(event: AgentEvent, turn: TurnMemory, out: Output): void {
  const c = out.colors;
  switch (event.type) {
    case 'turn_start':
      break;
    case 'model_start':
      out.spinner.start('thinking…');
      break;
    case 'model_end':
      out.spinner.stop();
      break;
    case 'assistant_text': {
      const text = event.text.trim();
      if (text !== '') say(text, turn, out);
      break;
    }
    case 'tool_start':
      turn.calls.set(event.callId, { args: event.args, risk: event.risk });
      out.spinner.start(`${event.risk === 'read' ? 'reading' : 'running'} ${event.action}…`);
      break;
    case 'tool_end':
      showToolEnd(event, turn, out);
      break;
    case 'approval_needed':
      // The cards themselves are shown by the approval conversation (confirm.ts), which numbers them.
      out.spinner.stop();
      flushTable(turn, out);
      if (event.dropped?.length)
        out.line(c.dim(`${event.dropped.length} of the planned changes left out: already so, nothing to change.`));
      break;
    case 'decision':
      out.line(
        event.approved
          ? c.green(`✓ approved ${event.action} (${event.approver})`)
          : c.yellow(`✗ not approved ${event.action}${event.reason ? `: ${event.reason}` : ''}`),
      );
      break;
    case 'error':
      flushTable(turn, out);
      turn.errorShown = event.message;
      // After Ctrl-C the "error" is the cancellation the user asked for: say it, but not as a failure.
      out.line(turn.signal?.aborted ? c.yellow(event.message) : c.red(`error: ${event.message}`));
      break;
    case 'summary':
      turn.summaryShown = true;
      showSummary(event.summary, turn, out);
      break;
    case 'turn_end':
      out.spinner.stop();
      flushTable(turn, out);
      break;
    default: {
      const unknown: never = event;
      void unknown;
    }
  }
}

/** Prints the model's words and remembers them. */
function say(text: string, turn: TurnMemory, out: Output): void {
  out.line(text);
  turn.spoken.push(text);
}

/** Prints the held rows as a table unless the model's words already name them; either way they are dropped. */
function flushTable(turn: TurnMemory, out: Output): void {
  if (turn.heldRows && !rowsMentioned(turn.heldRows, turn.spoken.join('\n'))) {
    for (const line of renderTable(turn.heldRows, { width: out.width })) out.line(line);
  }
  turn.heldRows = undefined;
}

/** One line per finished tool call: a read is dim (its rows held for the table), a change is ✓ (or ○ in dry run). */
function showToolEnd(event: Extract<AgentEvent, { type: 'tool_end' }>, turn: TurnMemory, out: Output): void {
  const c = out.colors;
  const call = turn.calls.get(event.callId);
  const isRead = call === undefined || call.risk === 'read';
  const args = formatArgs(call?.args);
  const head = `${event.action}${args ? ` ${args}` : ''}`;
  if (!event.ok) {
    const paint = isRead ? c.yellow : c.red;
    out.line(`${paint(isRead ? '!' : '✗')} ${head} → ${paint(event.error ?? 'failed')}`);
    return;
  }
  const view = viewResult(event.action, event.result);
  if (isRead) {
    out.line(c.dim(`· ${head} → ${view.text}`));
    // (A read of one record after a list — "what plan is Foo on?": list, then get — made the list a look-up: its rows
    // are no answer, and are dropped.)
    turn.heldRows = view.rows;
  } else {
    out.line(`${view.dryRun ? c.yellow('○') : c.green('✓')} ${head} → ${view.text}`);
  }
}

/** The model's closing words (once), the held table, then the summary line painted by what happened. */
function showSummary(summary: RunSummary, turn: TurnMemory, out: Output): void {
  const c = out.colors;
  const text = summary.modelText.trim();
  // The model's closing words usually arrived already as assistant_text; print them once.
  if (text !== '' && !turn.spoken.includes(text)) say(text, turn, out);
  flushTable(turn, out);
  const line = summary.line.trim();
  // An error line that already ends with the summary ("… No changes were made.") is not repeated.
  if (line === '' || turn.errorShown.trimEnd().endsWith(line)) return;
  const unknown = summary.unknown ?? [];
  const decided = summary.executed.length + summary.denied.length + summary.failed.length + summary.dryRun.length;
  if (decided + unknown.length === 0) {
    out.line(c.dim(line)); // a read-only turn: "No changes were made." is a footnote, not news
    return;
  }
  const paint = summary.failed.length + unknown.length > 0 ? c.red : summary.executed.length > 0 ? c.green : c.yellow;
  out.line(paint(c.bold(line)));
}
