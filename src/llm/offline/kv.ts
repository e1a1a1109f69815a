/**
 * Metadata written the way people say it, without JSON: "set tier to gold in the public metadata of X",
 * "X's metadata plan=pro, seats=3", "add tier: gold to the metadata". Values that look like numbers or booleans
 * become those; everything else stays a string. Returns undefined when no key/value pair is clearly there.
 */
import { ACTION_VERB } from './clauses.js';
import type { Sentence } from './entities.js';

const KEY = '(⟦q\\d+⟧|[A-Za-z_][\\w.-]*)';
// A value ends at a space, a separator or a bracket: "(key tier, value gold)" reads gold, not "gold)" — except a
// name in capitals, which runs over its words ("owner = Dana Whitfield in her metadata" is the whole name).
const VALUE =
  "(⟦q\\d+⟧|[A-Z][\\w'’.-]*(?:\\s+(?!(?:Please|Pls|Thanks|Thank|Also|And|But|Then|So|The|I|We|It|He|She|They|Can|Could|Would|Do|Don't|Ok|OK|Thx|Ty|Cheers)\\b)[A-Z][\\w'’.-]*)+(?![\\w'’])|[^\\s,;⟦=()]+)";
/**
 * Words of a sentence's grammar, and what a key is called ("the attribute 'x'"): never a metadata key, whichever
 * reader produced it (request.ts refuses a change that would write one). Not "a"/"an": a JSON object may hold such
 * a key.
 */
export const GRAMMAR_WORDS: ReadonlySet<string> = new Set([
  ...['the', 'and', 'or', 'not', 'no', 'of', 'to', 'in', 'on', 'for', 'from', 'with'],
  ...['is', 'are', 'be', 'was', 'it', 'its', 'his', 'her', 'their', 'this', 'that'],
  ...['attribute', 'property', 'entry', 'field', 'key', 'value', 'setting', 'remain', 'remains', 'stay', 'stays'],
]);

// Words kv's own patterns may catch where a key stands, which name no key: the grammar words and the words of the
// request around the metadata ("public", "user", "name" …), and the articles.
const NOT_KEYS = new Set([
  ...GRAMMAR_WORDS,
  ...[
    'a',
    'an',
    'pls',
    'plz',
    'please',
    'metadata',
    'public',
    'private',
    'unsafe',
    'user',
    'org',
    'organization',
    'role',
    'name',
    'first',
    'last',
  ],
  ...['username', 'slug', 'which', 'what', 'there', 'he', 'she', 'they', 'we', 'i', 'you', 'one'],
  ...['everything', 'nothing'],
]);

const REMOVED = /^(?:dropped|removed|deleted|erased|cleared|unset|wiped|purged|stripped)$/i;

// (Not a value: the start of "private metadata", "public metadata".)
const NOT_META = '(?![^\\s,;⟦=()]*\\s+metadata\\b)';

const LEAD_IN =
  /^(?:context|background|note|fyi|update|summary|ps|reason|why|ticket|subject|priority|category|customer|request|issue|problem|details?|info|quick\s+one|description|remediation|finding|observation|resolution|notes?|comments?|status|action|requested\s+action|steps?|expected|actual|env|environment|build|version|precondition|preconditions|severity|repro)$/i;

// "Remediation: The …", "Description: lena@… has …": a capitalised word before a colon followed by a sentence's
// first word is a document's label (a ticket, a finding), not a key and its value.
const LABEL =
  /^[A-Z][a-z]+(?:\s*\(s\))?:(?:the|a|an|this|that|these|those|it|he|she|they|we|i|our|his|her|their|has|have|is|are|was|were|please|pls|hi|hello)$/i;

