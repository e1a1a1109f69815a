/**
 * The approval card: everything a human needs to say yes or no to one pending call, in a numbered block.
 * Destructive calls are marked in red; a live instance gets a LIVE warning on every card.
 */
import type { FieldChange, PendingCall, RequestLine } from '../../agent/types.js';
import type { Colors } from './colors.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Card text quotes Clerk data (names an end user chose, organization names, metadata keys). A terminal control
 * character in it could erase or move lines and make a delete look like something else, or a newline could add a
 * fake card line, so each one is shown as a visible escape (`\u001b`) instead of being sent to the terminal.
 */
export function visible(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const short = (text: string, max: number) =>
  [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;

/** One diff value as short JSON text (`absent` when there is none: "(unset)" before, "(removed)" after). */
function showValue(value: unknown, absent = '(unset)'): string {
  if (value === undefined) return absent;
  try {
    return short(JSON.stringify(value) ?? String(value), 60);
  } catch {
    return short(visible(String(value)), 60);
  }
}

/** "first_name: "Jane" → "Janet""; list fields also say "(+ "b"; − "a")". */
export function formatChange(change: FieldChange): string {
  const line = `${visible(change.field)}: ${showValue(change.before)} → ${showValue(change.after, '(removed)')}`;
  const items = [
    ...(change.added ?? []).map((x) => `+ ${showValue(x)}`),
    ...(change.removed ?? []).map((x) => `− ${showValue(x)}`),
  ];
  return items.length > 0 ? `${line} (${items.map(visible).join('; ')})` : line;
}

/** The requests a call sends, one per line; a preview stored before request lines existed shows its one line. */
export function requestLinesOf(call: PendingCall): RequestLine[] {
  return call.preview.requests ?? [{ method: call.preview.method, path: call.preview.path }];
}

/** Splits text into lines of at most `width` characters, on spaces where possible. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line !== '' && [...line].length + 1 + [...word].length > width) {
        out.push(line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    out.push(line);
  }
  return out;
}

/** The LIVE warning line used in the banner and on every card. */
export function liveWarning(colors: Colors): string {
  return colors.alert(' LIVE ') + ' ' + colors.bold('This is a live Clerk instance: changes affect real users.');
}

/** Renders the card for call `index` (0-based) of `total` as lines. */
export function renderCard(call: PendingCall, index: number, total: number, colors: Colors, width = 100): string[] {
  const tier = call.risk === 'destructive' ? colors.red(colors.bold('DESTRUCTIVE')) : colors.yellow('write');
  const inner = Math.max(30, width - 4);
  const bar = colors.dim('│');
  const lines = [
    `${colors.dim('╭─')} ${colors.bold(`Change ${index + 1} of ${total}`)} · ${tier} · ${visible(call.action)}`,
  ];
  for (const l of wrap(visible(call.preview.text), inner)) lines.push(`${bar} ${colors.bold(l)}`);
  for (const request of requestLinesOf(call))
    lines.push(`${bar} ${colors.cyan(visible(request.method))} ${visible(request.path)}`);
  if (call.preview.diff && call.preview.diff.length > 0) {
    lines.push(`${bar} Changes:`);
    for (const change of call.preview.diff)
      for (const l of wrap(formatChange(change), inner - 2)) lines.push(`${bar}   ${l}`);
  }
  if (call.preview.consequences && call.preview.consequences.length > 0) {
    lines.push(`${bar} Consequences:`);
    for (const c of call.preview.consequences)
      for (const l of wrap(`- ${visible(c)}`, inner - 2)) lines.push(`${bar}   ${l}`);
  }
  if (call.live) lines.push(`${bar} ${liveWarning(colors)}`);
  lines.push(colors.dim('╰─'));
  return lines;
}
