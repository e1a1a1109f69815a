/**
 * Losing the ability to sign in, said as what must be: "X should not be able to log in anymore", "X must no longer
 * get into the system", "make sure X can't sign in again" is a ban — a lock when the same sentence says it is for a
 * while ("until the review", "for now"). Only a modal or "make sure" says so: "X can't log in anymore" is a report
 * of a problem (restoring sign-in) and is never read here. The words become the passive the request forms already
 * read ("X should be banned", "make sure X is banned"), so this stage adds no action of its own: a negation before
 * the modal ("it's not that X should not …") and a question stay what they were for the readers after it.
 */
const ACCESS_DENIED =
  /\b(?:(should|must|may|shall)(?:n't|n’t|\s+not|\s+no\s+longer|\s+never)(?:\s+again)?|(?:make\s+sure|ensure)\s+(?:that\s+)?([^,.;]{1,60}?)\s+(?:can't|can’t|cannot|can\s+not|won't|won’t|will\s+not)(?:\s+again)?)\s+(?:be\s+able\s+to\s+|have\s+(?:the\s+)?(?:ability|possibility|option)\s+to\s+)?(?:enter|log\s*-?\s*in(?:to)?|sign\s*-?\s*in(?:to)?|login|access(?=\s*(?:$|[,.;!?]|\s(?:to\s+|into\s+)?(?:the|our|your|this)\s+(?:system|app|application|platform|product|site|portal|tool|service|account)\b|\s(?:any\s*more|again|any\s+longer)\b))|get\s+in(?:to)?|use(?=\s+(?:the|our|your|this)\s+(?:system|app|application|platform|product|site|portal|tool|service)\b))\b(?:\s+(?:in|into|to|on))?(?:\s+(?:the|our|your|this)\s+(?:system|app|application|platform|product|site|portal|tool|account|service))?(?:\s+(?:any\s*more|any\s+longer|again|from\s+now\s+on|in\s+(?:the\s+)?future))?(?=([^.;!?]*))/gi;

const FOR_A_WHILE = /\b(?:for\s+now|temporar(?:y|ily)|until|pending|while|for\s+the\s+time\s+being)\b/i;

// A sanction asked for in so many words elsewhere in the message ("… shouldn't be able to log in while HR looks
// into it. pls lock his account"): the sentence is that request's reason, not a second one.
const NAMED_SANCTION =
  /(?:^|[.!?;,]\s*|\b(?:please|pls|plz|and|just|to|can\s+you|could\s+you)\s+)(?:ban|lock|suspend|block|freeze|deactivate|disable|delete|remove|unban|unlock|revoke|cancel|withdraw|rescind|kick|uninvite|sign\s+\S+\s+out|log\s+\S+\s+out)\b/i;

/** The message with "should not be able to sign in" said as the state it asks for (banned, or locked for a while). */
export function withAccessDenial(masked: string): string {
  if (NAMED_SANCTION.test(masked)) return masked;
  return masked.replace(
    ACCESS_DENIED,
    (_m: string, modal: string | undefined, who: string | undefined, rest: string) => {
      const state = FOR_A_WHILE.test(rest) ? 'locked' : 'banned';
      return modal ? `${modal} be ${state}` : `make sure ${who} is ${state}`;
    },
  );
}