/** Key/value pairs from a masked metadata request, or undefined. */
export function parseKeyValues(c: string, s: Sentence): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const put = (k: string, v: string): void => {
    const key = token(k, s);
    if (!key || NOT_KEYS.has(key.toLowerCase())) return;
    // (The patterns run case-blind, so a run of words is a name only when every word is capitalised as typed:
    // "to enterprise in her metadata" is the one word "enterprise".)
    const words = v.split(/\s+/);
    // ("the tier key has to be dropped": a key said to go is removed — Clerk deletes a key set to null.)
    const value = coerce(words.length > 1 && !words.every((w) => /^[A-Z]/.test(w)) ? words[0]! : v, s);
    out[key] = typeof value === 'string' && REMOVED.test(value) ? null : value;
  };
  // "plan=pro, seats=3" first; "plan: pro" only when there is no "=" form (so "Acme: tier=gold" reads tier).
  // ("plan -> pro", "tier → gold": an arrow gives the new value the same way.)
  // ("Foo's finance contact → promote her": an arrow before a request points at the request, not at a value.)
  for (const sep of [`(?:=(?!>)|(?:->|→|=>)(?!\\s*(?:(?:please|pls|just)\\s+)?${ACTION_VERB}\\b))`, ':']) {
    // ("A bit of context: we …", "Background: the …": a lead-in before a colon is no key.)
    // (A value never runs into the word metadata: "ticket T-1: ⟦owner⟧'s private metadata" has no pair.)
    for (const m of c.matchAll(new RegExp(`(?:^|[\\s,;:(])${KEY}\\s*${sep}\\s*${NOT_META}${VALUE}`, 'g')))
      if (sep !== ':' || (!LEAD_IN.test(m[1]!) && !LABEL.test(`${m[1]!}:${m[2]!}`))) put(m[1]!, m[2]!);
    // ("set tier to gold, seats -> 3": a "set k to v" pair said beside them counts too.)
    if (Object.keys(out).length > 0) {
      if (sep !== ':') setPairs(c, put);
      return out;
    }
  }
  // "(key tier, value gold)", "key: tier, value: gold", "the key is tier and the value gold": the pair named as
  // key and value.
  const named = c.match(
    new RegExp(
      `\\bkey\\s*:?\\s*(?:(?:should|must|will)\\s+be\\s+|is\\s+|of\\s+)?${KEY}\\s*[,;]?\\s*(?:and\\s+)?(?:with\\s+|having\\s+)?(?:its\\s+|the\\s+|a\\s+)?value\\s*:?\\s*(?:(?:should|must|will)\\s+be\\s+|is\\s+|of\\s+|=\\s*)?${VALUE}`,
      'i',
    ),
  );
  if (named) {
    put(named[1]!, named[2]!.replace(/\)$/, ''));
    if (Object.keys(out).length > 0) return out;
  }
  valueAsKey(c, put);
  if (Object.keys(out).length > 0) return out;
  // "record the department "Legal" in her public metadata (key: department)": the entry named by a noun and its
  // quoted value, kept under the key said in brackets when there is one.
  const noun = c.match(NOUN_VALUE_INTO);
  if (noun) {
    put(c.match(/\(\s*key\s*:?\s*(⟦q\d+⟧|[A-Za-z_][\w.-]*)\s*\)/i)?.[1] ?? noun[1]!, noun[2]!);
    if (Object.keys(out).length > 0) return out;
  }
  setPairs(c, put);
  const after = c.match(new RegExp(`\\bmetadata\\s+(?:key\\s+|field\\s+)?${KEY}\\s+(?:to|as|=)\\s+${VALUE}`, 'i'));
  if (Object.keys(out).length === 0 && after) put(after[1]!, after[2]!);
  if (Object.keys(out).length === 0) keyFirstForms(c, put);
  if (Object.keys(out).length === 0) proseForms(c, put);
  return Object.keys(out).length > 0 ? out : undefined;
}

/** "set plan to enterprise …", "metadata key plan to pro", "change the tier in the metadata to gold". */
function setPairs(c: string, put: (k: string, v: string) => void): void {
  for (const verb of c.matchAll(
    new RegExp(
      // ("set their org's plan to X": an owner said before the key is not the key.)
      `\\b(?:set(?:ting)?|put(?:ting)?|add(?:ing)?|chang(?:e|ing)|updat(?:e|ing)|mak(?:e|ing)|and)\\s+(?:the\\s+)?(?:(?:their|his|her|its|our)\\s+(?:(?:org|organi[sz]ation|company|account)(?:'s|’s)\\s+)?|[\\w.-]+(?:'s|’s)\\s+)?(?:(?:public|private|unsafe)\\s+)?(?:metadata(?:'s|’s)?\\s+)?(?:key\\s+|field\\s+|value\\s+(?:of\\s+)?)?${KEY}\\s+(?:to|as)\\s+${VALUE}`,
      'gi',
    ),
  ))
    put(verb[1]!, verb[2]!);
  // "flip his tier in the public metadata from basic to gold", "switch tier from silver to gold in X's
  // metadata": the key, where it is, and the value it goes to (an old value "from …" is only context).
  for (const m of c.matchAll(KEY_WHERE_TO)) put(m[1]!, m[2]!);
}

