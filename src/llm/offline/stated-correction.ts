/**
 * A value said to be wrong, then the right one: "the family name of Ann from Foo is written wrong. Correct is
 * Smith, not Smyth", "For the organization Foo the industry is shown wrongly — the right value is 'Retail'". People
 * who do not know the verbs of an admin tool report the error and give the fix; the request is to set the field.
 * The stage rewrites the pair into "set the <field> of <owner> to <value>" (a named field: first/last name,
 * username, name, slug) or "set <key> to <value> in <owner>'s public metadata" (any other noun: where apps keep
 * such facts), which the readers after it understand. It needs all three — a field said to be wrong, whose it is,
 * and the correct value — or it changes nothing; every change is still shown on its card before it happens.
 * (Round 19: the shorter "Ann said her shift is late, not early — fix it" is said the same way, withIsNot below.)
 */
import { FIELD_WORDS } from './lexicon.js';

const WRONG =
  /\b(?:(?:is|are|was)\s+(?:(?:written|spelled|spelt|shown|entered|displayed|typed|saved|stored)\s+)?(?:wrong(?:ly)?|incorrect(?:ly)?|not\s+(?:correct(?:ly)?|right|exact(?:ly)?|accurate(?:ly)?)|misspel(?:led|t)|outdated|out\s+of\s+date)|has\s+a\s+(?:typo|mistake|spelling\s+mistake))\b/i;
