/**
 * The closing summary, built from what actually happened to each mutation (the same outcomes the audit
 * records), never from the model's words. Its `line` sits next to the model's text, so a model that claims a
 * change it did not make is contradicted on screen. Three kinds of result: Done, Not done, Outcome unknown.
 */
import type { MutationOutcome, RunSummary } from './types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const clip = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A done change, with what a read confirmed after a lost reply and any audit problem. */
function doneText(o: MutationOutcome): string {
  const notes = [
    o.checked ? clip(o.checked, 160) : '',
    o.auditError ? `the change was made, but ${clip(o.auditError, 120)}` : '',
  ].filter(Boolean);
  return `${clip(o.previewText)}${notes.length > 0 ? ` — ${notes.join('; ')}` : ''}`;
}

/** Builds the RunSummary of a turn from its mutation outcomes and the model's final text. */
export function buildSummary(outcomes: readonly MutationOutcome[], modelText: string): RunSummary {
  const by = (status: MutationOutcome['status']) => outcomes.filter((o) => o.status === status);
  const executed = by('executed');
  const denied = by('denied');
  const failed = by('failed');
  const dryRun = by('dry_run');
  const noop = by('noop');
  const unknown = by('unknown');

  const parts: string[] = [];
  if (executed.length > 0) {
    parts.push(`Done: ${plural(executed.length, 'change')} (${executed.map(doneText).join('; ')}).`);
  } else if (noop.length === 0 && unknown.length === 0) {
    parts.push('No changes were made.');
  }
  if (noop.length > 0) {
    parts.push(`Nothing to change (already so): ${noop.map((o) => clip(o.reason ?? o.previewText)).join('; ')}.`);
  }
  const notDone = [
    ...denied.map((o) => `denied: ${clip(o.previewText)}${o.reason ? ` — ${clip(o.reason, 80)}` : ''}`),
    ...failed.map((o) => `failed: ${clip(o.previewText)}${o.error ? ` — ${clip(o.error, 160)}` : ''}`),
  ];
  if (notDone.length > 0) parts.push(`Not done: ${notDone.length} (${notDone.join('; ')}).`);
  if (unknown.length > 0) {
    const items = unknown.map((o) => `${clip(o.previewText)}${o.error ? ` — ${clip(o.error, 200)}` : ''}`);
    parts.push(`Outcome unknown: ${unknown.length} (${items.join('; ')}).`);
  }
  if (dryRun.length > 0) {
    parts.push(
      `Dry run: ${plural(dryRun.length, 'change')} previewed, none executed (${dryRun.map((o) => clip(o.previewText)).join('; ')}).`,
    );
  }
  return { modelText, executed, denied, failed, dryRun, noop, unknown, line: parts.join(' ') };
}
