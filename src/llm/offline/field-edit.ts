/**
 * One reader of a field edit for every resource (issue 15, round 3). Rule: a clause that names a field of an
 * organization, a user, a JWT template or an OAuth application (the API's own setting names and their synonyms,
 * `FIELD_WORDS` in lexicon.ts) and says its new value in any of the usual ways — "<field> = V", "<field>: V",
 * "<field> -> V", "set/change/make/bump <field> to V", "<field> should (now) be / read / show as V", "<field>
 * needs to be V" — is an update of that resource with those fields. Lists are edited, never replaced blindly:
 * "drop X from its scopes", "keep only A and B", "also accept <url> as a redirect". The owner is found by the same
 * rules for every resource: an id or email, "<owner>'s <field>", "<field> of/for <owner>", a topic before a colon
 * ("acme: name=…"), "the <owner> org/app/template". The reader is asked only when the per-resource parsers found
 * no change (intents.ts), so it adds readings and never replaces one.
 */
import { type Sentence, unmask } from './entities.js';
import type { Fields, Intent, NamedResource, Ref } from './intent-types.js';
import { jwtName, oauthName } from './intents-named.js';
import { FIELD_WORDS, type FieldResource, type FieldWord, RESOURCE_WORDS } from './lexicon.js';
import { NUMBER_WORDS } from './number-words.js';
import { orgRef, toRef } from './refs.js';
import { keptScopes, SCOPE_NAME, scopeNames } from './scope-names.js';
import { nameDiff } from './stated-value.js';

// How a new value is introduced after the field word.
// (A change said as a passive participle comes first, so "to be changed to V" reads V, not "changed to V".)
const SETS =
  '(?:(?:\\b(?:to|should|must|(?:needs?|has|have)\\s+to)\\s+)?\\bbe\\s+(?:changed|set|updated|switched|corrected|renamed|moved|amended|raised|lowered|increased|decreased|reduced|bumped)\\s+(?:(?:up|down)\\s+)?(?:to|as)\\b|\\bneeds?\\s+(?:changing|updating|correcting|setting|raising|lowering|increasing|decreasing|reducing|bumping)\\s+(?:(?:up|down)\\s+)?to\\b|=|:|->|→|=>|\\bto\\s+(?:be|read|say)\\b|\\bto\\b|\\bas\\b|\\bshould\\s+(?:now\\s+|instead\\s+)?(?:be|read|say|show(?:\\s+as)?)\\b|\\b(?:needs?|has|have)\\s+to\\s+(?:be|read|say|show(?:\\s+as)?|go\\s+(?:up|down)\\s+to)\\b|\\bmust\\s+be\\b|\\bought\\s+to\\s+(?:be|read|say)\\b|\\b(?:is|are)\\s+now\\b|\\bbecomes?\\b|\\bwill\\s+be\\b|\\bof\\b(?=\\s+\\d))';
