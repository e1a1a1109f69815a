/**
 * A change asked for only on a condition the model does not check (issue 15, round 4): "is X banned? if not,
 * delete her", "delete Y unless he is an admin", "ban Z if she has not signed in this year". The parsers read the
 * request and leave the condition out, so the card would show an unconditional change the admin never asked for.
 * Conditions on the change's own precondition ("is X banned? if not, ban him", "lock Y unless already locked")
 * have been rewritten to the bare change by then (conditional.ts: the planner reads the state and says "already");
 * what is left here is a condition nobody checked, and the request is declined with what to do instead.
 * Not conditions: "if" meaning whether ("not sure if", "let me know if"), politeness ("if you could", "if
 * possible", "if that's ok"), and "if not already" (the change is its own check: already so, nothing to do).
 */

// "if / only if / unless / provided (that) / as long as" and what follows up to the end of the sentence.
const CONDITION = /\b(?:only\s+if|if|unless|provided(?:\s+that)?|as\s+long\s+as)\b[^.!?;\n]*/gi;
// "not sure if", "let me know if", "check if", "wondering if": "if" meaning whether; "sorry if …": an apology.
const WHETHER =
  /\b(?:sorry|apologies|apologise|apologize|forgive\s+me|excuse\s+me|sure|unsure|wonder(?:ing|ed)?|know|knows|ask(?:ing|ed)?|see|check(?:ing)?|tell\s+me|find\s+out|curious|confirm|verify|idea|doubt|question|clear)\s*,?\s*$/i;
