/**
 * The admin describes who a pasted mail or ticket is about instead of naming them: "Block the spammer from this
 * abuse report", "please unlock the customer from the email below". quoted.ts keeps pasted text as data and its
 * sender as context (so pronouns find them); a described reference ("the spammer", "the sender", "the customer
 * in this ticket") is not a pronoun, so it is filled here with that one address, and only the admin's own words
 * are read. Nothing changes when the pasted text names no one or several people, or the admin named someone.
 */
import { analyze, type Sentence } from './entities.js';
import { normalize } from './normalize.js';
import { splitPasted } from './quoted.js';

const ROLE_NOUN =
  '(?:customer|sender|spammer|user|person|abuser|attacker|fraudster|bot|offender|account holder|account|address)';
const SOURCE = '(?:report|email|e-?mail|mail|ticket|message|thread|complaint|note|case|request|chat|conversation|log)';
const DESCRIBED = new RegExp(
  `\\b(?:the|this|that)\\s+${ROLE_NOUN}\\b(?:\\s+(?:from|in|of|on|behind|named in|mentioned in|who sent|who wrote)\\s+(?:this|that|the|their|her|his)\\s+(?:[\\w#-]+\\s+){0,2}?${SOURCE}\\b(?:\\s+below)?)?`,
  'gi',
);
const SUBJECT_LINE =
  /^\s*(?:user|email|e-mail|account|customer|reported (?:user|account|address|email)|offender|abuser|spammer)\s*:/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** The message with the admin's described reference filled from the pasted text's one address, or as it was. */
export function withPastedSubject(whole: Sentence): Sentence {
  if (!whole.raw.includes('\n')) return whole;
  const { own, quoted, sender } = splitPasted(whole.raw);
  if (quoted.length === 0) return whole;
  // Who it is about: the sender header, else the one address of a subject line ("User: x@y.test …"), else the
  // one address the pasted text names at all.
  const emailsOf = (lines: string[]): Set<string> =>
    new Set(lines.flatMap((l) => l.match(EMAIL) ?? []).map((e) => e.toLowerCase()));
  const subject = emailsOf(quoted.filter((l) => SUBJECT_LINE.test(l)));
  const named = emailsOf(quoted);
  const about =
    sender ?? (subject.size === 1 ? [...subject][0] : undefined) ?? (named.size === 1 ? [...named][0] : undefined);
  const ownText = own.join('\n');
  if (!about || /[\w.+-]+@[\w-]+\./.test(ownText)) return whole;
  const text = ownText.replace(DESCRIBED, about);
  return text === ownText ? whole : normalize(analyze(text));
}
