/**
 * One claim of a JWT template changed in prose: "the tenant claim should be 'beta' rather than 'alpha'",
 * "set the org claim to {{org.id}}", "change the tenant claim from acme to globex". Rule: the words before
 * "claim" describe a key of the template's claims (at any depth); every word must be a part of that key
 * ("tenant id" → "x-app-tenant-id"). The planner reads the template and changes that one key only, so
 * every other claim is kept unchanged. When the old value is said, a key holding it is preferred.
 */
import { type Sentence, unmask } from './entities.js';

export interface ClaimChange {
  /** Words that describe the claim key, lower-case ("tenant", "id"). */
  words: string[];
  value: unknown;
  /** The value the user says it has now, when said ("rather than 'user'"). */
  was?: unknown;
  /** A new top-level claim with exactly this key ("add a claim user_plan = {{…}}"); `words` is unused then. */
  key?: string;
  /** The described claim is taken out ("drop the email claim"); `value` is unused then. */
  remove?: true;
}

// "remove the email claim from the foo template", "drop claim 'tier'", "take the x-app-team claim out": one claim
// removed. The key may be words, a key-shaped token, a quoted key or a token the masker read as an id.
const REMOVE =
  /\b(?:remove|drop|delete|strip|erase|take\s+out|take|get\s+rid\s+of)\s+(?:the\s+|that\s+|its\s+)?(?:[\w.-]+\s+(?:jwt\s+)?template(?:'s|’s)\s+)?(?:claims?\s+(?:called\s+|named\s+|keyed\s+)?(⟦[qi]\d+⟧|[\w.:-]+)|(⟦[qi]\d+⟧|(?:[\w.:-]+\s+){0,2}?[\w.:-]+)\s+claims?)(?!\w)/i;

/** The one claim a clause removes, or undefined. */
export function parseClaimRemoval(c: string, s: Sentence): ClaimChange | undefined {
  const m = c.match(REMOVE);
  if (!m) return undefined;
  const said = (m[1] ?? m[2])!;
  const token = said.match(/^⟦([qi])(\d+)⟧$/);
  const text = token
    ? token[1] === 'q'
      ? s.ents.quoted[Number(token[2])]
      : s.ents.ids[Number(token[2])]?.value
    : said;
  if (!text) return undefined;
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !LEAD.test(w));
  return words.length > 0 ? { words, value: null, remove: true } : undefined;
}

const TOKEN = '(⟦[qixej]\\d+⟧|[^\\s,;]+)';
const ADD_FORMS = [
  new RegExp(
    `\\bkey\\s+(?:should\\s+be\\s+|is\\s+|=\\s*|:\\s*|named\\s+|called\\s+)?${TOKEN}\\s*,?\\s*(?:and\\s+)?(?:its\\s+|the\\s+|with\\s+(?:the\\s+)?)?value\\s+(?:should\\s+be\\s+|is\\s+|=\\s*|:\\s*|of\\s+)?${TOKEN}`,
    'i',
  ),
  new RegExp(
    `\\bclaim\\s+(?:named\\s+|called\\s+)?${TOKEN}\\s+(?:with\\s+(?:the\\s+)?value|=|:|set\\s+to|as)\\s+${TOKEN}`,
    'i',
  ),
];

// Round 4: the key and the value of a new claim may be said apart, with the template between them: the key before
// "claim" ("an "org_id" claim", "a new tier claim") or after it ("a claim called plan", "a claim keyed org_id"),
// the value anywhere after the key ("… to the foo template with the value {{org.id}}", "whose value is …",
// "set to …", "= …").
const KEY_NOT =
  /^(?:a|an|the|new|extra|another|more|one|custom|additional|that|this|to|in|into|for|with|on|of|which|whose|and|its)$/i;
const KEY_FORMS = [
  new RegExp(`\\bclaims?\\s+(?:named|called|keyed|with\\s+(?:the\\s+)?(?:key|name))\\s+${TOKEN}`, 'i'),
  new RegExp(`\\b(?:an?|the|one|new)\\s+(?:new\\s+|extra\\s+|custom\\s+)?${TOKEN}\\s+claim\\b`, 'i'),
];
const VALUE_AFTER_KEY = new RegExp(
  `\\b(?:with\\s+(?:the\\s+|a\\s+)?value(?:\\s+(?:of|as|set\\s+to))?|whose\\s+value\\s+(?:is|should\\s+be|will\\s+be)|(?:its|the)\\s+value\\s+(?:should\\s+be|being|is|=|:)|value\\s*(?:=|:)|set\\s+to|mapped\\s+to|holding|that\\s+(?:holds|says|reads))\\s+${TOKEN}|(?:=|:|→|->)\\s*${TOKEN}`,
  'i',
);

/** "add a claim …": the key and value said anywhere in the message (ids, quotes and template expressions kept). */
export function parseClaimAdd(whole: Sentence): ClaimChange | undefined {
  for (const re of ADD_FORMS) {
    const m = whole.masked.match(re);
    if (!m) continue;
    const key = tokenText(m[1]!, whole);
    if (typeof key !== 'string' || !/^[\w.:-]+$/.test(key)) continue;
    return { words: [], key, value: tokenText(m[2]!.replace(/[.!?]+$/, ''), whole) };
  }
  for (const re of KEY_FORMS) {
    const m = whole.masked.match(re);
    if (!m || KEY_NOT.test(m[1]!)) continue;
    const key = tokenText(m[1]!, whole);
    if (typeof key !== 'string' || !/^[\w.:-]+$/.test(key)) continue;
    const v = whole.masked.slice(m.index! + m[0].length).match(VALUE_AFTER_KEY);
    const said = v?.[1] ?? v?.[2];
    if (!said) continue;
    return { words: [], key, value: tokenText(said.replace(/[.!?]+$/, ''), whole) };
  }
  return undefined;
}

function tokenText(t: string, s: Sentence): unknown {
  const m = t.match(/^⟦([qixej])(\d+)⟧$/);
  if (!m) return claimValue(t, s);
  const n = Number(m[2]);
  return m[1] === 'q'
    ? unmask(s.ents.quoted[n] ?? '', s.ents)
    : m[1] === 'i'
      ? s.ents.ids[n]?.value
      : m[1] === 'x'
        ? s.ents.badJson[n]
        : m[1] === 'e'
          ? s.ents.emails[n]
          : s.ents.json[n];
}

const VALUE = '(⟦q\\d+⟧|[^\\s,;.⟦]+)';
// (The template named after the claim: "… claim of/on the foo template …".)
const OF_TEMPLATE = '(?:(?:of|in|on|for)\\s+(?:the\\s+)?(?:⟦q\\d+⟧|[\\w.-]+)(?:\\s+(?:jwt\\s+)?template)?\\s+)?';
// (A quoted key names the claim too: "the 'aud' claim".)
const WORDS = "((?:(?:[A-Za-z][\\w'-]*|⟦q\\d+⟧)\\s+){1,5})";
// Words that introduce the description rather than being part of it.
const LEAD =
  /^(?:the|its|their|a|an|that|this|in|on|of|for|and|jwt|template|template's|templates|token|tokens|set|change|update|make|switch)$/i;

/** The claim change a clause asks for, or undefined. */
export function parseClaimChange(c: string, s: Sentence): ClaimChange | undefined {
  const stated = c.match(
    new RegExp(
      // ("the default role claim of the foo template should say 'viewer'": the template named between them.)
      `${WORDS}claim\\s+${OF_TEMPLATE}(?:should\\s+(?:now\\s+)?(?:be|become|say|read)|(?:needs?|has)\\s+to\\s+(?:be|become|say|read)|must\\s+be|=|:)\\s+${VALUE}(?:\\s+now)?(?:\\s*,?\\s*(?:rather than|instead of|and not|not)\\s+${VALUE})?`,
      'i',
    ),
  );
  const set = c.match(
    new RegExp(
      `${WORDS}claim\\s+(?:(?:of|in|on|for)\\s+(?:the\\s+)?(?:⟦q\\d+⟧|[\\w.-]+)(?:\\s+(?:jwt\\s+)?template)?\\s+)?(?:from\\s+${VALUE}\\s+)?to\\s+${VALUE}(?:\\s*,?\\s*(?:rather than|instead of|and not|not)\\s+${VALUE})?`,
      'i',
    ),
  );
  // "the tier claim is 'basic' — plans moved on, and it should read 'gold'": what it is, then what it should say.
  const isThen = c.match(
    new RegExp(
      `${WORDS}claim\\s+${OF_TEMPLATE}(?:is|says|reads)\\s+(?:currently\\s+|still\\s+)?${VALUE}[^.;!?]{0,80}?\\b(?:it|that|this)\\s+(?:now\\s+)?(?:needs?\\s+to|should|must|has\\s+to)\\s+(?:be|say|read|become)\\s+${VALUE}`,
      'i',
    ),
  );
  const keyed = stated || set || isThen ? undefined : keyedChange(c);
  const m = stated
    ? { words: stated[1]!, value: stated[2]!, was: stated[3] }
    : isThen
      ? { words: isThen[1]!, value: isThen[3]!, was: isThen[2] }
      : set && /\b(?:set|change|update|switch|make)\b/i.test(c)
        ? { words: set[1]!, value: set[3]!, was: set[2] ?? set[4] }
        : keyed;
  if (!m) return undefined;
  const all = m.words.trim().split(/\s+/);
  let start = 0;
  all.forEach((w, i) => {
    if (LEAD.test(w) || /⟦/.test(w)) start = i + 1;
  });
  const quoted = all.at(-1)?.match(/^⟦q(\d+)⟧$/);
  const words = quoted
    ? (s.ents.quoted[Number(quoted[1])] ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    : all.slice(start).map((w) => w.toLowerCase().replace(/'s$/, ''));
  if (words.length === 0) return undefined;
  return {
    words,
    value: claimValue(m.value, s),
    ...(m.was !== undefined ? { was: claimValue(m.was, s) } : {}),
  };
}

// A claim named by its own key, written as keys are ("x-app-tier", "org_role", "https:…" is masked): a token with
// a separator inside. The template's own settings are no claims.
const KEY_TOKEN = '((?:[A-Za-z][\\w]*[-_:.])+[A-Za-z\\d]\\w*)';
const SETTING =
  /^(?:allowed[_-]clock[_-]skew|clock[_-]skew|signing[_-]algorithm|custom[_-]signing[_-]key|token[_-]lifetime)$/i;
// Written as a key, not as hyphenated English ("follow-up:", "sign-in should …"): an underscore, dot or colon
// inside, or two hyphens or more.
const KEY_SHAPED =
  /^(?!(?:up-to-date|day-to-day|one-to-one|end-to-end|face-to-face|out-of-\w+)$)(?:.*[_.:].*|(?:[^-]+-){2,}[^-]+)$/i;
const NEW_VALUE =
  '(?:should\\s+(?:now\\s+)?(?:be|become|say|read)|(?:needs?|has)\\s+to\\s+(?:be|become|say|read)|must\\s+(?:be|say|read)|=|:|->|→|=>)';

/**
 * Round 4: "x-app-tier needs to say 'gold' now instead of 'silver'", "set org_role to admin", "org_role: admin" — a
 * claim named by its key, with no word "claim" (the clause is about a JWT template). The key's parts are the words.
 */
function keyedChange(c: string): { words: string; value: string; was?: string } | undefined {
  const stated = c.match(
    new RegExp(
      `(?:^|[\\s:,(])${KEY_TOKEN}\\s*${NEW_VALUE}\\s*${VALUE}(?:\\s+now)?(?:\\s*,?\\s*(?:rather than|instead of|and not|not)\\s+${VALUE})?`,
      'i',
    ),
  );
  const set = c.match(
    new RegExp(
      `\\b(?:set|change|update|switch|make)\\s+(?:the\\s+)?${KEY_TOKEN}(?:\\s+claim)?\\s+(?:from\\s+${VALUE}\\s+)?to\\s+${VALUE}`,
      'i',
    ),
  );
  // "set claim role = admin", "claim tier -> gold": the key right after the word "claim" (any spelling).
  const named = c.match(
    new RegExp(
      `\\bclaim\\s+(?:called\\s+|named\\s+)?([A-Za-z][\\w.:-]*)\\s*(?:=|:|->|→|=>|\\bto\\b|\\bshould\\s+be\\b)\\s*${VALUE}`,
      'i',
    ),
  );
  const m = stated
    ? { key: stated[1]!, value: stated[2]!, was: stated[3] }
    : set
      ? { key: set[1]!, value: set[3]!, was: set[2] }
      : undefined;
  if (!m && named && !SETTING.test(named[1]!))
    return {
      words: named[1]!
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .join(' '),
      value: named[2]!,
    };
  if (!m || SETTING.test(m.key) || !KEY_SHAPED.test(m.key)) return undefined;
  return {
    words: m.key
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .join(' '),
    value: m.value,
    was: m.was,
  };
}

function claimValue(v: string, s: Sentence): unknown {
  const q = v.match(/^⟦q(\d+)⟧$/);
  if (q) return s.ents.quoted[Number(q[1])];
  if (/^-?\d+(?:\.\d+)?$/.test(v)) return Number(v);
  if (/^(?:true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  return v;
}

type Obj = Record<string, unknown>;

/** The claims with the one described key changed, or why it could not be done. */
export function applyClaimChange(
  claims: unknown,
  change: ClaimChange,
): { ok: true; claims: Obj; path: string[] } | { ok: false; reason: string } {
  const root = claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Obj) : {};
  if (change.key !== undefined) {
    if (JSON.stringify(root[change.key]) === JSON.stringify(change.value))
      return { ok: false, reason: `already a claim ${change.key} = ${JSON.stringify(change.value)}` };
    return { ok: true, claims: { ...structuredClone(root), [change.key]: change.value }, path: [change.key] };
  }
  const paths: string[][] = [];
  const walk = (o: Obj, at: string[]): void => {
    for (const [k, v] of Object.entries(o)) {
      const parts = new Set(
        k
          .toLowerCase()
          .split(/[^a-z0-9]+/)
          .filter(Boolean),
      );
      if (change.words.every((w) => parts.has(w))) paths.push([...at, k]);
      if (v && typeof v === 'object' && !Array.isArray(v)) walk(v as Obj, [...at, k]);
    }
  };
  walk(root, []);
  const valueAt = (p: string[]): unknown => p.reduce<unknown>((o, k) => (o as Obj)?.[k], root);
  const holding =
    change.was !== undefined ? paths.filter((p) => JSON.stringify(valueAt(p)) === JSON.stringify(change.was)) : [];
  const chosen = holding.length > 0 ? holding : paths;
  const said = change.words.join(' ');
  if (chosen.length === 0) return { ok: false, reason: `no claim matching "${said}"` };
  if (chosen.length > 1)
    return { ok: false, reason: `several claims match "${said}": ${chosen.map((p) => p.join('.')).join(', ')}` };
  const path = chosen[0]!;
  const copy = structuredClone(root);
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Obj;
  if (change.remove) delete o[path[path.length - 1]!];
  else o[path[path.length - 1]!] = change.value;
  return { ok: true, claims: copy, path };
}
