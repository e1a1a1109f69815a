/**
 * Answers built from tool results: aligned text tables for lists, counts, details, and the closing summary of
 * mutations that says exactly what happened to each call (done, denied, failed, not run, dry run). Text that came
 * from Clerk is shown as data, never interpreted.
 */
import type { Call } from './plan-context.js';
import type { Envelope } from './results.js';

const MAX_ROWS = 25;
const MAX_CELL = 48;

/** Cell text: one line, trimmed to a readable width. */
export function cell(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  const s = (typeof v === 'string' ? v : JSON.stringify(v)).replace(/\s+/g, ' ');
  return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s;
}

/** An aligned plain-text table (at most 25 rows, then "…and N more"). */
export function table(headers: string[], rows: unknown[][]): string {
  const shown = rows.slice(0, MAX_ROWS).map((r) => r.map(cell));
  const widths = headers.map((h, i) => Math.max(h.length, ...shown.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [line(headers), line(widths.map((w) => '-'.repeat(w))), ...shown.map(line)];
  if (rows.length > MAX_ROWS) out.push(`…and ${rows.length - MAX_ROWS} more`);
  return out.join('\n');
}

/** "2026-11-20" from an ISO timestamp (or "—"). */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

/** "1 user" / "3 users". */
export function plural(n: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : pluralNoun}`;
}

/** Why a call did not do its job, in words, or undefined when it succeeded. */
export function failure(env: Envelope): string | undefined {
  switch (env.status) {
    case 'ok':
      return undefined;
    case 'dry_run':
      return 'dry run: not executed';
    case 'noop':
      return `already so, nothing to change`;
    case 'denied':
      return `you denied it${env.reason && env.reason !== 'denied' ? ` ("${env.reason}")` : ''}`;
    case 'skipped':
      return `not run (${env.message.replace(/[.\s]+$/, '')})`;
    case 'error':
      return `failed: ${env.httpStatus ? `Clerk ${env.httpStatus}` : (env.errorKind ?? 'error')}${env.code ? ` ${env.code}` : ''} — ${env.message.replace(/[.\s]+$/, '')}`;
  }
}

/** The closing summary of a step of mutations: what changed, what did not, and why. */
export function summarizeMutations(calls: Call[], envs: Envelope[], notes: string[] = []): string {
  const done: string[] = [];
  const dry: string[] = [];
  const already: string[] = [];
  const notDone: string[] = [];
  // A write whose reply was lost and that no read could check: neither done nor not done (issue 13).
  const unknown: string[] = [];
  calls.forEach((call, i) => {
    const env = envs[i]!;
    const label = call.label ?? call.name;
    if (env.status === 'ok') done.push(call.done ? call.done(env.result) : `Done: ${label}`);
    else if (env.status === 'dry_run') dry.push(label);
    else if (env.status === 'noop') already.push(env.message.replace(/ — nothing to change[\s\S]*$/, ''));
    else if (env.status === 'error' && env.errorKind === 'outcome_unknown')
      unknown.push(`${label} — ${env.message.split('.')[0]!.trim()}`);
    else notDone.push(`${label} — ${failure(env)}`);
  });
  const parts: string[] = [];
  if (calls.length === 1) {
    if (done[0]) parts.push(`${done[0]}.`);
    if (dry[0]) parts.push(`Dry run: I would ${dry[0]}. Nothing was executed.`);
    if (notDone[0]) parts.push(`Not done: ${notDone[0]}. Nothing was changed.`);
    if (already[0]) parts.push(`Nothing to change: ${already[0]}.`);

    if (unknown[0]) parts.push(`Outcome unknown: ${unknown[0]}. Do not retry before checking in Clerk.`);
  } else {
    if (done.length > 0) parts.push(`Done (${done.length}):\n${done.map((d) => `- ${d}`).join('\n')}`);
    if (dry.length > 0) parts.push(`Dry run — nothing was executed; I would:\n${dry.map((d) => `- ${d}`).join('\n')}`);
    if (notDone.length > 0)
      parts.push(`Not done (${notDone.length}):\n${notDone.map((d) => `- ${capitalize(d)}`).join('\n')}`);
    if (already.length > 0)
      parts.push(`Already so, nothing to change (${already.length}):\n${already.map((d) => `- ${d}`).join('\n')}`);

    if (unknown.length > 0)
      parts.push(
        `Outcome unknown (${unknown.length}) — check in Clerk before retrying:\n${unknown.map((d) => `- ${capitalize(d)}`).join('\n')}`,
      );
  }
  return [...parts, ...notes].join('\n');
}

/** The text sent with a step of mutation calls (shown before the approval prompt). */
export function planText(calls: Call[], notes: string[] = []): string {
  const labels = calls.map((c) => c.label ?? c.name);
  const head =
    labels.length === 1
      ? `I'll ${labels[0]}.`
      : `I'll make ${labels.length} changes:\n${labels.map((l, i) => `${i + 1}. ${l}`).join('\n')}`;
  return [head, ...notes, `${labels.length === 1 ? 'This needs' : 'Each needs'} your approval.`].join('\n');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
