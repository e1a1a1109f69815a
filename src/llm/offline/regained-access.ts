/**
 * Getting back in, said as what should be possible: "can you sort this so he is able to log in again?",
 * "sort it out so X can log back in", "let him get back in". That is letting them sign in again (the planner reads
 * the account and lifts whatever stops it: a ban or a lock). Read before the reason and consequence readers, which
 * would otherwise take "so that she can …" for a why and drop it.
 */

const FIX_SO =
  /\b(?:fix|sort(?:\s+out)?|resolve|sort)\s+(?:it|this|that|things)(?:\s+out)?\s+so\s+(?:that\s+)?((?:(?!\b(?:not|never)\b)[^,.;!?])+?)\s+(?:is\s+able\s+to|are\s+able\s+to|can|could)\s+(?:sign|log|get)\s+(?:back\s+)?in(?:\s+again)?\b/gi;
const LET_GET_IN =
  /\b(let|allow)\s+((?:(?!\b(?:get|not|never)\b)[^,.;!?])+?)\s+(?:to\s+)?get\s+(?:back\s+in|in\s+again)\b/gi;

// (The subject said as the object: "so he can …" → "let him …".)
const OBJECT: Readonly<Record<string, string>> = { she: 'her', he: 'him', they: 'them' };

/** The masked message with getting back in said as "let X sign in again". */
export function withRegainedAccess(masked: string): string {
  return masked
    .replace(FIX_SO, (_m, who: string) => `let ${OBJECT[who.toLowerCase()] ?? who} sign in again`)
    .replace(LET_GET_IN, '$1 $2 sign in again');
}

// "get him back in", "get her back into her account": sign-in restored, as "let … back in" says it. Read on the
// raw text: the frame reader would otherwise take "get … out" in "get him back in if he got locked out" for a
// removal.
const GET_BACK_IN =
  /\bget\s+((?:[\w.+-]+@[\w.-]+)|him|her|them|[\w.'’-]+(?:\s+[\w.'’-]+)?)\s+back\s+(?:in(?:to\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:site|app|account|portal|website|system))?|on(?:line)?)\b/gi;

/** The message with "get X back in" said as "let X back in". */
export function withGetBackIn(text: string): string {
  return text.replace(GET_BACK_IN, 'let $1 back in');
}