const CORRECT =
  /\b(?:(?:the\s+)?correct(?:\s+(?:one|value|spelling|name|version|form))?\s+is|(?:the\s+)?right(?:\s+(?:one|value|spelling|name))?\s+is|it\s+should\s+(?:be|read|say)|it\s+is\s+actually|it's\s+actually|should\s+be)\s+(⟦q\d+⟧|[^,.;!?]+?)(?=\s*(?:,|\.|;|!|\?|$|\s+(?:with|not|instead|and\s+not|\(|—|–)))/i;

// A field the request forms already know by name (the lexicon's one table of field words), said as they read it.
function namedField(phrase: string): string | undefined {
  const words = phrase.trim().replace(/\s+/g, ' ');
  const hit = FIELD_WORDS.find(
    (w) =>
      (w.resource === 'user' || w.resource === 'org') &&
      w.kind === 'text' &&
      new RegExp(`^(?:${w.words})$`, 'i').test(words),
  );
  return hit?.param.replace(/_/g, ' ');
}

// "the family name of Ann from Foo", "Foo's industry", "For the organization Foo the branch of industry".
const FIELD_OF =
  /\b[Tt]he\s+((?:[a-z]+\s+){0,2}?(?:name|surname|username|handle|slug|[a-z]{3,}))\s+(?:of|for)\s+(?:the\s+(?:user|person|organi[sz]ation|company|org)\s+)?((?:⟦[eiq]\d+⟧|[A-Z][\w&'’-]*)(?:\s+(?:from|at|in)\s+[A-Z][\w&'’-]*|\s+[A-Z][\w&'’-]*){0,2})/;
const FOR_OWNER =
  /^(?:for|about|regarding)\s+(?:the\s+(?:user|person|organi[sz]ation|company|org)\s+)?((?:⟦[eiq]\d+⟧|[A-Z][\w&'’-]*)(?:\s+[A-Z][\w&'’-]*){0,2}),?\s+(?:the|his|her|their|its)\s+((?:[a-z]+\s+){0,3}?[a-z]{3,})\s+(?=is\b|are\b|was\b|has\b)/i;

function fieldPhrase(field: string, owner: string, value: string): string {
  const words = field.trim().toLowerCase().replace(/\s+/g, ' ');
  const named = namedField(words);
  if (named) return `set the ${named} of ${owner} to ${value}`;
  // ("branch of industry" → industry: the last noun names the key.)
  const key = words.split(' ').at(-1)!;
  if (
    !/^[a-z]{3,20}$/.test(key) ||
    /^(?:information|data|info|details?|entry|record|account|profile|invitations?|invites?|sessions?|memberships?|roles?|emails?|address(?:es)?|org(?:anization)?s?|company|apps?|applications?|templates?|domains?|users?|members?|links?)$/.test(
      key,
    ) ||
    /⟦[eiuh]\d+⟧/.test(value)
  )
    return '';
  return `set ${key} to ${value} in ${owner}'s public metadata`;
}

// "my surname is spelt "Olsen", not Olson", "her last name is written Smith, not Smyth": the right spelling
// said against the wrong one is the value the field should have.
const SPELLED =
  /\b(my|her|his|their|⟦e\d+⟧(?:'s|’s))\s+(first\s+name|last\s+name|family\s+name|surname|user\s*name)\s+(?:is|should\s+be)\s+(?:spelled|spelt|written)\s+(⟦q\d+⟧|[A-Z][\w'’-]*)\s*(?:\([^)]*\))?\s*,?\s+(?:and\s+)?not\s+(?:⟦q\d+⟧|[A-Z][\w'’-]*)/;

function spelled(masked: string): string {
  const m = masked.match(SPELLED);
  if (!m) return masked;
  // ("my" in a pasted mail is its sender: the one address the message gives for who wrote it.)
  const sender = masked.match(/\ba\s+message\s+from\s+(⟦e\d+⟧)/)?.[1];
  const owner = m[1]!.toLowerCase() === 'my' ? (sender ? `${sender}'s` : undefined) : m[1]!;
  if (!owner) return masked;
  const field = namedField(m[2]!) ?? m[2]!;
  return masked.replace(m[0], `set ${owner} ${field} to ${m[3]!}`);
}

/** The message with "the X of Y is wrong … correct is V" said as the change it asks for. */
// "Ann said her shift is late, not early — can you fix it": whose, which key, the right value, then the wrong one.
// Said as "set Ann's shift to late" (the wrong value stays in the message, so the planner can check it is held).
const IS_NOT =
  /\b((?:⟦e\d+⟧|[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)?)(?:['’]s)?)\s+(?:(?:said|says|tells\s+(?:me|us)|told\s+(?:me|us))\s+(?:that\s+)?(?:his|her|their)\s+)?([a-z][a-z_]{2,30}(?:\s+[a-z][a-z_]{2,30})?)\s+is\s+(?:actually\s+)?([\w-]+(?:\s+[\w-]+)?),?\s+not\s+([\w-]+(?:\s+[\w-]+)?)(?=\s*(?:[,.;!?]|$))/gi;
const ASKS_FIX = /\b(?:fix|correct|change|update|sort|amend)\b/i;

export function withStatedCorrection(given: string): string {
  const masked = withIsNot(spelled(given));
  if (!WRONG.test(masked) || !CORRECT.test(masked)) return masked;
  const sentences = masked.split(/(?<=[.!?])\s+/);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (!WRONG.test(s)) continue;
    const of = s.match(FIELD_OF);
    const forOwner = of ? undefined : s.match(FOR_OWNER);
    const field = of?.[1] ?? forOwner?.[2];
    const owner = of?.[2] ?? forOwner?.[1];
    if (!field || !owner) continue;
    // The correct value: in the same sentence after the error, else in the next one.
    const here = s.slice((s.match(WRONG)?.index ?? 0) + 1).match(CORRECT);
    const nextIndex = here ? i : i + 1;
    const correct = here ?? sentences[i + 1]?.match(CORRECT);
    if (!correct) continue;
    const value = correct[1]!.trim();
    if (value === '' || value.split(/\s+/).length > 6) continue;
    const change = fieldPhrase(field, owner, value);
    if (!change) continue;
    sentences[i] = `${change}.`;
    if (nextIndex !== i) sentences[nextIndex] = '';
    return sentences.filter((x) => x !== '').join(' ');
  }
  return masked;
}

/** "Ann said her shift is late, not early, please fix it" → "set Ann's shift to late (it reads early now). please fix it". */
function withIsNot(masked: string): string {
  if (!ASKS_FIX.test(masked)) return masked;
  return masked.replace(IS_NOT, (whole, owner: string, key: string, right: string, wrong: string) => {
    const who = owner.replace(/['’]s$/, '');
    // ("the industry is shown not exactly": how it is shown, not the right value and the wrong one.)
    if (/^(?:\w+ed|\w+ly|shown|written|spelt|set|correct|right|wrong|there|here|not)$/i.test(right.split(/\s+/)[0]!))
      return whole;
    if (/(?:ly|exact|correct|right|accurate|quite|really|sure|ok|okay|good)$/i.test(wrong)) return whole;
    if (/^(?:it|this|that|he|she|they|there|which|what|who)$/i.test(who)) return whole;
    return `set ${who}'s ${key.replace(/\s+/g, '_')} to ${right} (it reads ${wrong} now)`;
  });
}
