/**
 * Service-desk courtesy, as written in Indian and other Commonwealth office English (issue 15, round 19): "Greetings
 * of the day", "on priority basis", "at the earliest", "w.e.f. 15/11", "revert back once done". None of it is part
 * of the request, and some of it reads as one ("revert" is also the word for undoing a change). So:
 * - "revert (back) once done / to us / so that …" asks only for a reply: it goes;
 * - "revert with the status of X" asks for that information: it becomes "what is the status of X";
 * - "revert (back) <something>" with no reply words after it ("revert back the role change") stays an undo request;
 * - "cancel the same" (nothing after "same") is "cancel it".
 */

const GREETING_OF_DAY = /\b(?:warm\s+)?greetings\s+(?:of|for)\s+the\s+day\b\s*[!.,]*\s*/gi;
const PRIORITY =
  /\s*,?\s*\b(?:on\s+(?:a\s+)?(?:top\s+|high\s+|urgent\s+)?priority(?:\s+basis)?|at\s+the\s+earliest(?:\s+possible)?|at\s+your\s+earliest(?:\s+convenience)?|(?:with\s+)?immediate\s+effect|w\.?\s?e\.?\s?f\.?\s*(?:⟦[a-z]\d+⟧|[\w/.-]+))(?=\s|[,.;!?]|$)/gi;
// "revert with the list of …", "revert back with the count of …": a question.
const REVERT_WITH =
  /\b(?:and\s+)?(?:kindly\s+|please\s+|pls\s+)?revert\s+(?:back\s+)?(?:to\s+(?:me|us)\s+)?with\s+(?:the\s+)?(status|list|details|info(?:rmation)?|count|number)\b/gi;
// "revert back once done", "revert to us when finished", "revert back for closure": a reply. ("revert back the
// change" is an undo, and stays.)
const REVERT_REPLY =
  /\s*,?\s*\b(?:and\s+)?(?:kindly\s+|please\s+|pls\s+)?revert\s+(?:back\s*)?(?:(?=[.,;!?\n]|$)|(?:once|when|after|so\s+that|for\s+closure|to\s+(?:me|us)|at\s+the\s+earliest|asap)\b[^.;!?\n]*)/gi;

// "As discussed in the meeting, PFB the list of …:", "Please find below the changes required:": a
// preamble that points at what follows. (Its "today" is when they talked, never a filter.)
const PREAMBLE =
  /(?:^|(?<=[.!?:\n]\s*))\s*(?:as\s+(?:discussed|informed|mentioned|requested|per\s+(?:our|the|your)\s+(?:call|discussion|conversation|mail|email))\b[^,.;!?:\n]*,\s*)?(?:pfb|pfa|please\s+find\s+(?:below|attached|enclosed))\b[^.;!?:\n]*[:.]?\s*/gi;
const AS_DISCUSSED =
  /(?:^|(?<=[.!?\n]\s*))\s*as\s+(?:discussed|informed|mentioned)\s+(?:over|on|in|during|with)\s+(?:the\s+|a\s+|our\s+)?(?:call|phone|meeting|chat|mail|email|review(?:\s+meeting)?)(?:\s+(?:today|yesterday)(?:\s+(?:morning|afternoon|evening))?)?\s*,\s*/gi;

// "kindly cancel the same", "enable the same and revert": "the same" standing alone is "it" (the thing just named).
const THE_SAME =
  /\b((?:cancel|revoke|enable|disable|delete|remove|lock|unlock|ban|unban|update|change|approve|process|withdraw|deactivate|activate)\s+)the\s+same\b(?=\s*(?:[,.;!?]|$|\s+(?:and|so|at|on|by|as|asap|immediately|today|please|pls|kindly)\b))/gi;

/** The message without desk courtesy; a request for a reply with information said as a question. */
export function withoutCourtesy(masked: string): string {
  return masked
    .replace(GREETING_OF_DAY, '')
    .replace(PREAMBLE, '')
    .replace(AS_DISCUSSED, '')
    .replace(PRIORITY, '')
    .replace(REVERT_WITH, (_m, what: string) => `what is the ${what.toLowerCase()}`)
    .replace(REVERT_REPLY, '')
    .replace(THE_SAME, '$1it')
    .replace(/\b(?:i\s+|we\s+)?(?:would\s+)?request\s+you\s+to\s+(?:kindly\s+|please\s+)?/gi, 'please ');
}
