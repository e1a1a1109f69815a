/**
 * Users described rather than named (issue 15): by organization role ("anyone holding the guest role at Umbrella",
 * "each regular member of Wayne"), by recency ("our newest registration") and by external id ("the account whose
 * external ID equals crm-123"). `describedRef` reads a chunk that IS a description; `descriptionIn` finds one inside a
 * longer clause ("the newest account is obviously spam"), so a pronoun in another clause ("lock that one") can mean
 * it. Each description is resolved by a read (resolve.ts) and the user found is shown on the approval card; a
 * description never matches a user by guesswork.
 */
import type { Ref } from './intent-types.js';
import { joinedRef } from './joined-when.js';
import { roleRef } from './refs.js';
import { creatorRef } from './creator.js';
import { namelessRef } from './nameless.js';
import { metaRef } from './meta-described.js';

// "our newest registration", "the most recent user", "the latest account".
const NEWEST =
  /^(?:(?:the|our|my)\s+)?(?:very\s+)?(?:newest|latest|most\s+recent(?:ly\s+(?:created|added|registered|joined))?|youngest)\s+(?:sign[- ]?ups?|signups?|users?|accounts?|accts?|registrations?|registrants?|customers?|members?|person|people)$/i;
// "the user who signed up last", "whoever registered most recently", "the last person to sign up".
const SIGNED_UP_LAST =
  /^(?:whoever|(?:the\s+)?(?:user|account|person|one|customer))\s+(?:who|that)?\s*(?:signed\s*-?\s*up|registered|joined|was\s+created|got\s+created)\s+(?:last|most\s+recently)$|^the\s+(?:last|latest|newest|most\s+recent)\s+(?:user|account|person|one|customer)\s+to\s+(?:sign\s*-?\s*up|register|join)$/i;
// "our oldest account", "the earliest sign-up", "the first user to sign up".
const OLDEST =
  /^(?:(?:the|our|my)\s+)?(?:very\s+)?(?:oldest|earliest|first)\s+(?:sign[- ]?ups?|signups?|users?|accounts?|accts?|registrations?|customers?|person)(?:\s+(?:ever|to\s+(?:sign\s*-?\s*up|register|join)))?$/i;
// "the person with external ID crm-123", "the account with external id crm-123".
const EXTERNAL =
  /^(?:(?:the|a)\s+)?(?:(?:user|account|person|customer|member|one)\s+)?(?:whose|with(?:\s+the)?|having(?:\s+the)?|that\s+has(?:\s+the)?|who\s+has(?:\s+the)?)\s+(?:external|crm|erp|billing|salesforce|hubspot|stripe)[\s_-]?id\s+(?:is\s+|of\s+|=\s*|:\s*)?(\S+)$/i;
// ("CRM id", "ERP id": the id another system keeps for the user, which Clerk stores as the external id.)
const EXTERNAL_BARE = /^(?:the\s+)?(?:user\s+with\s+)?(?:external|crm|erp)[\s_-]?id\s+(\S+)$/i;
// A value that only points elsewhere ("… is that") or is no value at all.
const POINTER = /^(?:that|this|it|one|same|is|of|the|an?|was)$/i;

// The same descriptions found inside a longer text ("our latest registration seems fake, freeze that account").
const unanchored = (re: RegExp): RegExp =>
  new RegExp(`\\b(?:${re.source.replace(/^\^/, '').replace(/\$$/, '')})\\b`, 'i');
const NEWEST_IN = unanchored(NEWEST);
const OLDEST_IN = unanchored(OLDEST);

/** The newest (or oldest) user a text speaks of anywhere in it, or undefined. */
export function recencyIn(text: string): Ref | undefined {
  if (NEWEST_IN.test(text)) return { kind: 'newest', value: 'user' };
  if (OLDEST_IN.test(text)) return { kind: 'newest', value: 'oldest' };
  return undefined;
}

