/**
 * A read said as what someone needs (issue 15, round 4): "need the list of banned users for the audit", "we'd like
 * an overview of locked accounts", "I want all pending invites on one page", "could you get me the number of
 * banned users". The object is a group of records (a plural resource noun, with the state words the list parsers
 * read), so the sentence is that list — or that count — in the imperative. It never yields a change: the result
 * always starts with "list" or "how many", and a sentence whose object is one person ("I need Ann banned") does
 * not fit (request-form.ts reads that one).
 */
import { VERBS } from './lexicon.js';

const LEAD = '((?:[^,.!?]*,\\s*)?(?:(?:and|so|also|pls|please)\\s+)*)';
const WHO =
  "(?:(?:i|we|they|the\\s+\\w+(?:\\s+\\w+)?|someone|management|compliance|legal|audit)(?:'d|’d|\\s+would|\\s+will)?\\s+)?";
const WANT =
  '(?:(?:really|just|only|also|urgently)\\s+)?(?:need|needs|want|wants|like|require|requires|would\\s+like|(?:can|could)\\s+(?:you|u)\\s+(?:please\\s+)?(?:get|send|give|pull)\\s+(?:me|us)|(?:please\\s+)?(?:get|send|give|pull)\\s+(?:me|us))';
const SEE = '(?:to\\s+(?:see|get|have|receive|pull)\\s+)?';
const HEAD =
  '(?:(?:a|an|the)\\s+)?(?:(?:full|complete|quick|current|up-to-date|updated|fresh)\\s+)?(?:(list(?:ing)?|overview|rundown|export|report|dump|roster|summary|count|number|tally|total)\\s+of\\s+)?';
const STATE =
  '(?:(?:all|every|each)\\s+(?:of\\s+)?(?:the\\s+)?|the\\s+)?(?:(?:currently|presently|still|now)\\s+)?(?:(?:banned|locked|pending|outstanding|expired|accepted|revoked|active|new|recent|unaccepted)\\s+)*';
const NOUN =
  '(?:users|accounts|people|members|memberships|orgs|organi[sz]ations|invit(?:ation|e)s|sign-?ups|sessions|admins|domains)';
const WANTED_READ = new RegExp(`^${LEAD}${WHO}${WANT}\\s+${SEE}${HEAD}(${STATE}${NOUN}\\b.*)$`, 'i');

// "we need the users at @x.test banned": the group is the object of a change said as a wanted state (request-form).
const CHANGE_AFTER = new RegExp(
  `\\b(?:${VERBS.filter((v) => !['list', 'show', 'sign', 'make'].includes(v))
    .flatMap((v) => (v.endsWith('e') ? [`${v}d`] : [`${v}ed`, `${v}${v.at(-1)}ed`]))
    .join('|')}|gone|added|kicked|out\\s+of|off\\s+(?:the|of))\\b`,
  'i',
);

/** The sentence as a list (or count) when it asks for a group of records, or undefined. */
export function wantedRead(sentence: string): string | undefined {
  const m = sentence.trim().match(WANTED_READ);
  if (!m || CHANGE_AFTER.test(m[3]!.replace(new RegExp(`^${STATE}`, 'i'), ''))) return undefined;
  const count = /^(?:count|number|tally|total)$/i.test(m[2] ?? '');
  return `${m[1]}${count ? 'how many' : 'list'} ${m[3]!.replace(/^(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?/i, '')}`;
}
