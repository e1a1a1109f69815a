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

// "record it on the Foo organisation in private metadata (not visible to members) as: k: v": the owner said
// before the metadata, the pair after "as". Said as "add k: v to the Foo organisation's private metadata".
const ON_OWNER =
  /\b(?:record|put|set|store|add|save|note|log|enter)\s+(?:it|this|that|the\s+date|the\s+value)?\s*(?:on|for|against|to|in)\s+(?:the\s+)?((?:⟦e\d+⟧|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})(?:\s+(?:org|organi[sz]ation|company|workspace))?)(?:'s|’s)?\s+(?:in|into|under)\s+(?:its\s+|the\s+|their\s+|his\s+|her\s+)?(?:(public|private|unsafe)\s+)?meta-?data(?:\s*\([^()]{0,80}\))?\s+as\s*:?\s+([a-z][\w.-]*\s*[:=]\s*[^\s,;]+?)(?=[.,;]?(?:\s|$))/g;

/** The sentence with the owner said before the metadata and the pair after "as" put in the readers' form. */
export function withOwnerThenPair(masked: string): string {
  return masked.replace(
    ON_OWNER,
    (_m, owner: string, kind: string | undefined, pair: string) =>
      `add ${pair} to ${/^⟦/.test(owner) ? owner : `the ${owner}`}'s ${kind ? `${kind} ` : ''}metadata`,
  );
}

// "change the badge number in private metadata …", "3) Tier in public metadata should become …": a key said in
// words right before the metadata it is in is that key, written as keys are ("employee_id", "plan"). At most three
// words, and only the words after a determiner or at the start of a line; words that are grammar stay as they are.
const KEY_IN_WORDS =
  /(\b(?:the|their|her|his|its|my|our)\s+|(?:^|[.;)\n]\s*))((?:[A-Za-z]+\s+){0,2}[A-Za-z]+)\s+((?:key|field|entry)\s+)?in\s+((?:the|her|his|their|its)\s+)?(public|private|unsafe)\s+meta-?data\b/g;
const GRAMMAR =
  /^(?:a|an|the|their|her|his|its|my|our|and|or|to|of|value|key|field|entry|it|this|that|set|update|change|put|add|remove|delete|store|save|record|keep|is|are|was|be|please|pls|kindly|new|old)$/i;

/** The message with a key said in words before its metadata written as the key. */
export function withKeyInWords(masked: string): string {
  return masked.replace(
    KEY_IN_WORDS,
    (whole, lead: string, words: string, noun: string | undefined, det: string | undefined, kind: string) => {
      const all = words.split(/\s+/);
      // (Only the last words that are no grammar: "set role in …" keeps its verb.)
      let start = all.length;
      while (start > 0 && !GRAMMAR.test(all[start - 1]!)) start--;
      // (A value said before the metadata is no key: "put her tier to gold inside public metadata".)
      if (start === all.length || all.slice(0, start).some((w) => /^(?:to|as|into)$/i.test(w))) return whole;
      if (all.slice(start).some((w) => /^(?:true|false|yes|no|on|off)$/i.test(w))) return whole;
      const before = all.slice(0, start).join(' ');
      const key = all.slice(start).join('_').toLowerCase();
      const determined = /\b(?:the|their|her|his|its|my|our)$/i.test(before);
      const opening = before
        ? `${lead}${before} ${determined ? '' : 'the '}`
        : /\S/.test(lead) && !/[.;:)]/.test(lead)
          ? lead
          : `${lead}the `;
      return `${opening}${key} ${noun ?? ''}in ${det ?? ''}${kind} metadata`;
    },
  );
}
