/**
 * A slot that does not hold what it should: the sentence readers take the words where a name stands in their
 * pattern, and in prose those words are often not a name at all ("their organization", "that latest", "who that
 * was", "an admin"). A name of a person, organization or record is a few words that are not pronouns, determiners,
 * verbs of speech or other function words; a value read as a name that breaks this is evidence the sentence was
 * read with the wrong shape, so request.ts lets the frame reader (frames.ts) read the message instead. A quoted
 * value is always taken as said.
 */
import type { Sentence } from './entities.js';
import type { Intent } from './intent-types.js';
import { closest } from './lexicon.js';

// Lower-case function words no name is made of (a capitalised "The" may start one: "The Agency").
const FUNCTION_WORD =
  /(?:^|\s)(?:that|this|these|those|their|his|her|its|our|your|my|other|who|whoever|whom|what|which|be|been|is|are|was|were|am|just|sure|she|he|they|them|it|we|you|i|me|us|latest|newest|oldest|pending|every|every1|everyone|everybody|anyone|anybody|all|asked|asks|says|said|wrote|makes|sense|would|could|should|can|will|not|don't|please|pls)(?=\s|$|[',.:;!?])/;

/** True when `value`, read as a name, cannot be one. */
export function implausible(value: string, said: Sentence, person = false): boolean {
  const v = value.trim();
  if (v === '' || said.ents.quoted.some((q) => q.trim().toLowerCase() === v.toLowerCase())) return false;
  // ("me", "my account": the writer, whom first-person.ts resolves.)
  if (/^(?:me|myself|my\s+(?:own\s+)?account|i)$/i.test(v)) return false;
  const words = v.split(/\s+/);
  if (words.length > 5) return true;
  // An address is no organization's name; an action word ("bann", "unlok") is nobody's name.
  if (!person && /@/.test(v)) return true;
  const lower = v.toLowerCase();
  if (words.length === 1 && (ACTION_WORDS.includes(lower) || closest(lower, ACTION_WORDS) !== undefined)) return true;
  if (/^[^\p{L}\d]/u.test(v)) return true;
  // "account", "the contractor": a common noun for a person is a description, not a name.
  if (person && GENERIC.test(v)) return true;
  // "from organization Foo": a preposition starts no name.
  if (/^(?:from|to|into|in|of|for|with|on|at)\s/i.test(v)) return true;
  // "an admin", "a viewer": an article and a lower-case word is a description, not a name.
  if (/^(?:an?|the)\s+\p{Ll}/u.test(v)) return true;
  return FUNCTION_WORD.test(v) || (person && RESOURCE_WORD.test(v));
}

const ACTION_WORDS = ['ban', 'unban', 'lock', 'unlock', 'delete', 'remove', 'revoke', 'kick', 'block', 'unblock'];

const POSSESSIVE_ORG =
  /^(?:(?:(?:his|her|their|its|our|my|the|that|this)\s+)?(?:own\s+|current\s+|main\s+)?(?:org|orgs|organi[sz]ations?|workspaces?|company|team)?|it|there|them|his|her|their|its)$/i;

// Words for what a person is ("tutor", "caretaker"): a description, never a name.
const ROLE_NOUNS =
  'parent|mum|mom|dad|guardian|teacher|student|pupil|volunteer|helper|manager|supervisor|caretaker|owner|founder|partner|vendor|tenant|patient|player|moderator';
const DESCRIPTION_LEAD = '^(?:(?:the|a|an|our|this|that|my|his|her|their)\\s+)?(?:new\\s+)?';

const GENERIC = new RegExp(
  `${DESCRIPTION_LEAD}(?:account|acct|user|customer|client|contractor|consultant|employee|person|member|guy|candidate|intern|hire|staff(?:er)?|colleague|teammate|someone|somebody|spammer|bot|abuser|attacker|scammer|fraudster|troll|hacker|lead|contact|requester|reporter|${ROLE_NOUNS})s?$`,
  'i',
);

