/**
 * The agent's answers as Slack mrkdwn: prose escaped, tables (the offline model and the summaries write aligned
 * columns under a dashed rule) put in a code block and cut to a few rows with a count and how to get more, and the
 * closing line from the audit (what was really done) in bold.
 */
import type { RunSummary } from '../../agent/types.js';
import { countWords, escapeCode, escapeMrkdwn, truncate } from './mrkdwn.js';

/** Rows shown in a table before it is cut. */
export const MAX_TABLE_ROWS = 15;
/** A Slack section holds 3,000 characters; a message 40,000. We stay well under. */
const MAX_TEXT = 3500;

const isRule = (line: string) => /^-{3,}( +-{3,})+\s*$/.test(line) || /^-{3,}\s*$/.test(line);

/** Turns model text into mrkdwn: tables become code blocks (cut with a count), everything else is escaped. */
export function textToMrkdwn(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    // A table: a header line followed by a dashed rule, then rows until a blank line.
    if (i + 1 < lines.length && isRule(lines[i + 1]!) && lines[i]!.trim() !== '') {
      const header = lines[i]!;
      const rule = lines[i + 1]!;
      let j = i + 2;
      const rows: string[] = [];
      while (j < lines.length && lines[j]!.trim() !== '') rows.push(lines[j++]!);
      const shown = rows.slice(0, MAX_TABLE_ROWS);
      out.push('```' + [header, rule, ...shown].map((l) => escapeCode(truncate(l, 160))).join('\n') + '```');
      if (rows.length > shown.length) {
        out.push(
          `_…and ${countWords(rows.length - shown.length, 'more row')} not shown. Ask for "the next page" or narrow the request to see them._`,
        );
      }
      i = j;
      continue;
    }
    out.push(escapeMrkdwn(lines[i]!));
    i++;
  }
  return truncate(out.join('\n'), MAX_TEXT);
}

/** The final answer for a finished turn: the model's words and, when anything was decided, the audit's line. */
export function renderAnswer(summary: RunSummary): string {
  const parts: string[] = [];
  if (summary.modelText.trim() !== '') parts.push(textToMrkdwn(summary.modelText.trim()));
  const decided = summary.executed.length + summary.denied.length + summary.failed.length + summary.dryRun.length;
  if (decided > 0 || parts.length === 0) parts.push(`*${escapeMrkdwn(summary.line)}*`);
  return parts.join('\n\n');
}