// "a parent asked Omar if we …", "she asked me whether …": "if" after asking someone means whether.
const ASKED_SOMEONE =
  /\b(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?|check(?:s|ed|ing)?\s+with|told|tells?)\s+(?:me|us|him|her|them|you|u|[A-Z][\w'’-]*)\s*,?\s*$/;
// "if that is no bother", "if at all possible", "if time permits": the request asks no more of it (hedges.ts
// takes the same openers off the front of a clause).
export const NO_TROUBLE = String.raw`(?:it|this|that)(?:(?:'s|’s|\s+is|\s+was|\s+would\s+be)\s+(?:not|no)|\s+isn['’]?t|\s+wouldn['’]?t\s+be)\s+(?:(?:a|an|any|too)\s+)?(?:much\s+)?(?:inconvenien(?:t|ce)|trouble|bother|problem|issue|difficult|hard|burden)|(?:at\s+all\s+)?possible|time\s+(?:permits|allows)|convenient|you(?:['’]d|\s+would)\s+be\s+so\s+(?:kind|good)|you\s+(?:wouldn['’]?t|would\s+not)\s+mind`;

// "if you could", "if possible", "if that's ok", "if you don't mind", "if needed", "if I understand right".
const POLITE = new RegExp(
  `^(?:if|unless)\\s+(?:(?:you|u|ya|someone|somebody|anyone|we|one)\\s+(?:could|can|would|will|have|get|are\\s+able|find|don['’]?t\\s+mind|do\\s+not\\s+mind|want|wanna|like|need|please|see\\s+this|read\\s+this|got)|possible|you\\s+please|please|needed|necessary|required|need\\s+be|any|anything|this\\s+is|this['’]s|(?:that|this|it)(?:'s|’s|\\s+is|\\s+was)\\s+(?:ok|okay|alright|all\\s+right|fine|possible|easier|not\\s+too|the\\s+right|no\\s+trouble|no\\s+bother|straightforward|easy|simple|doable|feasible|convenient)|(?:it|this|that)\\s+helps|i\\s+(?:understand|remember|recall|read|am\\s+not\\s+mistaken|['’]m\\s+not\\s+mistaken|word|phrase|may|might|can)|i['’]m\\s+not\\s+mistaken|not\\s+too\\s+much|(?:you|u)\\s+get\\s+a|${NO_TROUBLE})\\b`,
  'i',
);
// "if not already", "unless she's already in it", "if it isn't there yet", "only if missing": the change checks
// itself (the planner reads the state first and says "already" when there is nothing to do).
const ALREADY =
  /\b(?:already|yet|missing|absent|(?:is\s*n['’]?t|is\s+not|not)\s+(?:there|listed|present|on\s+(?:it|there|the\s+list)))\b/i;

// "provided no other field is touched", "as long as nothing else is touched", "provided her public metadata
// stays as it is": what the change must leave alone, which a planner that does only what is asked already keeps.
const NOTHING_ELSE =
  /^(?:provided(?:\s+that)?|as\s+long\s+as|only\s+if|if)\s+(?:(?:nothing|no(?:thing)?\s+else|no\s+other\b[^.!?;]*?|none\s+of\b[^.!?;]*?)\s+(?:is|are|gets?|be|will\s+be|has\s+been)\s+(?:made|changed|modified|altered|affected|touched|deleted|removed|done)|(?:you|u|we)\s+(?:do\s+not|don['’]?t|won['’]?t|never)\s+(?:touch|change|modify|alter|delete|remove|ban|lock)\b)|^(?:provided(?:\s+that)?|as\s+long\s+as)\s+[^.!?;]{1,60}?\s+(?:stays?|remains?)\s+(?:as\s+(?:it|they)\s+(?:is|are)|unchanged|unaltered|untouched|intact|the\s+same)/i;
// "unless otherwise instructed", "unless told otherwise", "unless so instructed separately": a standing default,
// not a condition on this change.
const UNTIL_TOLD =
  /^unless\s+(?:(?:otherwise|so)\s+(?:instructed|advised|notified|agreed|directed|told)|(?:told|instructed|advised|notified)\s+otherwise|you\s+hear\s+otherwise)\b/i;
// "the mobile team will be cross with me if sub changes": a consequence for someone else, said as a remark, is no
// condition on the change (the clause before "if" foretells, it does not ask).
// (Only a reaction — "be cross / mad / upset", "yell", "complain", "freak out": "this would only apply if …" is a
// condition and still stops the change.)
const CONSEQUENCE =
  /\b(?:will|['’]ll|gonna|going\s+to|would|might)\s+(?:(?:be|get)\s+(?:so\s+|really\s+|very\s+)?(?:mad|upset|cross|angry|annoyed|furious|livid|unhappy|sad)(?:\s+(?:at|with)\s+\w+)?|yell(?:\s+at\s+\w+)?|scream(?:\s+at\s+\w+)?|kill\s+\w+|complain|freak\s+out|panic|hate\s+\w+)\s*$/i;
const clauseBefore = (text: string): string => {
  const clause = text.split(/[.!?;,:(—–]|\s-\s|\blol\b/).pop() ?? '';
  return /\b(?:you|u|please|pls|plz|kindly|i|we)\b/i.test(clause) ? '' : clause;
};

// "get her back in if she got locked out", "unblock X if he can't sign in": a restore asked on the condition that
// sign-in is blocked is its own check (the planner reads the ban and the lock and lifts whichever is there, or says
// neither is).
const SHUT_OUT =
  /^(?:only\s+)?if\s+(?:it\s+turns\s+out\s+(?:that\s+)?)?[^.!?;]{0,40}?\b(?:(?:shut|locked|kept|blocked|barred)\s+out|locked|banned|blocked|barred|suspended|can(?:['’]?t|not)\s+(?:get|sign|log)\s+(?:in|on)|(?:got|been|gets|was|is)\s+out)\b/i;
const RESTORES =
  /\b(?:(?:let|get)\s+\S+(?:\s+\S+)?\s+(?:back\s+in|in\s+again|sign\s+in|log\s+in)|unlock|unban|restore|reinstate|lift|unblock|open\s+(?:it|\S+)\s+up)\b/i;
// "if she wasn't locked out after all, leave everything as it is" / "if not, don't touch anything": the other
// branch of a self-checking change asks for nothing to be done, which is what the planner does when the state is
// not there.
const ELSE_NOTHING =
  /^if\s+(?:it\s+turns\s+out\s+(?:that\s+)?)?[^.!?;]{0,60}?(?:\bnot\b|n['’]t\b|\bnever\b)[^.!?;]{0,40}?(?:,\s*)?(?:then\s+)?(?:please\s+)?(?:do\s+not|don['’]?t|no\s+need\s+to|there\s+is\s+no\s+need\s+to)\s+(?:go\s+)?(?:chang|touch|do|alter|modify)\w*\s+(?:anything|a\s+thing)\b/i;

/** The first condition in a message that the change would silently drop, as the user wrote it, or undefined. */
export function uncheckedCondition(masked: string): string | undefined {
  for (const m of masked.matchAll(CONDITION)) {
    const said = m[0].trim();
    if (WHETHER.test(masked.slice(0, m.index)) || ASKED_SOMEONE.test(masked.slice(0, m.index))) continue;
    if (POLITE.test(said) || ALREADY.test(said) || NOTHING_ELSE.test(said) || UNTIL_TOLD.test(said)) continue;
    if (CONSEQUENCE.test(clauseBefore(masked.slice(0, m.index)))) continue;
    if ((SHUT_OUT.test(said) && RESTORES.test(masked)) || ELSE_NOTHING.test(said)) continue;
    // ("…, if not." / "if so" alone with nothing to act on is a tail of a question, not a condition on a change.)
    if (/^if\s+(?:not|so)\s*[,.]?\s*$/i.test(said) && !/[?]\s*$/.test(masked.slice(0, m.index).trim())) continue;
    return said;
  }
  return undefined;
}
