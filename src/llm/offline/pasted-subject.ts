/**
 * The admin describes who a pasted mail or ticket is about instead of naming them: "Block the abuser from this
 * report", "please unlock the customer from the email below". quoted.ts keeps pasted text as data and its
 * sender as context (so pronouns find them); a described reference ("the spammer", "the sender", "the customer
 * in this ticket") is not a pronoun, so it is filled here with that one address, and only the admin's own words
 * are read. Nothing changes when the pasted text names no one or several people, or the admin named someone.
 */
import { analyze, type Sentence } from './entities.js';
import { normalize } from './normalize.js';
import { pastedPerson, requestText, splitPasted } from './quoted.js';

const ROLE_NOUN =
  '(?:customer|sender|spammer|user|person|abuser|attacker|fraudster|bot|offender|account holder|account|address)';
const SOURCE = '(?:report|email|e-?mail|mail|ticket|message|thread|complaint|note|case|request|chat|conversation|log)';
const DESCRIBED = new RegExp(
  `\\b(?:the|this|that)\\s+${ROLE_NOUN}\\b(?:\\s+(?:from|in|of|on|behind|named in|mentioned in|who sent|who wrote)\\s+(?:this|that|the|their|her|his)\\s+(?:[\\w#-]+\\s+){0,2}?${SOURCE}\\b(?:\\s+below)?)?`,
  'gi',
);
const SENDER_WORD = /\b(?:sender|spammer|customer|abuser|attacker|fraudster|offender|bot)\b/i;

/** The message with the admin's described reference filled from the pasted text's one address, or as it was. */
export function withPastedSubject(whole: Sentence): Sentence {
  if (!whole.raw.includes('\n')) return whole;
  const pasted = splitPasted(whole.raw);
  const { own, quoted, sender } = pasted;
  if (quoted.length === 0) return whole;
  // Handed over (the admin asked nothing of their own): the pasted text is the request, already read as such.
  // (A fix of a field the mail states a value for is still read from the admin's words, below.)
  const request = requestText(whole.raw);
  if (!FIX.test(own.join('\n')) && quoted.some((l) => l.trim() !== '' && request.includes(l))) return whole;
  const ownText = own.join('\n');
  if (/[\w.+-]+@[\w-]+\./.test(ownText)) return whole;
  const described = ownText.match(DESCRIBED)?.[0] ?? '';
  // Who it is about (one rule, quoted.ts); else, only for a sender word ("the sender", "the spammer"), the sender.
  const about = pastedPerson(pasted) ?? (SENDER_WORD.test(described) ? sender : undefined);
  const fixed = sender ?? about;
  let text = about ? ownText.replace(DESCRIBED, about) : ownText;
  if (fixed) text = withStatedField(text, quoted, fixed);
  return text === ownText ? whole : normalize(analyze(text));
}

const FIELD = '(first name|last name|family name|surname|username|display name|name)';
// "pls fix her first name" (no new value said): the admin asks for the fix and leaves the value to the mail.
const FIX = new RegExp(
  `\\b(?:fix|correct|update|change|amend)\\s+(?:her|his|their|the(?:ir)?|the\\s+customer'?s)\\s+${FIELD}\\b(?!\\s+to\\b)`,
  'i',
);

/**
 * "please correct his last name" above a mail that says "my last name should be spelled Haddad-Ali": the value of
 * the field the ADMIN asked to fix is read from the pasted text (a value is data; nothing else the mail asks for
 * is taken). Only a short name-like value, stated for the same field.
 */
function withStatedField(own: string, quoted: string[], about: string): string {
  const fix = own.match(FIX);
  if (!fix) return own;
  const asked = fix[1]!.toLowerCase();
  const text = quoted.join(' ');
  const stated =
    text.match(
      new RegExp(
        `\\b(?:my|the|her|his|their)\\s+${asked}\\s+(?:should|must|needs?\\s+to)\\s+(?:be|read)\\s+(?:written\\s+|spelled\\s+|spelt\\s+)?(?:as\\s+)?["'“]?([A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*){0,2})`,
      ),
    ) ??
    // "my surname is spelled wrong … It should be Willson": the field the mail names, its value in the next
    // sentence ("fix his name" asks for whichever name field the mail is about).
    text.match(
      new RegExp(
        `\\b(?:[Mm]y|[Tt]he|[Hh]er|[Hh]is|[Tt]heir)\\s+(${asked === 'name' ? FIELD.slice(1, -1) : asked})\\b[^.!?]*\\b(?:wrong|misspelt|misspelled|incorrect|typo)\\b[^.!?]*[.!?]\\s+(?:[Ii]t|[Tt]hat)\\s+(?:should|must|needs?\\s+to)\\s+(?:be|read)\\s+(?:spelled\\s+|spelt\\s+|written\\s+)?(?:as\\s+)?["'“]?([A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*){0,2})`,
      ),
    );
  if (!stated) return own;
  const field = stated.length > 2 ? stated[1]!.toLowerCase() : asked;
  const value = stated[stated.length - 1]!;
  return own.replace(FIX, `change ${about}'s ${field} to ${value}`);
}