// "store ab_77 as crm_ref in her private metadata", "record ab_77 against Foo as vendor_no in its metadata": the
// value first, then the key it is kept as ("that number" is filled in by value-anaphora.ts before this reads it).
const VALUE_AS_KEY = new RegExp(
  `\\b(?:store|record|save|keep|put|add|write|log|note|file)\\s+(?:(?:the\\s+)?value\\s+)?${VALUE}\\s+(?:(?:against|on|for|to|under|with)\\s+[^,;]{1,60}?\\s+)?as\\s+(?:(?:the|its|their|her|his)\\s+)?(?:key\\s+)?${KEY}\\s+(?:in|into|on|inside|under|within)\\b[^,;]{0,40}?\\bmetadata\\b`,
  'i',
);

const NOUN_VALUE_INTO =
  /\b(?:record|set|put|store|add|enter|write|note|save)\s+(?:the\s+|a\s+|an\s+|her\s+|his\s+|their\s+|its\s+)?([a-z][\w-]*)\s+(⟦q\d+⟧)\s+(?:in|into|on|to|under)\b[^.;!?]{0,60}?\bmetadata\b/i;

function valueAsKey(c: string, put: (k: string, v: string) => void): void {
  const m = c.match(VALUE_AS_KEY);
  if (m) put(m[2]!, m[1]!);
}

// ("the value of K", "the attribute K": what the key is called, said before it.)
const KEY_NOUN = '(?:(?:value\\s+of|key|field|entry|attribute|property|setting)\\s+(?:the\\s+)?)?';
const KEY_WHERE_TO = new RegExp(
  `\\b(?:set|change|flip|switch|update|move|bump|turn|put|amend|modify|alter|correct)\\s+(?:the\\s+)?${KEY_NOUN}${KEY}\\s+(?:(?:(?:held|stored|kept|saved)\\s+)?(?:in|on|inside|of)\\s+[^,;]{0,50}?metadata\\s+)?(?:from\\s+(?:⟦q\\d+⟧|[^\\s,;]+)\\s+)?to\\s+${VALUE}`,
  'gi',
);

// A setting verb said after the key, as a participle or a wish: "with vip set to true", "tier should be gold",
// "cohort needs to be changed to spring".
const SET_PARTICIPLE = '(?:set|changed|switched|updated|flipped|turned)\\s+(?:to|as)\\s+';
// (Without "is", "gets" or "being" only "set": "the customer switched to invoice billing" tells what happened, it
// sets no key "customer".)
const BARE_PARTICIPLE = '(?:set|flipped|turned)\\s+(?:to|as)\\s+';
const KEY_THEN_VALUE = new RegExp(
  `(?:^|[\\s,;(])${KEY}\\s+(?:(?:(?:should|must|will|shall)(?:\\s+now)?|needs?\\s+to|has\\s+to|to)\\s+be\\s+(?:${SET_PARTICIPLE})?|(?:is\\s+(?:now\\s+)?|being\\s+|gets?\\s+)${SET_PARTICIPLE}|${BARE_PARTICIPLE})${NOT_META}${VALUE}`,
  'gi',
);
// "add region eu-west to her metadata", "store crm_ref 88213 in X's private metadata": a key and its value side by
// side after a verb that writes, then where they go. (A word that names the entry itself is no value: "add the vip
// flag to …".)
const KEY_VALUE_INTO = new RegExp(
  `\\b(?:add|put|store|stick|save|record|write|include)\\s+(?:(?:a|the|an)\\s+)?(?:(?:new\\s+)?(?:key|field|entry)\\s+)?${KEY}\\s+(?:(?:with\\s+)?(?:the\\s+|a\\s+)?value\\s+(?:of\\s+)?)?(?!(?:flag|key|field|entry|tag|label|note|setting|property|value|attribute)\\b)${VALUE}\\s+(?:in|into|to|on|onto|inside)\\b`,
  'i',
);

function keyFirstForms(c: string, put: (k: string, v: string) => void): void {
  for (const m of c.matchAll(KEY_THEN_VALUE)) put(m[1]!, m[2]!);
  const into = c.match(KEY_VALUE_INTO);
  if (into) put(into[1]!, into[2]!);
}

// "drop the hubspot contact id off his private metadata": a key said in words is the snake_case key those words
// spell (the convention metadata keys follow), when the words name it right before where it is kept.
const KEY_PHRASE_REMOVAL =
  /\b(?:remove|delete|drop|clear|unset|erase|strip|wipe|take)(?:\s+out)?\s+(?:the\s+|her\s+|his\s+|their\s+|its\s+)?((?:[a-z][a-z0-9]*\s+){1,3}[a-z][a-z0-9]*)(?:\s+(?:key|field|entry|flag|value|setting|property|attribute|thing|bit))?\s+(?:from|in|off|out\s+of)\s+[^.;!?]{0,40}?\bmetadata\b/;
