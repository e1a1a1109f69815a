/**
 * Text dictated by speech-to-text (issue 15, round 11): an address said aloud ("maria at example dot com"), a key
 * said with its separators ("crm underscore contact underscore ref"), a name spelt out letter by letter
 * ("j o p a r k"). Spelt the way it is typed before anything reads the message, so the masks and readers see an
 * address, a key and a word. Only unambiguous shapes: an address needs "at" and a "dot" before a known top-level
 * domain; letters are joined only in runs of four or more.
 */

const TLD = '(?:com|org|net|io|dev|app|ai|co|edu|gov|test|example|local|uk|de|fr|es|it|nl|eu|us|ca|au|in)';
// "maria at example dot com", "j dot ramirez at globex dot test": the local part may itself be dotted.
const SPOKEN_ADDRESS = new RegExp(
  `\\b([a-z0-9][a-z0-9_-]*(?:\\s+(?:dot|underscore|dash|hyphen)\\s+[a-z0-9][a-z0-9_-]*)*)\\s+at\\s+([a-z0-9][a-z0-9-]*(?:\\s+dot\\s+[a-z0-9][a-z0-9-]*)*\\s+dot\\s+${TLD})\\b`,
  'gi',
);
// "accounts from spamdeals dot test": a domain said aloud, with no mailbox before it (one or more dotted labels
// ending in a known top-level domain; the first label is no common word).
const SPOKEN_HOST = new RegExp(`\\b([a-z0-9][a-z0-9-]*(?:\\s+dot\\s+[a-z0-9][a-z0-9-]*)*\\s+dot\\s+${TLD})\\b`, 'gi');
const NOT_LABEL = /^(?:the|a|an|this|that|one|is|was|it|and|or|to|of|in|on|at|no|any)\s/i;
const NOT_LOCAL =
  /^(?:one|someone|anyone|everyone|somebody|anybody|everybody|him|her|them|me|us|people|users?|person|guy|girl|account|email|address|mail|is|was|be|based|works?|working|who|the|a|an|up|in|on|out|off|signed|registered|here|there|live|lives|located|me|over|staff|team)$/i;
const SEPARATOR: Readonly<Record<string, string>> = { dot: '.', underscore: '_', dash: '-', hyphen: '-' };
const joined = (words: string): string =>
  words.replace(/\s+(dot|underscore|dash|hyphen)\s+/gi, (_m, sep: string) => SEPARATOR[sep.toLowerCase()]!);

// Punctuation said aloud (round 18): "… by Friday period thanks", "are there any in Foo question mark". "period" is
// also a noun ("the trial period", "during that period"): after such a word it stays.
const PERIOD_NOUN =
  /\b(?:trial|billing|grace|notice|waiting|probation(?:ary)?|time|same|each|per|pay|cooling(?:-off)?|lock(?:out)?|retention|holding|free|test|beta|rental|reporting|school|class|evaluation|review|contract|subscription|renewal|introductory|vesting|quiet|any|every|whole|entire|given|certain|short|long|week|month|year|transition|first|second|third|last|next|current|previous|a|the|(?:during|in|for|over|within|throughout|after|before|of|since|until)\s+(?:that|this|the|a|which))\s*$/i;