// Where a free-text value ends: a new clause, a sign-off, a purpose.
// ("Lee not Li", "Lee (not Li)", "Lee rather than Li": what it is not is said after the value.)
const VALUE_END =
  /\s*(?:[,;(]|\s+[-–—]+\s|\s+(?:and|but|while|because|since|so|please|pls|thanks|thx|now|instead|too|as well|going forward|from now on|if|not|rather\s+than)\b|[.!?](?:\s|$)|$).*$/i;
const UNIT = '(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)';

const QUESTION =
  /^(?:is|are|was|were|does|do|did|has|have|what|which|how|who|why|when|where)\b(?!\s+(?:it\s+)?(?:possible|ok|okay)\s+(?:for\s+\w+\s+)?to\b)/i;

interface Edit {
  word: FieldWord;
  fields: Fields;
}

/** The field edit a clause states, or undefined when it names no field with a readable new value. */
export function readFieldEdit(c: string, s: Sentence): Intent | undefined {
  // A question about a field ("is it possible that the tokens live a minute?", "what is the lifetime?") changes
  // nothing.
  if (QUESTION.test(c)) return undefined;
  return afterReport(c, s) ?? readEdit(c, s);
}

// "Foo got acquired — our company record should read Foo Group": news before a dash, then a change of "the org".
const LEAD = /^(.+?)\s+(?:—|–|--?)\s+(.+)$/;
const REPORT =
  /^(?:(?:so|btw|fyi|heads\s+up|update)[,:\s]+)*([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2})\s+(?:(?:has|have|had|just|recently|finally|officially)\s+)*(?:[a-z]+ed|went|got|became|underwent|is|are|was|were)\b/;
const BARE_ORG =
  /^(?:(?:the|our|their|its|this|that)\s*)?(?:org|orgs|organi[sz]ation|company|workspace|team|tenant|it)?$/i;

/**
 * An organization change after a report before a dash: the organization is the report's subject when the change
 * names none ("the org", "their workspace"). Only organization changes take it; anything else reads as before.
 */
function afterReport(c: string, s: Sentence): Intent | undefined {
  const m = c.match(LEAD);
  if (!m || FIELD_WORDS.some((w) => new RegExp(`\\b(?:${w.words})\\b`, 'i').test(m[1]!))) return undefined;
  const subject = m[1]!.match(REPORT)?.[1];
  if (!subject) return undefined;
  const inner = readEdit(m[2]!, s);
  if (inner?.kind !== 'org_update' || (inner.org && !BARE_ORG.test(inner.org.value.trim()))) return undefined;
  const org = orgRef(subject, s.ents);
  return org ? { ...inner, org } : undefined;
}

function readEdit(c: string, s: Sentence): Intent | undefined {
  const renamed = readNameChange(c, s);
  if (renamed) return renamed;
  const edits = FIELD_WORDS.flatMap((w) => editsOf(c, s, w));
  if (edits.length === 0)
    return (
      readImplicitName(c, s) ??
      readScopeStatement(c, s) ??
      readMemberCap(c, s) ??
      readAllowedUrl(c, s) ??
      readLooseKey(c, s)
    );
  const resource = resourceOf(c, s, edits);
  if (!resource) return undefined;
  const fields: Fields = {};
  for (const e of edits) if (e.word.resource === resource) Object.assign(fields, e.fields);
  if (Object.keys(fields).length === 0) return undefined;
  if (resource === 'org') {
    const org = orgOwner(c, s);
    return { kind: 'org_update', ...(org ? { org } : {}), fields };
  }
  if (resource === 'user') {
    const target = userOwner(c, s);
    return { kind: 'user_update', ...(target ? { target } : {}), fields };
  }
  const ref = namedOwner(resource, c, s);
  return { kind: 'named_update', resource: resource as NamedResource, ...(ref ? { ref } : {}), fields };
}

// "set beta to off on his acct", "set beta_tester = true for ⟦e0⟧": a key no setting is called, set on
// a user's account, is a key of the user's public metadata (where apps keep such flags); the card says so.
const LOOSE_KEY =
  /^set\s+([a-z][a-z0-9_]{1,40})\s*(?:to|=|:|->)\s*("[^"]*"|true|false|yes|no|on|off|\d+(?:\.\d+)?|[a-z][\w-]{0,30})\s+(?:on|for|in)\s+(?:(⟦[ei]\d+⟧)(?:'s|’s)?(?:\s+(?:account|acct|profile|user)\b)?|(her|his|their|the)\s+(?:account|acct|profile|user)\b)/i;
const BOOLEAN: Record<string, boolean> = { true: true, yes: true, on: true, false: false, no: false, off: false };

function readLooseKey(c: string, s: Sentence): Intent | undefined {
  const m = c.match(LOOSE_KEY);
  if (!m) return undefined;
  const key = m[1]!.toLowerCase();
  // (A setting of some resource — "set lifetime to 60 on …" — is the field readers' to read, never metadata.)
  if (
    FIELD_WORDS.some((w) => new RegExp(`^(?:${w.words})$`, 'i').test(key)) ||
    /^(?:role|name|it|this|that)$/.test(key)
  )
    return undefined;
  const raw = m[2]!;
  const value: unknown =
    raw.toLowerCase() in BOOLEAN
      ? BOOLEAN[raw.toLowerCase()]
      : /^\d+(?:\.\d+)?$/.test(raw)
        ? Number(raw)
        : raw.replace(/^"|"$/g, '');
  const owner = m[3] ?? m[4]!;
  const target: Ref | undefined = owner.startsWith('⟦')
    ? toRef(owner, s.ents)
    : /^(?:her|his|their)$/i.test(owner)
      ? {
          kind: 'pronoun',
          value: owner.toLowerCase() === 'his' ? 'him' : owner.toLowerCase() === 'her' ? 'her' : 'them',
        }
      : undefined;
  return { kind: 'user_update', ...(target ? { target } : {}), fields: { public_metadata: { [key]: value } } };
}

// "our workspace "Foo" should now read "Foo Labs"", "the Foo app should be called Bar": a new name said of the
// thing itself (the field is the name, left unsaid).
const CALLED =
  '(?:should\\s+(?:now\\s+)?(?:read|say|be\\s+(?:called|named|renamed(?:\\s+to)?|known\\s+as)|show\\s+(?:up\\s+)?as)|(?:needs?|has)\\s+to\\s+(?:read|be\\s+(?:called|named|renamed(?:\\s+to)?))|(?:is|will\\s+be)\\s+now\\s+(?:called|named))';

function readImplicitName(c: string, s: Sentence): Intent | undefined {
  // "dave@x.test should be called David Miller from now on": a user named by address or id, and the full name
  // they should have (first and last name).
  const user = c.match(new RegExp(`^(?:(?:so|and|also|btw|fyi)\\s+)?(⟦[ei]\\d+⟧)\\s+${CALLED}\\s+(.+)$`, 'i'));
  const userToken = user ? s.ents.ids[Number(user[1]!.slice(2, -1))] : undefined;
  if (user && (user[1]!.startsWith('⟦e') || userToken?.prefix === 'user')) {
    const name = readValue({ resource: 'user', param: 'first_name', kind: 'text', words: 'name' }, user[2]!, s);
    const target = toRef(user[1]!, s.ents);
    if (typeof name === 'string' && /^[A-Z]/.test(name) && target) {
      const parts = name.split(/\s+/);
      const fields: Fields =
        parts.length === 1
          ? { first_name: name }
          : { first_name: parts.slice(0, -1).join(' '), last_name: parts.at(-1) };
      return { kind: 'user_update', target, fields };
    }
  }
  for (const resource of ['org', 'oauth', 'jwt'] as const) {
    const noun = RESOURCE_WORDS[resource];
    // "show their org as "Foo XYZ" from now on": how an organization should show is its name.
    const shown = c.match(
      new RegExp(
        `^(?:show|display|list|present|label)\\s+((?:the|our|their|its|this)\\s+(?:${noun})|(?:the\\s+)?[A-Z][\\w&.-]*(?:\\s+[A-Z][\\w&.-]*){0,2}(?:\\s+(?:${noun}))?)\\s+as\\s+(.+)$`,
        'i',
      ),
    );
    if (shown && resource === 'org' && new RegExp(`\\b(?:${noun})\\b`, 'i').test(shown[1]!)) {
      const name = readValue({ resource, param: 'name', kind: 'text', words: 'name' }, shown[2]!, s);
      const bare = BARE_ORG.test(shown[1]!.trim());
      const org = bare ? undefined : orgRef(shown[1]!, s.ents);
      if (typeof name === 'string' && (bare || org))
        return { kind: 'org_update', ...(org ? { org } : {}), fields: { name } };
    }
    const m =
      c.match(
        new RegExp(
          `\\b(?:the|our|their|my|its)?\\s*(?:${noun})\\s+(⟦q\\d+⟧|[A-Z][\\w&.-]*(?:\\s+[A-Z][\\w&.-]*){0,2})\\s+${CALLED}\\s+(.+)$`,
          'i',
        ),
      ) ??
      c.match(
        new RegExp(
          `(?:^|\\b(?:the|our|their)\\s+)(⟦q\\d+⟧|[A-Z][\\w&.-]*(?:\\s+[A-Z][\\w&.-]*){0,2})\\s+(?:${noun})\\s+${CALLED}\\s+(.+)$`,
          'i',
        ),
      );
    if (!m) continue;
    const name = readValue({ resource, param: 'name', kind: 'text', words: 'name' }, m[2]!, s);
    if (typeof name !== 'string') continue;
    const said = m[1]!.replace(/^(?:the|our|their|my|its)\s+/i, '');
    const owner: Ref | undefined =
      resource === 'org' ? orgRef(said, s.ents) : { kind: 'name', value: unmask(said, s.ents) };
    if (!owner) continue;
    if (resource === 'org') return { kind: 'org_update', org: owner, fields: { name } };
    return { kind: 'named_update', resource, ref: owner, fields: { name } };
  }
  return undefined;
}

// The OAuth scopes Clerk grants (scope-names.ts): named in a request, they are scopes even when the word "scopes"
// is not said.
const SCOPES = `${SCOPE_NAME}(?:\\s*(?:,|\\+|&|\\band\\b|\\bplus\\b)\\s*${SCOPE_NAME})*`;
const ONE_SCOPE = new RegExp(`^${SCOPE_NAME}$`, 'i');

/**
 * "the Foo app shouldn't get public_metadata anymore, just profile + email", "Foo must no longer access private
 * metadata": what an OAuth application may still read is its scope list. "just/only A and B" is the new list;
 * otherwise what it must no longer get is removed (the planner keeps the rest).
 */
function readScopeStatement(c: string, s: Sentence): Intent | undefined {
  if (!new RegExp(`\\b(?:${RESOURCE_WORDS.oauth}|scopes?)\\b`, 'i').test(c)) return undefined;
  const denied = c.match(
    new RegExp(
      `\\b(?:shouldn'?t|should\\s+not|must\\s+not|mustn'?t|can'?t|cannot|no\\s+longer)\\s+(?:be\\s+able\\s+to\\s+)?(?:get|have|see|read|access|use|request|keep)\\s+(?:the\\s+|any\\s+)?(${SCOPES})`,
      'i',
    ),
  );
  // (The list kept as scope-names.ts reads it: "remove only X" says what goes, never what stays.)
  const kept = keptScopes(c);
  const fields: Fields = kept ? { scopes: kept.join(' ') } : denied ? { remove_scopes: scopeNames(denied[1]!) } : {};
  if (Object.keys(fields).length === 0) return undefined;
  const ref = namedOwner('oauth', c, s);
  return { kind: 'named_update', resource: 'oauth', ...(ref ? { ref } : {}), fields };
}

// "allow 25 memberships", "capped at 15 members", "they can have up to 25 ppl": the member limit said as a count.
// ("a limit of 12 members", "a cap of 30 seats": the limit named as a noun.)
const CAP =
  /\b(?:allow(?:ing|s)?|up\s+to|capped\s+at|cap(?:\s+(?:it|them))?\s+(?:at|to)|limit(?:ed)?(?:\s+(?:it|them))?\s+(?:at|to)|(?:max(?:imum)?|limit|cap|ceiling)\s+of)\s+(\d+)\s+(?:memberships|members|seats|people|ppl|users|persons)\b/i;
const CAP_CONTEXT = new RegExp(
  `\\b(?:${RESOURCE_WORDS.org}|raise|bump|increase|lower|decrease|set|cap|limit|seats?)\\b|\\bcapped\\b`,
  'i',
);

// "cap Foo at 40 members", "limit Foo to 12 seats", "let Foo have up to 30 members", "Foo can have at most 25
// people": a verb of limiting (or of letting have) with the organization between it and the count.
const COUNTED = '(\\d+|[a-z]+(?:-[a-z]+)?)\\s+(?:memberships|members|seats|people|ppl|users|persons|accounts)\\b';
const MOST = '(?:up\\s+to|at\\s+most|a\\s+max(?:imum)?\\s+of|max(?:imum)?|no\\s+more\\s+than|only)\\s+';
const CAP_OWNER = [
  // (not the noun: "our member limit raised to 40")
  new RegExp(
    `(?<!\\b(?:member(?:ship)?|seat|user|the|our|their|its|a|new)\\s)\\b(?:cap|limit|restrict|hold|keep)\\s+(.+?)\\s+(?:at|to|under)\\s+(?:${MOST})?${COUNTED}`,
    'i',
  ),
  new RegExp(`\\b(?:let|allow|permit)\\s+(.+?)\\s+(?:to\\s+)?have\\s+(?:${MOST})?${COUNTED}`, 'i'),
  new RegExp(
    `^(?:(?:so|and|but|then)\\s+)?(.+?)\\s+(?:can|may|should|must|is\\s+allowed\\s+to|should\\s+be\\s+able\\s+to)\\s+(?:only\\s+)?have\\s+(?:${MOST})?${COUNTED}`,
    'i',
  ),
  // "bump Acme to 50 seats", "take Foo down to 10 members", "Acme needs 50 seats now".
  new RegExp(
    `\\b(?:bump|raise|increase|lower|reduce|decrease|drop|take|move|grow|expand|shrink|set|change|upgrade|downgrade)\\s+(.+?)\\s+(?:up\\s+|down\\s+)?to\\s+(?:${MOST})?${COUNTED}`,
    'i',
  ),
  new RegExp(
    `^(?:(?:so|and|but|then)\\s+)?(.+?)\\s+(?:now\\s+)?(?:needs|requires|wants|should\\s+get|gets|is\\s+getting|will\\s+need)\\s+(?:${MOST})?${COUNTED}(?!\\s+more)`,
    'i',
  ),
];

const OWN_LIMIT =
  /^(?:(?:the|our|their|its|his|her|my|your)\s+)?(?:(?:org|organi[sz]ation|team|company|workspace)(?:'s|’s)?\s+)?(?:(?:member(?:ship)?|seat|user)s?\s+)?(?:limit|cap|count|allowance|max(?:imum)?|number|plan|org|organi[sz]ation|team|company|workspace)$/i;

function readMemberCap(c: string, s: Sentence): Intent | undefined {
  for (const re of CAP_OWNER) {
    const m = c.match(re);
    const n = m ? (/^\d+$/.test(m[2]!) ? Number(m[2]) : NUMBER_WORDS[m[2]!.toLowerCase()]) : undefined;
    if (!m || typeof n !== 'number') continue;
    if (/⟦[ewp]\d+⟧/.test(m[1]!)) continue;
    const owner = m[1]!.replace(/^(?:the\s+)?(?:number\s+of\s+)?(?:members?|seats?)\s+(?:of|in|for|at)\s+/i, '');
    // "let it have …": the organization is another clause's (org-thread.ts fills "it").
    if (/^(?:it|them|they|this|that|the\s+org(?:anization)?)$/i.test(owner.trim())) return undefined;
    // "bump our cap to 25 people": the limit itself, of an organization the message names elsewhere.
    if (OWN_LIMIT.test(owner.trim())) return { kind: 'org_update', fields: { max_allowed_memberships: n } };
    const org = orgRef(owner, s.ents);
    if (org) return { kind: 'org_update', org, fields: { max_allowed_memberships: n } };
  }
  const m = c.match(CAP);
  if (!m || !CAP_CONTEXT.test(c.replace(m[0], ''))) return undefined;
  const org = orgOwner(c, s);
  return { kind: 'org_update', ...(org ? { org } : {}), fields: { max_allowed_memberships: Number(m[1]) } };
}

/**
 * "also allow https://… on the Foo OAuth app", "add https://… to the Foo app": a URL an OAuth application should
 * accept is one more redirect URI (the planner keeps the ones it has).
 */
function readAllowedUrl(c: string, s: Sentence): Intent | undefined {
  if (s.ents.urls.length === 0) return undefined;
  if (!new RegExp(`\\b(?:${RESOURCE_WORDS.oauth})\\b`, 'i').test(c)) return undefined;
  if (!/\b(?:allow|accept|add|include|register|whitelist|permit|trust)\b/i.test(c)) return undefined;
  const ref = namedOwner('oauth', c.replace(/⟦u\d+⟧/g, ''), s);
  return {
    kind: 'named_update',
    resource: 'oauth',
    ...(ref ? { ref } : {}),
    fields: { add_redirect_uris: [...s.ents.urls] },
  };
}

const FULL_NAME = "([A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*){1,2})";
const NAME_FROM = new RegExp(
  `(?:\\b(his|her|their)\\s+|(⟦[ei]\\d+⟧|\\b[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+)*)(?:'s|’s)\\s+|\\bthe\\s+)(?:full\\s+|display\\s+)?name(?:\\s+(?:on|of|for)\\s+(⟦[ei]\\d+⟧))?\\s+from\\s+${FULL_NAME}\\s+to\\s+${FULL_NAME}\\b`,
);

/**
 * "change his name from Sam Taylor to Sam Tyler": a person's full name from OLD to NEW changes only the parts that
 * differ. The person is the owner said (a pronoun, "<X>'s", "the name on <address>"), else the old name itself.
 */
function readNameChange(c: string, s: Sentence): Intent | undefined {
  const m = c.match(NAME_FROM);
  if (!m) return undefined;
  const fields = nameDiff(m[4]!, m[5]!);
  if (!fields) return undefined;
  const pronoun = m[1]?.toLowerCase();
  const target: Ref | undefined = pronoun
    ? { kind: 'pronoun', value: { his: 'him', her: 'her', their: 'them' }[pronoun]! }
    : (toRef(m[2] ?? m[3] ?? m[4]!, s.ents) ?? undefined);
  return { kind: 'user_update', ...(target ? { target } : {}), fields };
}

/** Every value the clause gives for one field word (usually none or one). */
function editsOf(c: string, s: Sentence, word: FieldWord): Edit[] {
  const re = new RegExp(`\\b(?:${word.words})\\b`, 'gi');
  const out: Edit[] = [];
  for (const m of c.matchAll(re)) {
    const after = c.slice(m.index! + m[0].length);
    const before = c.slice(0, m.index!);
    const fields =
      word.kind === 'scopes' || word.kind === 'list'
        ? listEdit(word, before, after, c, s)
        : (setValue(word, after, s) ??
          sharedValue(word, before, after, s) ??
          hadValue(word, before, after, s) ??
          wishedValue(word, before, after, s));
    if (fields) out.push({ word, fields });
  }
  return out;
}

const WRONG =
  '(?:\\s+(?:is|was|are|has\\s+been|got)\\s+(?:(?:still|currently|now|all|a\\s+bit|spelled|spelt)\\s+)?(?:misspelled|misspelt|wrong|incorrect|outdated|out\\s+of\\s+date|a\\s+typo|off|not\\s+right|old|stale)(?:\\s+(?:in\\s+clerk|on\\s+(?:the|her|his|their)\\s+(?:account|profile)))?\\s*[,;.:–—-]?\\s*(?:(?:and|but|so)\\s+)?(?:it|this|that|which|they)?)';

/** "<field> [of X] to V", "<field>: V", "<field> should now read V". */
function setValue(word: FieldWord, after: string, s: Sentence): Fields | undefined {
  // The owner may stand between the field and its value: "the name of the acme org to Acme Corp".
  // ("username from liamt to liam.turner": the old value is context.)
  // ("last name is misspelled, it should be Lee": a complaint about the value may come before what it should be.)
  const m = after.match(
    new RegExp(`^(?:\\s+(?:of|for|on|in)\\s+[^,;:=]+?)??(?:\\s+from\\s+\\S+)?${WRONG}?\\s*${SETS}\\s*(.+)$`, 'i'),
  );
  if (!m) return undefined;
  const said = m[1]!.trim();
  const value = readValue(word, said, s);
  return value === undefined ? undefined : { [word.param]: value };
}

/**
 * "name should be Foo Labs and the slug foo-labs": a second field after "and" shares the first one's verb, so its
 * value follows it directly.
 */
function sharedValue(word: FieldWord, before: string, after: string, s: Sentence): Fields | undefined {
  if (!/\band\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?$/i.test(before)) return undefined;
  if (!new RegExp(SETS, 'i').test(before)) return undefined;
  const m = after.match(/^\s+(\S.*)$/);
  if (!m) return undefined;
  const value = readValue(word, m[1]!, s);
  return value === undefined ? undefined : { [word.param]: value };
}

// "X should have first name Ann and last name Lee", "give X the username ann.lee", "X gets slug foo-eu": a verb
// of having before the field, and the value right after it.
const HAVE = /\b(?:have|has|get|gets|give\s+.+?|with)\s+(?:the\s+|a\s+|an\s+)?(?:new\s+)?$/i;

function hadValue(word: FieldWord, before: string, after: string, s: Sentence): Fields | undefined {
  const shared = /\band\s+(?:the\s+|a\s+|its\s+|their\s+|his\s+|her\s+)?$/i.test(before) && HAVE_ANYWHERE.test(before);
  // "set external id 55-1 on x@y", "Update Foo: name "Foo X", slug foo-x": a verb of setting right before the field,
  // or a list of fields after a topic and a colon.
  const listed = /^[^:]{1,60}:\s/.test(before) && /(?::|,|;|\band)\s*$/i.test(before);
  const set =
    /^(?:(?:please|pls|can\s+you|could\s+you|kindly)\s+)*(?:set|put|make)\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?(?:\S+(?:\s+\S+)?(?:'s|’s|s')\s+)?$/i.test(
      before,
    );
  if (!HAVE.test(before) && !shared && !listed && !set) return undefined;
  const m = after.replace(/\s+(?:on|for|of)\s+⟦[ei]\d+⟧.*$/, '').match(/^\s+(?:of\s+)?(\S.*)$/);
  if (!m || /^(?:of|for|to|from|in|on|is|was|should|and)\b/i.test(m[1]!)) return undefined;
  const value = readValue(word, m[1]!, s);
  return value === undefined ? undefined : { [word.param]: value };
}
const HAVE_ANYWHERE = /\b(?:should|must|needs?\s+to|to|will)\s+(?:have|get)\b|\bgive\b|^(?:have|get)\b/i;

// "we need our member limit raised to 40", "I'd like her surname changed to Park": a wanted state, the field and a
// bare participle (a report such as "the slug changed to x last week" has no wish before it and is not read).
const WISH = /\b(?:need|needs|want|wants|would\s+like|'d\s+like|get|have|having)\s+(?:\S+\s+){0,4}$/i;
const PARTICIPLE =
  /^\s+(?:changed|set|updated|switched|corrected|raised|lowered|increased|decreased|reduced|bumped|moved)\s+(?:(?:up|down)\s+)?(?:to|as)\s+(.+)$/i;

function wishedValue(word: FieldWord, before: string, after: string, s: Sentence): Fields | undefined {
  const m = after.match(PARTICIPLE);
  if (!m || !WISH.test(before)) return undefined;
  const value = readValue(word, m[1]!, s);
  return value === undefined ? undefined : { [word.param]: value };
}

function readValue(word: FieldWord, said: string, s: Sentence): unknown {
  if (word.kind === 'int') {
    const n = said.match(/^(?:just\s+|only\s+|exactly\s+)?(\d+|[a-z]+(?:-[a-z]+)?)\b/i);
    const v = n ? (/^\d+$/.test(n[1]!) ? Number(n[1]) : NUMBER_WORDS[n[1]!.toLowerCase()]) : undefined;
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  }
  if (word.kind === 'seconds') {
    const n = said.match(new RegExp(`^(?:just\\s+|only\\s+|exactly\\s+)?(\\d+)\\s*${UNIT}?\\b`, 'i'));
    return n ? seconds(Number(n[1]), n[2]) : undefined;
  }
  // "Smyth -> Smith": the value after the arrow is the new one.
  const arrow = said.match(/^\S+(?:\s+\S+)?\s*(?:->|→|=>)\s*(\S.*)$/);
  if (arrow) return readValue(word, arrow[1]!, s);
  const quoted = said.match(/^["'“]?⟦q(\d+)⟧/);
  if (quoted) return s.ents.quoted[Number(quoted[1])];
  // A value is written, not pointed at: "to that", "to the new one" are for the message to fill.
  const text = unmask(said.replace(VALUE_END, ''), s.ents)
    .replace(/^["'“]|["'”]$/g, '')
    .trim();
  if (!text || /⟦/.test(text) || /^(?:that|this|it|the\s+new\s+\w+|something|whatever)$/i.test(text)) return undefined;
  if (text.split(/\s+/).length > 5) return undefined;
  // A slug or handle is one token.
  if (/^(?:slug|username)$/.test(word.param) && /\s/.test(text)) return undefined;
  return text;
}

/**
 * Lists (scopes, redirect URIs): "drop A from its scopes" → remove; "add A to the scopes" / "also accept <url> as a
 * redirect" → add; "keep only A and B", "scopes should be exactly A B" → the new list.
 */
function listEdit(word: FieldWord, before: string, after: string, c: string, s: Sentence): Fields | undefined {
  if (word.kind === 'list') {
    if (s.ents.urls.length === 0) return undefined;
    const adds =
      /\b(?:add|append|include|register|allow|accept|another|second|additional|extra|also|as well|keep(?:s|ing)?\s+working)\b/i.test(
        c,
      );
    return adds ? { [`add_${word.param}`]: [...s.ents.urls] } : { [word.param]: [...s.ents.urls] };
  }
  const items = (said: string): string[] =>
    unmask(said, s.ents)
      .split(/\s*(?:,|\+|&|\band\b|\bplus\b|\s)\s*/i)
      .map((w) => w.replace(/^["'`]|["'`]$/g, ''))
      .filter((w) => /^[a-z][\w:.]*$/i.test(w) && !/^(?:the|a|an|only|just|scopes?|its|their)$/i.test(w));
  const removed = before.match(
    /\b(?:remove|drop|revoke|strip|delete|take\s+(?:away|out)|get\s+rid\s+of|trim)\s+(?:the\s+)?([\w:.]+(?:\s*(?:,|\+|and)\s*[\w:.]+)*)\s+(?:scopes?\s+)?(?:from|off|out\s+of)\s+(?:(?:its|their|the)\s+)?(?:(?:[\w.-]+\s+){0,3}[\w.-]+(?:'s|’s)?\s+)?$/i,
  );
  if (removed) return { remove_scopes: items(removed[1]!) };
  const added = before.match(
    /\b(?:add|grant|include|append)\s+(?:the\s+)?([\w:.]+(?:\s*(?:,|\+|and)\s*[\w:.]+)*)\s+(?:scopes?\s+)?(?:to|into)\s+(?:(?:its|their|the)\s+)?(?:(?:[\w.-]+\s+){0,3}[\w.-]+(?:'s|’s)?\s+)?$/i,
  );
  if (added) return { add_scopes: items(added[1]!) };
  // "keep profile + email", "so it only keeps profile and email", "scopes should be just profile email".
  const kept =
    c.match(/\b(?:only\s+)?keeps?\s+(?:only\s+|just\s+)?([\w:.]+(?:\s*(?:,|\+|&|and|plus)\s*[\w:.]+)*)/i) ??
    after.match(
      new RegExp(
        `^\\s*${SETS}\\s*(?:only|just|exactly)?\\s*:?\\s*([\\w:.]+(?:\\s*(?:,|\\+|&|and|\\s)\\s*[\\w:.]+)*)`,
        'i',
      ),
    );
  if (kept) {
    // (A list kept is of scope names only: "keep profile and email, take off …" keeps no scope "take".)
    const list = items(kept[1]!).filter((w) => ONE_SCOPE.test(w));
    if (list.length > 0) return { scopes: list.join(' ') };
  }
  return undefined;
}

/** The resource the fields belong to: the one resource noun the clause names, else the one the fields fit. */
function resourceOf(c: string, s: Sentence, edits: Edit[]): FieldResource | undefined {
  const fits = new Set(edits.map((e) => e.word.resource));
  if (fits.size === 1 && ![...fits].some((r) => edits.some((e) => e.word.resource === r && e.word.param === 'name')))
    return [...fits][0];
  if (s.ents.ids.some((i) => i.prefix === 'org')) return fits.has('org') ? 'org' : undefined;
  if (s.ents.ids.some((i) => i.prefix === 'oa')) return fits.has('oauth') ? 'oauth' : undefined;
  const named = (Object.keys(RESOURCE_WORDS) as FieldResource[]).filter(
    (r) => fits.has(r) && new RegExp(`\\b(?:${RESOURCE_WORDS[r]})\\b`, 'i').test(c),
  );
  if (named.length === 1) return named[0];
  // Only an organization is the topic of a bare "acme: name=…, max…=60" with an organization-only field.
  const only = [...fits].filter((r) => edits.some((e) => e.word.resource === r && e.word.param !== 'name'));
  if (only.length === 1) return only[0];
  if (fits.has('user') && (s.ents.emails.length > 0 || s.ents.ids.some((i) => i.prefix === 'user'))) return 'user';
  return undefined;
}

const OWNER_VERB =
  '(?:set|change|update|edit|modify|make|bump|raise|lower|increase|decrease|fix|correct|switch|rename|put)';

/** The organization: an id, "<X>'s <field>", "<field> of/for X", "the X org", or the topic before a colon. */
function orgOwner(c: string, s: Sentence): Ref | undefined {
  const id = s.ents.ids.find((i) => i.prefix === 'org');
  if (id) return { kind: 'id', value: id.value };
  const fields = FIELD_WORDS.filter((w) => w.resource === 'org')
    .map((w) => w.words)
    .join('|');
  const chunk =
    c.match(/^([^:=]{1,40}?)\s*:\s/i)?.[1] ??
    c.match(new RegExp(`(?:^|\\b${OWNER_VERB}\\s+)(?:the\\s+)?([^,;:]+?)(?:'s|’s|s')\\s+(?:${fields})\\b`, 'i'))?.[1] ??
    c.match(new RegExp(`\\b(?:${fields})\\s+(?:of|for|on)\\s+(?:the\\s+)?(.+?)\\s*(?:${SETS})`, 'i'))?.[1] ??
    // "could the Globex slug be changed …": a name said before the field, after "the" (never a word of the
    // field's own name: "the URL slug", "the Display name").
    nameBeforeField(c, fields) ??
    c.match(
      new RegExp(
        `\\b(?:the\\s+|our\\s+|their\\s+)?(⟦q\\d+⟧|[\\w&.-]+(?:\\s+[\\w&.-]+)?)\\s+(?:${RESOURCE_WORDS.org})\\b`,
        'i',
      ),
    )?.[1];
  if (!chunk) return undefined;
  const cleaned = chunk
    .replace(new RegExp(`^(?:${OWNER_VERB})\\s+`, 'i'), '')
    .replace(/^(?:(?:so|and|but|then|also|now)\s+)+/i, '');
  // "their org", "in their org": a possessive or a preposition is no name (the message's organization is used).
  if (/(?:^|\s)(?:their|our|its|his|her|the|my|this|that)$/i.test(cleaned.trim())) return undefined;
  if (/^(?:in|of|for|to|at|on|with|from)\s/i.test(cleaned.trim())) return undefined;
  return orgRef(cleaned, s.ents);
}

// The person who asks, at the start of the clause: a placeholder or a full name, then a verb of asking.
const ASKER =
  /^(?:(?:so|and|also|btw|fyi)[,\s]+)*(⟦[ei]\d+⟧|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)\s+(?:(?:has|had|just|also)\s+)*(?:asked|asks|wants|wanted|would\s+like|requested|requests|needs|emailed|wrote|messaged|is\s+asking|called|reached\s+out)\b/;

function nameBeforeField(c: string, fields: string): string | undefined {
  const m = c.match(new RegExp(`\\bthe\\s+([A-Z][\\w&.-]*(?:\\s+[A-Z][\\w&.-]*){0,2})\\s+((?:${fields})\\b.*)$`));
  if (!m) return undefined;
  const last = m[1]!.split(/\s+/).at(-1)!;
  if (new RegExp(`^(?:${fields})\\b`, 'i').test(`${last} ${m[2]}`)) return undefined;
  return m[1];
}

/** The user: an email or id, "<X>'s <field>", "<field> of/for X", or a pronoun owner ("his surname"). */
function userOwner(c: string, s: Sentence): Ref | undefined {
  const email = s.ents.emails[0];
  if (email && s.ents.emails.length === 1) return { kind: 'email', value: email };
  const id = s.ents.ids.find((i) => i.prefix === 'user');
  if (id) return { kind: 'id', value: id.value };
  const fields = FIELD_WORDS.filter((w) => w.resource === 'user')
    .map((w) => w.words)
    .join('|');
  const possessive = c.match(
    new RegExp(`(?:^|\\b${OWNER_VERB}\\s+)(?:the\\s+)?([^,;:]+?)(?:'s|’s|s')\\s+(?:${fields})\\b`, 'i'),
  )?.[1];
  if (possessive) return toRef(possessive.replace(new RegExp(`^(?:${OWNER_VERB})\\s+`, 'i'), ''), s.ents);
  // "Ann Lee should have the last name Park": the subject of a verb of having.
  const subject = c.match(
    /^(?:(?:so|and|also|then)\s+)*(⟦[ei]\d+⟧|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)\s+(?:should|must|needs?\s+to|will|can)\s+(?:now\s+)?(?:have|get)\b/,
  )?.[1];
  const subjectRef = subject ? toRef(subject, s.ents) : undefined;
  if (subjectRef) return subjectRef;
  // "the ci-runner user", "the ann.lee account": a handle said with the word user.
  const handle = c.match(/\bthe\s+([a-z0-9][\w.-]*[\w])\s+(?:user|account|login)\b/i)?.[1];
  if (handle && !/^(?:same|new|old|other|right|wrong|test|main|admin)$/i.test(handle)) return toRef(handle, s.ents);
  // "update my surname to X": the writer, whom the message names by address (message-user.ts).
  if (new RegExp(`\\bmy\\s+(?:${fields})\\b`, 'i').test(c)) return undefined;
  const pronoun = c.match(new RegExp(`\\b(his|her|their)\\s+(?:${fields})\\b`, 'i'))?.[1];
  // "Ann Lee wants her surname changed to …": whoever asks for their own field is its owner.
  const asker = pronoun ? c.match(ASKER)?.[1] : undefined;
  const askerRef = asker ? toRef(asker, s.ents) : undefined;
  if (askerRef) return askerRef;
  if (pronoun) return { kind: 'pronoun', value: { his: 'him', her: 'her', their: 'them' }[pronoun.toLowerCase()]! };
  const of = c.match(new RegExp(`\\b(?:${fields})\\s+(?:of|for)\\s+(.+?)\\s*(?:${SETS})`, 'i'))?.[1];
  // "the last name for my profile": the writer, whom the message names by address (message-user.ts).
  if (of && /^(?:(?:my|our)\s+(?:own\s+)?(?:account|profile|login|user|record)|me|myself)$/i.test(of.trim()))
    return undefined;
  return of ? toRef(of, s.ents) : undefined;
}

/** A JWT template or OAuth application: by id, or by the name the resource parsers read. */
function namedOwner(resource: FieldResource, c: string, s: Sentence): Ref | undefined {
  const prefix = resource === 'jwt' ? 'jtmp' : 'oa';
  const id = s.ents.ids.find((i) => i.prefix === prefix);
  if (id) return { kind: 'id', value: id.value };
  // The value is not the name: "name to Foo Sync" names the new name, not the app.
  // …nor is what a list edit moves: "drop X from the Foo app's scopes" names Foo.
  const head = c
    .replace(new RegExp(`\\s*${SETS}\\s*.*$`, 'i'), '')
    .replace(
      /^(?:remove|drop|revoke|strip|delete|take\s+(?:away|out)|get\s+rid\s+of|trim|add|grant|include|append)\s+.+?\s+(?:from|off|out\s+of|to|into)\s+/i,
      'for ',
    );
  let topic = c.match(/^([^:=]{1,40}?)\s*:\s/)?.[1];
  // "security review thing: the foo oauth app …": a topic that is not the resource is only a label.
  const noun = new RegExp(`\\b(?:${RESOURCE_WORDS[resource]})\\b`, 'i');
  // "Following our review — the Foo app …": a dash ends a lead-in the same way.
  const dash = c.split(/\s+[—–-]+\s+/);
  if (dash.length > 1 && !noun.test(dash[0]!) && noun.test(dash.slice(1).join(' - ')))
    return namedOwner(resource, dash.slice(1).join(' - '), s);
  if (topic && !noun.test(topic)) {
    const body = c.slice(c.indexOf(':') + 1).trim();
    topic = undefined;
    if (noun.test(body)) return namedOwner(resource, body, s);
  }
  const name =
    resource === 'jwt'
      ? (jwtName(topic ?? head, s) ?? jwtName(c, s))
      : (oauthName(topic ?? head, s) ?? oauthName(c, s));
  return name ? { kind: 'name', value: name } : undefined;
}

function seconds(n: number, unit: string | undefined): number {
  if (!unit) return n;
  if (/^m(?:in|inute)?s?$/i.test(unit)) return n * 60;
  if (/^h(?:our|r)?s?$/i.test(unit)) return n * 3600;
  if (/^d(?:ay)?s?$/i.test(unit)) return n * 86400;
  return n;
}
