/**
 * Readable tables for list results: a few meaningful columns, cells cut to fit the terminal width.
 */
import { stripAnsi } from './colors.js';

/** Options for one table. */
export interface TableOptions {
  /** Columns to show; default: picked from the rows (see pickColumns). */
  columns?: string[];
  /** Total width available. */
  width: number;
  /** Rows after this many are summarised as "… N more". */
  maxRows?: number;
}

// Most telling fields first; ids last because they are long and rarely what a human scans for.
const PREFERRED = [
  'name',
  'email',
  'email_address',
  'identifier',
  'username',
  'slug',
  'organization_name',
  'role',
  'status',
  'banned',
  'locked',
  'members_count',
  'domain',
  'is_satellite',
  'created_at',
  'last_sign_in_at',
  'expires_at',
  'id',
];
const MAX_COLUMNS = 7;

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Chooses up to seven scalar columns present in the rows, most telling first. */
export function pickColumns(rows: readonly Record<string, unknown>[]): string[] {
  const keys: string[] = [];
  for (const row of rows)
    for (const key of Object.keys(row)) if (!keys.includes(key) && isScalar(row[key])) keys.push(key);
  const preferred = PREFERRED.filter((k) => keys.includes(k));
  const others = keys.filter((k) => !PREFERRED.includes(k) && k !== 'object');
  const chosen = [...preferred.filter((k) => k !== 'id'), ...others].slice(0, MAX_COLUMNS - 1);
  if (keys.includes('id')) chosen.push('id');
  return chosen;
}

const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;

/** One cell as short text: null → "—", booleans → yes/no, ISO timestamps → "YYYY-MM-DD HH:MM". */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    const iso = ISO.exec(value);
    return (iso ? `${iso[1]} ${iso[2]}` : value).replace(/\s+/g, ' ');
  }
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const cut = (text: string, width: number) =>
  [...text].length <= width ? text : `${[...text].slice(0, Math.max(0, width - 1)).join('')}…`;
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...stripAnsi(text)].length));

/** Renders rows as aligned text lines (header, rule, rows), fitted into `width`. */
export function renderTable(rows: readonly Record<string, unknown>[], options: TableOptions): string[] {
  if (rows.length === 0) return [];
  const maxRows = options.maxRows ?? 25;
  const shown = rows.slice(0, maxRows);
  let columns = options.columns ?? pickColumns(rows);
  const natural = (cols: string[]) =>
    cols.map((col) => Math.max([...col].length, ...shown.map((row) => [...formatCell(row[col])].length)));
  const fits = (cols: string[]) => natural(cols).reduce((a, b) => a + b, 0) + 2 * cols.length <= options.width;
  // Picked columns are in order of importance: drop from the end (ids, then timestamps) before cutting cells.
  if (!options.columns) while (columns.length > 3 && !fits(columns)) columns = columns.slice(0, -1);
  const cells = shown.map((row) => columns.map((c) => formatCell(row[c])));
  const widths = natural(columns);

  // Shrink the widest column one character at a time until the row fits (2 spaces between columns).
  const budget = options.width - 2 * (columns.length - 1) - 2;
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 6) break;
    widths[widest]!--;
  }

  const line = (parts: string[]) =>
    '  ' +
    parts
      .map((p, i) => pad(cut(p, widths[i]!), widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [line(columns), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)];
  if (rows.length > shown.length) out.push(`  … ${rows.length - shown.length} more`);
  return out;
}
