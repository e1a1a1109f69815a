/**
 * How people say a person's new name without the words "set" or "to" (issue 15, round 15):
 * - the name said as how the person should be shown: "she'd like the site to show her as Ann Park", "list him as
 *   Bo Li from now on"; a later "change her surname (for her)" with no value of its own takes its part of that
 *   name (the surname → "Park"; the first name → "Ann"; the name → both);
 * - a name field "to be shown / displayed / spelt as X": that field set to X;
 * - "Ann Lee has asked that her first name …": the person who asks is whose field it is (her = Ann Lee's), said
 *   in the one clause, where the clause-to-clause pronoun reading finds no antecedent.
 * Only words change; the planner reads the record, and the card shows each field's old and new value.
 */

const NAME = "(?:[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+){0,2})";
const FULL = "(⟦q\\d+⟧|[A-Z][\\w'’-]+\\s+[A-Z][\\w'’-]+)";
const SHOWN_AS = new RegExp(
  `\\b(?:show|display|list|call|have|put|address)\\s+(?:her|him|them|⟦e\\d+⟧|${NAME})\\s+(?:down\\s+)?as\\s+${FULL}|\\b(?:her|his|their)\\s+(?:new\\s+)?(?:full\\s+)?name\\s+(?:is\\s+now|will\\s+(?:now\\s+)?be|should\\s+(?:now\\s+)?(?:be|read))\\s+${FULL}`,
);
const CHANGE_PART =
  /\b((?:change|update|fix|correct|amend|alter|edit)\s+(?:her|his|their)\s+)(surname|last\s+name|family\s+name|first\s+name|given\s+name|forename|name)\b(?!\s+(?:to|as|into|from)\b)/gi;
const SHOWN_FIELD =
  /\b((?:first|last|given|family|full|display)\s+name|surname|forename|name)\s+(?:to\s+)?be\s+(?:shown|displayed|listed|spelt|spelled|written|given|put\s+down)\s+(?:in\s+full\s+|properly\s+|correctly\s+)?as\s+/gi;
const ASKER = new RegExp(
  `\\b(${NAME}|⟦e\\d+⟧)(?:\\s+(?:of|from|in)\\s+(?:the\\s+|our\\s+)?(?:[\\w'’-]+\\s+){0,3}?(?:group|club|team|circle|org|organi[sz]ation|department|office|company))?(?:\\s*[—–]\\s*[^—–]{1,90}?\\s*[—–])?\\s+(?:has\\s+|have\\s+|had\\s+)?(?:asked|requested|asks|requests)\\s+that\\s+(?:his|her|their)\\s+(?=(?:first|last|given|family|full|display|middle)\\s+name|surname|forename|name|e-?mail|username|phone)`,
  'g',
);

/** The message with a new name said as how the person is shown read as a value of the name fields. */
export function withNameDisplay(masked: string, quoted: readonly string[]): string {
  let out = masked
    .replace(SHOWN_FIELD, '$1 be changed to ')
    .replace(ASKER, (_m, who: string) => `${who} has asked that ${who}'s `);
  const shown = out.match(SHOWN_AS);
  const full = shown ? (shown[1] ?? shown[2])! : undefined;
  if (!full) return out;
  const spelt = full.replace(/⟦q(\d+)⟧/, (_t, n: string) => quoted[Number(n)] ?? '').trim();
  const words = spelt.split(/\s+/);
  if (words.length < 2) return out;
  out = out.replace(CHANGE_PART, (_m, verb: string, part: string) => {
    const p = part.toLowerCase();
    const value = /^(?:surname|last\s+name|family\s+name)$/.test(p)
      ? words.at(-1)!
      : /^(?:first\s+name|given\s+name|forename)$/.test(p)
        ? words[0]!
        : spelt;
    return `${verb}${part} to ${value}`;
  });
  return out;
}
