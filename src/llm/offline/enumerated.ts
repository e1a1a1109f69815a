/**
 * A message that lists its asks (round 13): "1) … 2) … 3) …", "(i) … (ii) …", lines starting with "-" or "•",
 * "First, … Second, …". Each item is its own request: read alone, its pronouns and names stay inside it ("make her
 * an admin" in item 2 is the person item 2 names, never the address item 3 names).
 *
 * Rule: the text before the first item is context (a greeting, "few things for Foo:"); an item that reads as
 * nothing alone is read again after it. The items' readings are taken as the steps of one request only when every
 * item reads as something (a change or a question) — otherwise the message is left to the sentence readers, as
 * before, and what they cannot read is reported back (accounting.ts).
 */
import type { Intent } from './intent-types.js';

// Where an item starts: a number, a roman numeral, a letter or a bullet, at a line start or after a space; or an
// ordinal word at a sentence start.
const MARKER = new RegExp(
  [
    // at a line start: "1.", "1)", "(1)", "a)", "(ii)", "-", "•", "*"
    String.raw`(?:^|\n)[ \t]*(?:\d{1,2}[.)]|\(\d{1,2}\)|[a-e]\)|\([a-e]\)|[ivx]{1,4}\)|\([ivx]{1,4}\)|[-•*–])\s+`,
    // inside a line: "1)", "(1)", "(ii)" after a space or a colon
    String.raw`(?<=[\s:])(?:\d{1,2}\)|\(\d{1,2}\)|\([ivx]{1,4}\))\s+`,
    // an ordinal word at a sentence start
    String.raw`(?:^|(?<=[.!?:;]\s)|\n\s*)(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|finally|lastly)\b\s*[,:]?\s+`,
  ].join('|'),
  'gi',
);

let reading = false;

/** The items of a listed message (at least two), with the text before them; undefined when it lists nothing. */
export function listedItems(text: string): { preamble: string; items: string[] } | undefined {
  const marks = [...text.matchAll(MARKER)];
  if (marks.length < 2) return undefined;
  // Numbered items count in order (1, 2, 3 / i, ii / a, b): a stray "2)" inside prose is not a list.
  const numbers = marks.map((m) => m[0].match(/\d{1,2}/)?.[0]).filter((n) => n !== undefined);
  if (numbers.length > 0 && numbers.some((n, k) => Number(n) !== Number(numbers[0]) + k)) return undefined;
  const items = marks.map((m, k) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = k + 1 < marks.length ? (marks[k + 1]!.index ?? text.length) : text.length;
    return text.slice(from, to).trim();
  });
  if (items.some((it) => it.length === 0)) return undefined;
  return { preamble: text.slice(0, marks[0]!.index ?? 0).trim(), items };
}

const CONSTRAINT = /^(?:please\s+)?(?:do\s+not|don'?t|dont|never|nothing\s+else|no\s+other|not)\b/i;
const NOTHING = new Set<Intent['kind']>(['unknown', 'help', 'smalltalk', 'refuse']);

/** Each listed item read on its own, as one request of several steps; undefined when the message lists nothing. */
export function parseEnumerated(text: string, read: (text: string) => Intent): Intent | undefined {
  if (reading) return undefined;
  const listed = listedItems(text);
  if (!listed) return undefined;
  reading = true;
  try {
    const steps: Intent[] = [];
    for (const item of listed.items) {
      // "2. Never remove or lock her": a constraint on the other items, never a step of its own.
      if (CONSTRAINT.test(item)) continue;
      let intent = read(item);
      // Read again after the context when alone it reads as nothing, or leaves something to be found in the text
      // ("drop her from the team" under "two asks about Foo:", "the account" under "x@y.test reported:").
      if (
        listed.preamble &&
        (NOTHING.has(intent.kind) || /"kind":"(?:mention|pronoun)"/.test(JSON.stringify(intent)))
      ) {
        const again = read(`${listed.preamble}\n${item}`);
        if (NOTHING.has(intent.kind) || again.kind === intent.kind) intent = again;
      }
      if (NOTHING.has(intent.kind)) return undefined;
      steps.push(...(intent.kind === 'sequence' ? intent.steps : [intent]));
    }
    return steps.length > 0 ? { kind: 'sequence', steps } : undefined;
  } finally {
    reading = false;
  }
}
