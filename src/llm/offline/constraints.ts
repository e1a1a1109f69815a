/**
 * Sentences that only limit a request (issue 15, round 16): "The admin there stays as it is.", "Old notes on those
 * accounts may stay where they are.", "Don't delete or ban him yet.", "Nobody else should be touched." Formal
 * letters, memos and chat all add them after the ask. They name records and actions the request must NOT touch, so
 * a reader that sees them as asks proposes exactly the wrong change (or, seeing a negated act, refuses the whole
 * message). Such a sentence is taken out before the readers run, when another sentence is left to ask; the
 * exception readers (exceptions.ts) still read the message as typed, so whoever is kept out stays kept out.
 */
import { ACTION_VERB } from './clauses.js';
import { type Entities, unmask } from './entities.js';
import type { Ref } from './intent-types.js';

// What a sentence says stays as it is.
const KEEPS = new RegExp(
  [
    // (Not a state that lasts: "a token remains valid a day", "stays logged in".)
    "\\b(?<!\\bnot\\s|\\bno\\s+longer\\s|n['’]t\\s)(?:remains?|stays?)\\b(?!\\s+(?:valid|active|open|logged|signed|pending|outstanding|unused|unanswered|unaccepted|live|in\\s+(?:effect|force|use)|for|until|available|alive|on\\s+(?:for|until))\\b)",
    '\\bcontinues?\\s+(?:as\\s+(?:it\\s+|they\\s+)?(?:is|are)|unchanged)\\b',
    '\\b(?:left|kept|keep|leave)\\s+(?:(?:as\\s+(?:it\\s+|they\\s+)?(?:is|are|was|were|stands?))|in\\s+place|alone|untouched|unchanged|intact|as\\s+before)\\b',
    // ("should not be retained" asks for a removal.)
    '(?<!\\bnot\\s|\\bno\\s+longer\\s)\\b(?:is|are|be)\\s+(?:retained|preserved|unaffected|not\\s+affected)\\b',
    '\\b(?:unchanged|untouched|unaltered|intact)\\b',
    // ("he should keep everything as today", "leave the rest as it is now")
    '\\b(?:keep|keeps|leave|leaves)\\s+(?:everything|all|the\\s+rest|anything)(?:\\s+else)?\\s+(?:as\\s+(?:today|now|before|is|it\\s+is|it\\s+was)|the\\s+same|alone)\\b',
    '\\bas\\s+(?:it|they)\\s+(?:is|are|stands?)\\b',
    '\\b(?:must|should|shall|will|is|are|to)\\s+(?:not|never)\\s+(?:be\\s+)?(?:altered|changed|touched|modified|affected)\\b',
    '\\bnot\\s+to\\s+be\\s+(?:altered|changed|touched|modified|affected)\\b',
    // ("no other particulars are to change", "nothing else changes for him")
    '\\bno\\s+(?:other|further)\\b[^.;!?]{0,80}?\\b(?:changes?|changed|alter(?:ed)?|affected|touched|modified|made)\\b',
    '\\bnothing\\s+(?:else|more)\\b[^.;!?]{0,40}?\\b(?:changes?|changed|alter(?:ed)?|affected|touched|modified)\\b',
  ].join('|'),
  'i',
);
const KEEPS_ALL = new RegExp(KEEPS.source, 'gi');
// A sentence that only says which acts not to do: "don't delete or ban her (yet)", "do not touch anyone else".
const NOT_ACTS =
  '(?:ban|block|lock|delete|remove|suspend|disable|revoke|kick|touch|change|alter|modify|deactivate|wipe|erase)';
const ONLY_NOT = new RegExp(
  `^\\s*(?:(?:but|and|also|so|pls|please|just)\\s+)*(?:do\\s+not|don'?t|dont|never|no\\s+need\\s+to)\\s+${NOT_ACTS}(?:\\s*(?:,|or|and|nor|/)\\s*${NOT_ACTS})*\\b(?:(?!\\b(?:instead|rather|but|just|only)\\b)[^,;])*$`,
  'i',
);
// A memo's or mail's subject line ("RE: the ban review", "Fwd: access"): it names the topic, never the act.
const SUBJECT_LINE = /^(?:re|fwd?|subj(?:ect)?)\s*:/i;
// (Any verb of a change anywhere in the sentence makes it an ask too: "in Foo revoke the newest invite, the other one
// stays", "alter the template so its tokens remain usable a day".)
const ASKS = new RegExp(
  `\\b(?:${ACTION_VERB}|amend|modify|adjust|extend|shorten|grant|assign|give|appoint|reinstate|restore|lift|record|store|save|put|raise|lower|increase|decrease|withdraw|cancel|revoke|make|move|promote|demote|ensure|transfer|rename)\\b`,
  'i',
);

