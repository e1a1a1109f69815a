/**
 * Relative dates for the offline model: "today", "yesterday", "this week", "last 30 days", "this month",
 * "since 2026-11-01" → a Unix-ms window. Days are UTC days; "this week" means the last 7 days (rolling), and the
 * answer says so, so nobody has to guess which weekday a week starts on.
 */
import { NUMBER_WORDS } from './number-words.js';

const DAY = 86_400_000;

/** A time window in Unix ms with a label for the answer ("in the last 7 days"). */
export interface DateWindow {
  after?: number;
  before?: number;
  label: string;
}

/** Start of the UTC day containing `ms`. */
function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

function num(word: string): number {
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

/** Finds the first relative or absolute date phrase in `text` (lowercase ok), or undefined. */
export function parseDateWindow(text: string, now: number): DateWindow | undefined {
  const t = text.toLowerCase();
  const today = startOfDay(now);
  let m: RegExpMatchArray | null;
  // Clerk's *_after filters are exclusive and last_active_at has day precision (midnight), so day windows start
  // one millisecond before midnight.
  if (/\btoday\b/.test(t)) return { after: today - 1, label: 'today' };
  if (/\byesterday\b/.test(t)) return { after: today - DAY - 1, before: today, label: 'yesterday' };
  if (
    (m = t.match(
      /\b(?:last|past|previous|in the last|within the last)\s+(\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty|ninety)\s+(day|week|month|hour)s?\b/,
    ))
  ) {
    const n = num(m[1]!);
    const unit = m[2]!;
    const span = unit === 'hour' ? 3_600_000 : unit === 'week' ? 7 * DAY : unit === 'month' ? 30 * DAY : DAY;
    return { after: now - n * span, label: `in the last ${n} ${unit}${n === 1 ? '' : 's'}` };
  }
  if ((m = t.match(/\b(\d+)\s+(day|week|month)s?\s+ago\b/))) {
    const n = Number(m[1]);
    const span = m[2] === 'week' ? 7 * DAY : m[2] === 'month' ? 30 * DAY : DAY;
    return { after: now - n * span, label: `in the last ${n} ${m[2]}${n === 1 ? '' : 's'}` };
  }
  if (/\b(this|past|last) week\b|\bthis past week\b/.test(t))
    return { after: now - 7 * DAY, label: 'in the last 7 days' };
  if (/\bthis month\b/.test(t)) {
    const d = new Date(now);
    return { after: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - 1, label: 'this month' };
  }
  if (/\b(past|last) month\b/.test(t)) return { after: now - 30 * DAY, label: 'in the last 30 days' };
  if (/\b(this|past|last) year\b/.test(t)) return { after: now - 365 * DAY, label: 'in the last 365 days' };
  if ((m = t.match(/\b(since|after|before)\s+(\d{4}-\d{2}-\d{2})\b/))) {
    const at = Date.parse(`${m[2]}T00:00:00.000Z`);
    if (!Number.isNaN(at))
      return m[1] === 'before' ? { before: at, label: `before ${m[2]}` } : { after: at - 1, label: `since ${m[2]}` };
  }
  return undefined;
}

/** "for 30 days" / "in 30 days" / "since 30 days" inactivity spans → a cutoff (now - n days). */
export function parseInactiveSpan(text: string, now: number): DateWindow | undefined {
  const m = text
    .toLowerCase()
    .match(
      /\b(?:for|in|in over|in more than|over|more than)\s+(\d+|a|one|two|three|thirty|ninety)\s+(day|week|month|year)s?\b/,
    );
  if (!m) return undefined;
  const n = m[1] === 'a' ? 1 : num(m[1]!);
  const span = m[2] === 'week' ? 7 * DAY : m[2] === 'month' ? 30 * DAY : m[2] === 'year' ? 365 * DAY : DAY;
  return { before: now - n * span, label: `not in the last ${n} ${m[2]}${n === 1 ? '' : 's'}` };
}