const SPOKEN_PERIOD = /(?:[ \t]+|^)(?:period|full\s+stop)\b(?![-'’])[ \t]*/gim;
const SPOKEN_MARKS: ReadonlyArray<[RegExp, string]> = [
  [/[ \t]+question\s+mark\b[ \t]*/gi, '? '],
  [/[ \t]+exclamation\s+(?:point|mark)\b[ \t]*/gi, '! '],
  [/(?<!\b(?:a|the|oxford|serial|inverted|no|one)\s*)[ \t]+comma\b(?![-'’])[ \t]*/gi, ', '],
  [/[ \t]+new\s+(?:line|paragraph)\b[ \t]*/gi, '\n'],
];
// Read aloud from an email: "she wrote quote hi Sam … end quote". The words between are pasted text.
const SPOKEN_QUOTE = /\bquote\b([\s\S]+?)\b(?:end\s+quote|unquote|close\s+quote|end\s+of\s+quote)\b[ \t]*/gi;
// Words misheard for the admin verb: "on lock his account" (unlock), "band him off the site" (ban). Only right
// before whom it is done to: "put it on lock" and "a band" keep their meaning.
const MISHEARD: ReadonlyArray<[RegExp, (m: string, ...groups: string[]) => string]> = [
  [
    /\b([Oo]n)[ -]([Ll]ock|[Bb]an|[Bb]lock)\s+(?=(?:[Hh]im|[Hh]er|[Tt]hem|[Hh]is|[Tt]heir|[Tt]he|[Tt]his|[Tt]hat|[Mm]y|[Oo]ur)\b|\p{Lu})/gu,
    (_m: string, on: string, verb: string) => `${on[0] === 'O' ? 'U' : 'u'}n${verb.toLowerCase()} `,
  ],
  [
    /\bband\s+(?=(?:him|her|them|this\s+(?:user|account|person|guy)|that\s+(?:user|account|person|guy)|the\s+(?:user|account))\b)/gi,
    () => 'ban ',
  ],
];

// Asks counted aloud after saying how many there are: "two quick ones one lock Omar two invite me … and
// three set …". The count words, found in order after the announcement, become the list markers the list reader
// knows ("1) … 2) …"); a count word that is part of a phrase ("the one on his phone", "one of them") is no marker.
const ANNOUNCED =
  /\b(?:two|three|four|five|[2-5]|a\s+couple\s+(?:of\s+)?|a\s+few)\s+(?:\w+\s+)?(?:things|items|requests|changes|tasks|chores|asks|questions)\b/i;
const COUNTS: ReadonlyArray<string> = ['one', 'two', 'three', 'four', 'five'];
const ORDINALS: ReadonlyArray<string> = ['first', 'second', 'third', 'fourth', 'fifth'];
const NOT_MARKER_AFTER =
  /^\s*(?:of|more|less|or|and|day|days|week|weeks|hour|hours|minute|minutes|person|people|user|users|member|members|thing|things|time|times|month|months|year|years|seat|seats|admin|admins)\b/i;
const NOT_MARKER_BEFORE =
  /\b(?:the|a|every|each|no|any|which|last|this|that|only|just|to|of|at|than|or|about|with)\s*$/i;

function spokenCount(text: string): string {
  const said = ANNOUNCED.exec(text);
  if (!said) return text;
  const start = said.index + said[0].length;
  const marks: Array<{ at: number; end: number }> = [];
  let from = start;
  for (let k = 0; k < COUNTS.length; k++) {
    // (A count word inside an address or a key — "one@x.test", "step_two" — is no marker.)
    const re = new RegExp(`(?<![\\w.@+'’-])(?:${COUNTS[k]}|${ORDINALS[k]}(?:ly)?)(?![\\w@.'’-])[,:]?\\s*`, 'gi');
    re.lastIndex = from;
    let found: RegExpExecArray | null = null;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      if (NOT_MARKER_AFTER.test(text.slice(end)) || NOT_MARKER_BEFORE.test(text.slice(start, m.index))) continue;
      found = m;
      break;
    }
    if (!found) break;
    marks.push({ at: found.index, end: found.index + found[0].length });
    from = found.index + found[0].length;
  }
  if (marks.length < 2) return text;
  let out = '';
  let last = 0;
  marks.forEach((mark, k) => {
    out += `${text.slice(last, mark.at).replace(/\s*(?:,|\band\b|\bthen\b|\s)*$/i, '')}\n${k + 1}) `;
    last = mark.end;
  });
  return out + text.slice(last);
}

/** Dictated punctuation, quotes, counted asks and misheard admin verbs written as typed. */
export function spokenPunctuation(text: string): string {
  let out = text.replace(SPOKEN_QUOTE, (_m, inner: string) => `:\n${inner.trim()}\n`);
  out = out.replace(SPOKEN_PERIOD, (m, at: number, whole: string) => (PERIOD_NOUN.test(whole.slice(0, at)) ? m : '. '));
  for (const [re, to] of SPOKEN_MARKS) out = out.replace(re, to);
  for (const [re, to] of MISHEARD) out = out.replace(re, to);
  out = spokenCount(out);
  return out.replace(/[ \t]+$/gm, '');
}

/** The message with dictated addresses, separators and spelt-out words written as typed. */
export function spokenForms(text: string): string {
  return (
    spokenPunctuation(text)
      // ("j o p a r k": four or more single letters in a row are one word.)
      .replace(/\b(?:[a-z]\s+){3,}[a-z]\b/gi, (run) => run.replace(/\s+/g, ''))
      // ("the guy at mail dot test": a word that points at a person is no mailbox name.)
      .replace(SPOKEN_ADDRESS, (m, local: string, domain: string) =>
        NOT_LOCAL.test(local) ? m : `${joined(local)}@${joined(domain)}`,
      )
      // ("the guy at mail dot test": after "at" the address reader had its say, and left it as said.)
      .replace(SPOKEN_HOST, (m, host: string, at: number, whole: string) =>
        NOT_LABEL.test(host) || /\bat\s+$/i.test(whole.slice(0, at)) ? m : joined(host),
      )
      // ("crm underscore contact underscore ref": a key said with its underscores.)
      .replace(/\b([a-z0-9]+(?:\s+underscore\s+[a-z0-9]+)+)\b/gi, (words) => joined(words))
  );
}