/** A chunk that describes a user (role holders, the newest user, an external id), or undefined. */
export function describedRef(chunk: string): Ref | undefined {
  const text = chunk
    .trim()
    .replace(/[.,;:!?]+$/, '')
    // ("lock their billing seat's account pending review": whose account, and why, are not who.)
    .replace(/\s+(?:pending|until|during)\s+\w+(?:\s+\w+)?$/i, '')
    .replace(/(?:'s|’s)(?:\s+(?:user\s+)?(?:accounts?|logins?|profiles?))?$/i, '')
    // ("lock the Foo admin account now": when is not who.)
    .replace(/(?:\s+(?:now|right\s+now|immediately|asap|please|pls|plz|too|as\s+well|for\s+now|today|again))+$/i, '')
    .trim();
  if (text === '' || /⟦/.test(text)) return undefined;
  const role = roleRef(text) ?? roleRef(rolePerson(text));
  if (role) return role;
  const other = otherHolder(text);
  if (other) return other;
  const creator = creatorRef(text);
  if (creator) return creator;
  const nameless = namelessRef(text);
  if (nameless) return nameless;
  const meta = metaRef(text);
  if (meta) return meta;
  if (NEWEST.test(text) || SIGNED_UP_LAST.test(text)) return { kind: 'newest', value: 'user' };
  const joined = joinedRef(text);
  if (joined) return joined;
  if (OLDEST.test(text)) return { kind: 'newest', value: 'oldest' };
  const ext = text.match(EXTERNAL) ?? text.match(EXTERNAL_BARE);
  if (ext && !POINTER.test(ext[1]!)) return { kind: 'external', value: ext[1]!.replace(/^["'“‘]|["'”’]$/g, '') };
  return undefined;
}

// "the other Foo admin", "the remaining viewer at Foo": one holder besides the one(s) the message names elsewhere.
const OTHER = /^(?:the|our)\s+(?:other|remaining|second|non-?\w+)\s+(.+)$/i;
// "the Foo admin who isn't Ann", "Foo's viewer other than ann@x.test", "the billing person at Foo besides Omar".
const BUT_NOT =
  /^(.+?)\s+(?:(?:who|that)\s+(?:is\s+not|isn['’]t|ain['’]t)|other\s+than|besides|apart\s+from|except(?:\s+for)?|but\s+not)\s+(.+)$/iu;
// Each person a "not" list names: "Ann Park or Bo", "Ann, Bo and not Cy".
const NAME_LIST = /\s*(?:,|\band\b|\bor\b|\bnor\b)\s*(?:(?:also\s+)?not\s+)?/i;
const PERSON = /^[\p{L}][\p{L}'’.@-]*(?:\s+[\p{L}][\p{L}'’.@-]*)?$/u;

/** A role holder said by who it is not, or undefined. Always one person meant (several left → asked). */
function otherHolder(text: string): Ref | undefined {
  const other = text.match(OTHER);
  // ("the non-admin members" is a role of its own, read by refs.ts.)
  const base = other && !/^(?:the|our)\s+non/i.test(text) ? roleRef(`the ${other[1]!}`) : undefined;
  if (base) return { ...base, one: true, except: [] };
  const but = text.match(BUT_NOT);
  const named = but ? roleRef(but[1]!) : undefined;
  const except = but ? but[2]!.split(NAME_LIST).filter((n) => n.trim() !== '') : [];
  // (Every part must be a name: anything else is not understood, so nothing is read.)
  if (!named || except.length === 0 || !except.every((n) => PERSON.test(n.trim()))) return undefined;
  return { ...named, one: true, except: except.map((n) => n.trim()) };
}

// "our Globex contact who handles billing", "the person that looks after admin at Foo": the one who does a role's
// work is its holder. Read as "the billing person at Globex", which refs.ts knows.
const DOES_ROLE =
  /^(?:[Tt]he|[Oo]ur|[Tt]heir|[Yy]our|[Mm]y)\s+(?:([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?)\s+)?(?:contact|person|guy|gal|one|user|member|rep|representative|lead|point\s+of\s+contact|colleague)\s+(?:who|that)\s+(?:currently\s+|now\s+|usually\s+)?(?:handles|does|runs|manages|owns|looks\s+after|takes\s+care\s+of|is\s+in\s+charge\s+of|deals\s+with|covers|is\s+responsible\s+for)\s+(?:the\s+|our\s+|their\s+)?(admin|billing|member|viewer|guest|owner)(?:\s+(?:stuff|things|side|work|role))?((?:\s+(?:in|at|of|for)\s+.+)?)$/;

function rolePerson(text: string): string {
  const m = text.match(DOES_ROLE);
  if (!m) return text;
  return `the ${m[2]!.toLowerCase()} person${m[1] ? ` at ${m[1]}` : ''}${m[3] ?? ''}`;
}

// Words a description can start with: a determiner or a "whoever".
const START =
  /^(?:the|every|each|all|any|whoever|anyone|anybody|everyone|everybody|whichever|those|these|our|my|their|its|user|account|person)$/i;
// An identifier as people write record numbers: letters and digits joined by "-" or "_" ("erp-4410", "acct_17").
const IDENTIFIER = /(?<![\w⟦@.-])(?=[\w-]*\d)[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?![\w⟧@-])/gi;

/**
 * The longest user description inside a clause, as text `describedRef` reads ("the newest account is obviously
 * spam" → "the newest account"). "whose external ID is that" takes the identifier the rest of the message gives
 * (`context`), when it gives exactly one.
 */
export function descriptionIn(masked: string, context = ''): string | undefined {
  // ("(whoever holds … in Foo)": a description said in brackets.)
  const words = masked
    .replace(/[()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  let best: string | undefined;
  for (let i = 0; i < words.length; i++) {
    if (!START.test(words[i]!)) continue;
    for (let j = words.length; j > i; j--) {
      if (best && j - i <= best.split(' ').length) break;
      const text = words
        .slice(i, j)
        .join(' ')
        .replace(/[.,;:!?)]+$/, '');
      const pointer = text.match(/^(.*\bexternal[\s_-]?id\s+(?:is\s+|of\s+)?)(?:that|this|it)$/i);
      if (pointer) {
        const ids = [...new Set([...context.matchAll(IDENTIFIER)].map((m) => m[0]))];
        if (ids.length === 1 && describedRef(`${pointer[1]}${ids[0]}`)) best = `${pointer[1]}${ids[0]}`;
        continue;
      }
      if (describedRef(text)) best = text;
    }
  }
  return best;
}
