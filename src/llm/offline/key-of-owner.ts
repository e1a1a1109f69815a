/**
 * A metadata key said as a property of its owner: "update the tier of Foo Labs org as gold in its
 * metadata", "set the badge number of Ann Lee to B-17 in her private metadata". The key is the words before
 * "of" (snake-cased: "badge number" → badge_number; value-swap.ts still prefers a key the record already holds), the
 * owner is what follows "of", and "as" stands for "to" (a usage of Indian and other Englishes). The sentence is put
 * in the form the metadata readers read: "set badge_number to B-17 in Ann Lee's private metadata".
 */

const VERB = '(?:set|update|change|record|put|mark|enter|save|store|make|modify|amend)';
const KEY = '((?:[A-Za-z][\\w-]*\\s+){0,2}?[A-Za-z][\\w-]*)';
const OWNER =
  "((?:the\\s+)?(?:⟦[ei]\\d+⟧|[A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*){0,3})(?:\\s+(?:org|organi[sz]ation|company|workspace))?)";
const VALUE = '(⟦q\\d+⟧|[\\w.:/+-]+)';

const KEY_OF_OWNER = new RegExp(
  `\\b${VERB}\\s+(?:the\\s+)?${KEY}\\s+(?:of|for)\\s+${OWNER}\\s+(?:to|as|=|:)\\s+${VALUE}\\s+(?:in|on|under|into)\\s+(?:his|her|its|their|the)\\s+(?:(public|private|unsafe)\\s+)?meta-?data\\b`,
  'g',
);

// Words that are the grammar of the sentence, never a key ("the value of", "the field of").
const NOT_A_KEY = /^(?:value|field|key|entry|setting|data|details?|info(?:rmation)?|record|one|it|this|that)$/i;

/** The sentence with a key said as its owner's property in the form "set <key> to <value> in <owner>'s metadata". */
export function withKeyOfOwner(masked: string): string {
  return masked.replace(KEY_OF_OWNER, (whole, key: string, owner: string, value: string, kind?: string) => {
    if (NOT_A_KEY.test(key.trim())) return whole;
    const snake = key
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    return `set ${snake} to ${value} in ${owner}'s ${kind ? `${kind} ` : ''}metadata`;
  });
}
