/**
 * Field changes as frames (the frame reader's field half, frames.ts): a field word and its new value found
 * anywhere in the message rather than in a "set X to Y" shape. Three kinds, each with the value read from the
 * words people use for it:
 * - a person's name part: "her surname is wrong … it should be Moreau-Diaz" → last_name;
 * - an organization's seat limit: "they need space for 40 users now (it's capped at 25 today)" → 40, the number
 *   not said as the current one;
 * - a metadata key: "get rid of legacy_plan_id in his private metadata" → that key set to null (a merge that
 *   deletes it); "add a team entry with the value Growth to her public metadata" → {team: "Growth"}.
 * Nothing is inferred without its value: a field word with no value said is no frame.
 */
import { type Sentence, unmask } from './entities.js';
import type { Fields, Ref } from './intent-types.js';

// A change is asked for: a verb of change, or the value said as what it "should be".
const ASKED =
  /\b(?:change|update|fix|correct|set|make|rename|add|put|remove|drop|strip|delete|clear|unset|get\s+rid\s+of|take\s+out|raise|increase|bump|lift|lower|reduce|limit|cap|extend|expand|want|wants|need|needs|should|must|allow|give|upgrade|downgrade)\b/i;

const NAME_PART = /\b(surname|last\s+name|family\s+name|second\s+name|first\s+name|given\s+name|forename)\b/i;
const NAME_VALUE =
  /\b(?:should\s+(?:be|read|say)|needs\s+to\s+be|must\s+be|is\s+now|it'?s|its|to|into|as|→|->)\s+["'“]?(\p{Lu}[\p{L}'’]*(?:[-\s]\p{Lu}[\p{L}'’]*)?)(?=["'”]?(?:[\s,.;:!?)]|$))/u;

const NAME_IS = /^[^.;!?]{0,12}?\bis\s+["'“]?(\p{Lu}[\p{L}'’]*(?:[-\s]\p{Lu}[\p{L}'’]*)?)(?=["'”]?(?:[\s,.;:!?)]|$))/u;

/** "… surname … should be X": the name part and its new value, when the message says both. */
function namePart(text: string): Fields | undefined {
  const part = text.match(NAME_PART);
  if (!part) return undefined;
  // The value after the name word, or in a later sentence ("It should be X").
  const after = text.slice((part.index ?? 0) + part[0].length);
  // ("my first name is X", said as what it really is: only when no "to"/"should be" gives the new value.)
  const value = after.match(NAME_VALUE)?.[1] ?? after.match(NAME_IS)?.[1];
  if (!value || /^(?:The|Her|His|Their|It|A|An)$/.test(value)) return undefined;
  const key = /first|given|fore/i.test(part[1]!) ? 'first_name' : 'last_name';
  return { [key]: value.replace(/\s+/g, ' ') };
}

const SEATS =
  /\b(\d{1,5})\s+(?:people|users|members|seats|persons|accounts|memberships|spots|places)\b|\b(?:seats?|members?|memberships?|limit|cap|capacity|max(?:imum)?)\b[^\d.;]{0,24}?\b(?:to|of|at|until|till|up\s+to)\s+(\d{1,5})\b/gi;
// ("capped, only allowed 8 seats", "they've hit 8 members": what is, not what should be.)
const CURRENT =
  /\b(?:currently|right\s+now|at\s+the\s+moment|today|now\s+it'?s|it'?s\s+(?:capped|limited|set)|was|were|used\s+to|from|(?:only\s+)?allowed|hit|reached|has|have|had|got)\s*$/i;

/** The member limit asked for: the one number of seats not said as the current value. */
function seatLimit(text: string): number | undefined {
  const found: number[] = [];
  for (const m of text.matchAll(SEATS)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 40), m.index ?? 0);
    // A number in brackets, or after "currently …": said as what is, not what should be.
    const open = before.lastIndexOf('(') > before.lastIndexOf(')');
    if (CURRENT.test(before.replace(/\s*(?:\bat|\bto|\bof)?\s*$/i, '')) || open) continue;
    found.push(Number(m[1] ?? m[2]));
  }
  const unique = [...new Set(found)];
  return unique.length === 1 ? unique[0] : undefined;
}

const KEY = /(?<![\w.@⟦-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?![\w@⟧-])/g;
const REMOVE_KEY = /\b(?:remove|drop|strip|delete|clear|unset|get\s+rid\s+of|take\s+out|wipe|purge)\b/i;
const KIND = /\b(private|public|unsafe)\s+(?:metadata|meta\s*data|md)\b/gi;

/** Which metadata the key is in: the kind said nearest after the key (else before it), not one said negated. */
function metadataKind(text: string, keyAt: number): string | undefined {
  const kinds = [...text.matchAll(KIND)].filter(
    (k) =>
      !/\b(?:don'?t|do\s+not|never|not)\s+(?:\S+\s+){0,2}$/i.test(
        text.slice(Math.max(0, (k.index ?? 0) - 30), k.index),
      ),
  );
  const after = kinds.find((k) => (k.index ?? 0) > keyAt) ?? kinds.at(-1);
  return after ? `${after[1]!.toLowerCase()}_metadata` : undefined;
}

/** "remove the K key from her private metadata" (K null), "add a K entry with the value V to her public metadata". */
function metadataChange(text: string): Fields | undefined {
  const keys = [...new Set([...text.matchAll(KEY)].map((m) => m[1]!))].filter((k) => !/_metadata$/.test(k));
  const pair = text.match(
    /\b(?:add|set|put|give)\s+(?:an?\s+|the\s+)?["'“]?(?!(?:the|a|an|its|his|her|their|this|that)\b)([a-z][\w-]*)["'”]?\s+(?:entry|key|field|flag|attribute|value)\s+(?:with\s+(?:the\s+)?value|(?:set\s+)?to|=|of)\s+["'“]?([\w.@-]+)["'”]?/i,
  );
  if (pair) {
    const kind = metadataKind(text, pair.index ?? 0);
    if (kind) return { [kind]: { [pair[1]!]: pair[2]! } };
  }
  if (keys.length !== 1 || !REMOVE_KEY.test(text)) return undefined;
  const key = keys[0]!;
  const kind = metadataKind(text, text.indexOf(key));
  return kind ? { [kind]: { [key]: null } } : undefined;
}

// "should not be changed", "don't update it yet": the message says the change is not wanted (now).
const NOT_WANTED =
  /\b(?:don['’]?t|do\s+not|not|never|no\s+need\s+to|shouldn['’]?t|won['’]?t|needn['’]?t)\s+(?:\w+\s+){0,2}?(?:change|update|fix|correct|set|edit|remove|drop|delete|add|raise|increase)d?\b|\bnot\s+yet\b|\bhold\s+off\b/i;

/** A user field change the message asks for, or undefined. */
export function userFields(said: Sentence): Fields | undefined {
  const text = unmask(said.masked, said.ents);
  if (!ASKED.test(text)) return undefined;
  const meta = metadataChange(text);
  // A key removed: only a negated removal (or "not yet") says it is not wanted — "drop the key outright, no new
  // value for it" says how, not whether.
  if (meta && Object.values(meta).every((v) => Object.values(v as object).every((x) => x === null)))
    return NOT_REMOVED.test(text) ? undefined : meta;
  if (NOT_WANTED.test(text)) return undefined;
  return meta ?? namePart(text);
}

/** A removal said as not wanted ("don't delete it yet", "not to be erased", "hold off"). */
export const NOT_REMOVED =
  /\b(?:don['’]?t|do\s+not|not|never|no\s+need\s+to|shouldn['’]?t|won['’]?t|needn['’]?t)\s+(?:\w+\s+){0,2}?(?:remove|drop|delete|clear|wipe|erase)d?\b|\bnot\s+yet\b|\bhold\s+off\b/i;

/**
 * "create a new organization called X … limit it to 5 members": the limit is the new organization's, and a change
 * to an existing one whose name shares a word with X would be a change nobody asked for.
 */
export const CREATES_ORG =
  /\b(?:create|creating|set\s+up|setting\s+up|spin\s+up|spinning\s+up|make|open|start|new)\s+(?:(?:a|an|the|another|one|brand)\s+)?(?:new\s+)?(?:\w+\s+)?(?:org|orgs|organi[sz]ations?|workspaces?)\b/i;

/** A member-limit change the message asks for (with the organization looked up by name), or undefined. */
export function orgSeats(said: Sentence, context = ''): { org: Ref; fields: Fields } | undefined {
  const text = unmask(said.masked, said.ents);
  if (
    !ASKED.test(text) ||
    CREATES_ORG.test(`${text} ${context}`) ||
    // ("does Foo have a member limit of 30?": a question about the limit.)
    /^\s*(?:does|do|is|are|what|how|has|have|did|was|were|which)\b[^?]*\?/i.test(text) ||
    NOT_WANTED.test(text) ||
    !/\b(?:org|orgs|organi[sz]ations?|workspace|seats?|members?|people|users)\b/i.test(context || text)
  )
    return undefined;
  // A part read apart from its message ("raise it to 20"): the limit the whole message asks for, when it is a
  // number this part says.
  const whole = context ? seatLimit(context) : undefined;
  const n = seatLimit(text) ?? (whole !== undefined && new RegExp(`\\b${whole}\\b`).test(text) ? whole : undefined);
  if (n === undefined) return undefined;
  return { org: { kind: 'mention', value: text }, fields: { max_allowed_memberships: n } };
}
