/**
 * A request said twice, the second time plainly: "archive his login, i.e. delete it", "retire the blog domain —
 * in other words remove it", "offboard him (read: ban him)". The plain restatement is what is asked; the first
 * wording (jargon, a euphemism) is only its name. The restatement's verb is put on the first wording's object, so
 * the message reads "delete her account". Read on the raw text: "i.e." would otherwise end a sentence.
 */

// The object of the first wording: a possessive or article and up to three words (the thing named).
const OBJECT = "(?:his|her|their|its|my|our|the|this|that|these|those)\\s+(?:[\\w'’@.-]+\\s+){0,3}?[\\w'’@.-]+";
const MARKER = '(?:i\\.\\s?e\\.?|ie|that\\s+is(?:\\s+to\\s+say)?|in\\s+other\\s+words|meaning|read|aka|a\\.k\\.a\\.)';

const RESTATED = new RegExp(
  `\\b[a-z][\\w-]*\\s+(${OBJECT})\\s*(?:,|—|–|-|\\()?\\s*${MARKER}\\s*[,:]?\\s+(?:to\\s+)?([a-z]+)\\s+(?:it|them|him|her|that|those)\\b\\)?`,
  'gi',
);

// "every address under the domain foo.test (i.e. *@foo.test)": a description of what to list, then the exact
// entry in brackets — the entry is what is meant ("the domain foo.test" alone reads as a domain to create).
const RESTATED_ENTRY =
  /\b(?:all\s+|any\s+|every\s+)?(?:(?:e-?mail\s+)?addresses|e-?mails|accounts|users|sign-?ups|people)\s+(?:at|from|on|under|in|with|using)\s+(?:the\s+)?(?:(?:e-?mail\s+)?domain\s+)?[\w.-]+\.[a-z]{2,}\s*\(\s*(?:i\.\s?e\.?|ie|that\s+is|meaning|so)\s*,?\s*([*\w.+-]*@[\w.-]+\.[a-z]{2,})\s*\)/gi;

/** The message with a restated request read as its plain restatement. */
export function withRestatements(text: string): string {
  return text
    .replace(RESTATED, (_m, object: string, verb: string) => `${verb} ${object}`)
    .replace(RESTATED_ENTRY, (_m, entry: string) => entry);
}