// A person named by a word for what they are, in any form ("tutor", "that tutor", "the new caretaker").
// (Not "account", "user", "customer": those stand for someone the message names elsewhere, and the frame reader
// finds them.)
const DESCRIBED = new RegExp(`${DESCRIPTION_LEAD}(?:${ROLE_NOUNS})s?$`, 'i');

// A person is not called "… integration app" or "… template": a resource word in a person's name means the words
// named a record, not a user.
const RESOURCE_WORD =
  /\b(?:apps?|applications?|integrations?|templates?|domains?|organi[sz]ations?|orgs?|invitations?|invites?|sessions?|allowlist|blocklist|workspace)\b/i;

// Where an intent keeps the people it acts on (organization references are left out: "their org", "his
// organization" are references the planner resolves itself, and a name that finds no organization is looked for
// in the listing then — resolve.ts).
const PEOPLE_KEYS = new Set([
  'targets',
  'target',
  'users',
  'refs',
  'user',
  'inviter',
  'ownerRef',
  'memberRef',
  'ofUser',
]);

/** The names an intent's people references and created organizations carry. */
function namesOf(intent: Intent): Array<{ name: string; person: boolean }> {
  const out: Array<{ name: string; person: boolean }> = [];
  const walk = (value: unknown, people: boolean): void => {
    if (Array.isArray(value)) for (const v of value) walk(v, people);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (people && o.kind === 'name' && typeof o.value === 'string') out.push({ name: o.value, person: true });
      for (const [k, v] of Object.entries(o)) {
        // An organization said with a possessive ("their org", "his organization") is the planner's to resolve.
        if ((k === 'org' || k === 'orgs') && v && typeof v === 'object')
          for (const r of Array.isArray(v) ? v : [v]) {
            const ref = r as { kind?: string; value?: unknown };
            if (ref.kind === 'name' && typeof ref.value === 'string' && !POSSESSIVE_ORG.test(ref.value))
              out.push({ name: ref.value, person: false });
          }
        else if (typeof v === 'object') walk(v, PEOPLE_KEYS.has(k) || (people && k !== 'org'));
      }
    }
  };
  // (A named record's refs are records, not people: checked below as names of records.)
  if (!intent.kind.startsWith('named_')) walk(intent, false);
  // A record read by name (an OAuth app, a JWT template): its name too.
  if (intent.kind === 'named_get' || intent.kind === 'named_update') {
    if (intent.ref?.kind === 'name') out.push({ name: intent.ref.value, person: false });
  } else if (intent.kind === 'named_delete')
    for (const r of intent.refs) if (r.kind === 'name') out.push({ name: r.value, person: false });
  if (intent.kind === 'org_create' && typeof intent.fields.name === 'string')
    out.push({ name: intent.fields.name, person: false });
  return out;
}

/**
 * "put that tutor into the Coaches group": the person slot holds a description of a person, not a name. Who it
 * describes is for the admin to say — never a name found elsewhere in the message. Returns the description.
 */
export function describedPerson(intent: Intent, said: Sentence): string | undefined {
  if (/"kind":"(?:email|id)"/.test(JSON.stringify(intent))) return undefined;
  const n = namesOf(intent).find((x) => x.person && DESCRIBED.test(x.name.trim()));
  if (!n || said.ents.quoted.some((q) => q.trim().toLowerCase() === n.name.trim().toLowerCase())) return undefined;
  return n.name.trim();
}

/**
 * True when a name the intent was read with cannot be a name, and the intent names nobody by address or id (a
 * description beside addresses — "amy@x.test and their manager" — is the readers' to report as not found).
 */
export function readWithWrongShape(intent: Intent, said: Sentence): boolean {
  const addressed = /"kind":"(?:email|id)"/.test(JSON.stringify(intent));
  return !addressed && namesOf(intent).some((n) => implausible(n.name, said, n.person));
}