const KEY_NOUNS = new Set([
  'key',
  'field',
  'entry',
  'flag',
  'value',
  'setting',
  'property',
  'attribute',
  'thing',
  'bit',
  'info',
]);
// (Words that are never part of a key's name: the NOT_KEYS words, and the small words around a phrase.)
const NOT_KEY_WORDS = new Set([
  ...NOT_KEYS,
  ...['and', 'or', 'of', 'my', 'our', 'keys', 'fields', 'entry', 'all', 'every', 'them', 'from', 'in', 'off', 'out'],
  ...['account', 'profile'],
]);

/**
 * Metadata said in prose, only when the message talks about metadata: "remove the 'region' key" → region: null
 * (Clerk deletes a key set to null), "mark her as a beta_tester" / "flag X as vip" → beta_tester: true.
 */
function proseForms(c: string, put: (k: string, v: string) => void): void {
  if (!/\bmetadata\b/i.test(c)) return;
  const phrase = c.match(KEY_PHRASE_REMOVAL);
  const words = phrase ? phrase[1]!.split(/\s+/) : [];
  // ("the tier thing", "the plan bit": what the key is called, not part of its name.)
  while (words.length > 0 && KEY_NOUNS.has(words[words.length - 1]!)) words.pop();
  if (words.length > 1 && !words.some((w) => NOT_KEY_WORDS.has(w) || KEY_NOUNS.has(w))) {
    put(words.join('_'), 'null');
    return;
  }
  // "take the 'promo' flag out of his public metadata": taking a key out of it is removing it.
  const takeOut = c.match(
    new RegExp(
      `\\btake\\s+(?:the\\s+)?(?:(?:key|field|entry|flag)\\s+)?${KEY}(?:\\s+(?:key|field|entry|flag|value|setting|thing|bit))?\\s+(?:out\\s+of|off(?:\\s+of)?|away\\s+from|from)\\b`,
      'i',
    ),
  );
  if (takeOut && !/^[A-Z][a-z]+$/.test(takeOut[1]!)) {
    put(takeOut[1]!, 'null');
    return;
  }
  const removal = c.match(
    new RegExp(
      // ("the flag key": a word before "key" is the key itself, never the noun "key".)
      `\\b(?:remove|delete|drop|clear|unset|erase|strip|wipe)(?:\\s+out)?\\s+(?:the\\s+)?(?:(?:key|field|entry|flag|attribute|property|setting|value\\s+of)\\s+(?!(?:key|field|entry|note|value)\\b))?${KEY}(?:\\s+(?:key|field|entry|flag|value|note|setting|property|attribute|thing|bit|value))?(?![\\w])`,
      'i',
    ),
  );
  if (removal) {
    // ("remove Remediation: The legacy_id key …": a capitalised word there is a label the sentence was recast
    // around; the one snake_case key the text names is the key.)
    const snake = [
      ...new Set([...c.matchAll(/(?<![\w.@⟦-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?![\w@⟧-])/g)].map((m) => m[1]!)),
    ].filter((k) => !/_metadata$/.test(k));
    if (/^[A-Z][a-z]+$/.test(removal[1]!)) {
      if (snake.length === 1) put(snake[0]!, 'null');
      return;
    }
    put(removal[1]!, 'null');
    return;
  }
  const flag = c.match(new RegExp(`\\b(?:mark|flag|tag|set|label)\\s+.+?\\s+as\\s+(?:an?\\s+)?${KEY}`, 'i'));
  // ("put the desk … to the same desk as Omar's": a comparison with someone, and a capitalised plain word is a
  // person's name — neither is a flag to set to true.)
  const after = flag ? c.slice((flag.index ?? 0) + flag[0].length) : '';
  if (flag && !/\bsame\b/i.test(flag[0]) && !/^['’]s?\b/.test(after) && !/^\p{Lu}\p{Ll}+$/u.test(flag[1]!))
    put(flag[1]!, 'true');
}

function token(t: string, s: Sentence): string | undefined {
  const q = t.match(/^⟦q(\d+)⟧$/);
  return q ? s.ents.quoted[Number(q[1])] : t;
}

function coerce(v: string, s: Sentence): unknown {
  const q = v.match(/^⟦q(\d+)⟧$/);
  if (q) return s.ents.quoted[Number(q[1])];
  const bare = v.replace(/[.!?]+$/, '');
  if (/^-?\d+(?:\.\d+)?$/.test(bare)) return Number(bare);
  if (/^(?:true|false)$/i.test(bare)) return bare.toLowerCase() === 'true';
  if (/^null$/i.test(bare)) return null;
  return bare;
}