/** Whether a sentence only limits the request (says what stays, or only what not to do). */
export function onlyLimits(sentence: string): boolean {
  const s = sentence.trim();
  if (s === '' || /\?\s*$/.test(s)) return false;
  if (ONLY_NOT.test(s) || SUBJECT_LINE.test(s)) return true;
  // ("Keep the role, but remove her from Foo": a sentence that also asks is not only a limit.)
  return KEEPS.test(s) && !ASKS.test(s.replace(KEEPS_ALL, ' ')) && !/\b(?:but|and\s+then|then)\b/i.test(s);
}

/** The message (masked or as typed) without its sentences that only say what must stay or must not be done. */
export function withoutConstraints(given: string): string {
  // (A person vouched for, said beside the request: "ban him pls, kim's legit".)
  const masked = given.replace(VOUCHED, '');
  const parts = masked.split(/((?:[.!?;]+(?=\s|$)|\n+)\s*)/);
  const sentences = parts.filter((_, i) => i % 2 === 0);
  const limits = sentences.map(onlyLimits);
  // (A question is never a limit, and the separator after it keeps its "?".)
  const kept = limits.map((l, i) => l && !/^\?/.test(parts[2 * i + 1] ?? ''));
  if (!kept.some(Boolean) || kept.every((l, i) => l || sentences[i]!.trim() === '')) return masked;
  const out = parts
    .filter((_, i) => !(i % 2 === 0 && kept[i / 2]) && !(i % 2 === 1 && kept[(i - 1) / 2]))
    .join('')
    .trim();
  // (The last sentence dropped: the separator before it ends the message now, and goes with it.)
  const last = sentences.map((t) => t.trim() !== '').lastIndexOf(true);
  return kept[last] ? out.replace(/[\s.;!]+$/, '') : out;
}

// "…, kim's legit": a person vouched for beside the request is whom it is NOT about. (Only after a comma: a sentence
// of its own — "Omar is fine." — may be what picks the other holder of a role, and stays.)
export const VOUCHED =
  /,\s*\b(?!(?:he|she|they|it|this|that|which|who)\b)([A-Za-z][\w.'’-]*(?:\s+[A-Z][\w'’-]+)?)(?:'s|’s|\s+is)\s+(?:legit|fine|ok|okay|trusted|trustworthy|innocent|safe|one\s+of\s+the\s+good\s+ones)\b(?=\s*(?:[,.;!?]|$))/gi;

// A person said by first and last name ("Viktor Crane stays banned", "Ana de Souza").
export const FULL_NAME =
  /(?<![\w⟦-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+(?:(?:de|van|von|da|di|le)\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w⟧-])/g;

/**
 * The records a limiting sentence names ("Viktor Crane stays banned", "don't touch x@y.test"): never the target of a
 * change, and left out of a change on everyone (request.ts).
 */
export function limitedRefs(masked: string, ents: Entities): Ref[] {
  const out: Ref[] = [];
  for (const sentence of masked.split(/(?:[.!?;]+(?=\s|$)|\n+)\s*/)) {
    if (!onlyLimits(sentence) || SUBJECT_LINE.test(sentence.trim())) continue;
    // (Only what the sentence is about, said before what stays: "Display name should remain Foo Corp" keeps a
    // value, not a record called Foo Corp.)
    const at = sentence.search(KEEPS);
    // (A short subject only: "… was issued to x@y on 3 May and remains" tells a story about x@y, it keeps nothing.)
    const before = at > 0 ? sentence.slice(0, at) : '';
    const subject = before.trim().split(/\s+/).length <= 6 ? before : ONLY_NOT.test(sentence.trim()) ? sentence : '';
    for (const token of subject.match(/⟦[ei]\d+⟧/g) ?? [])
      out.push({ kind: token[1] === 'e' ? 'email' : 'id', value: unmask(token, ents) });
    for (const m of subject.matchAll(FULL_NAME)) out.push({ kind: 'name', value: m[1]! });
  }
  for (const m of masked.matchAll(VOUCHED))
    out.push(/^⟦e\d+⟧$/.test(m[1]!) ? { kind: 'email', value: unmask(m[1]!, ents) } : { kind: 'name', value: m[1]! });
  return out;
}
