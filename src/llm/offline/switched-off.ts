/**
 * Steps a message switches off (issue 15, round 11): "delete_user: false" in a pasted config, "no ban/lock" in a
 * note. Read on the raw text, before anything is masked or split, so no reader — the ticket-step reader included —
 * ever sees a switched-off step as a step, or a slash-joined prohibition as half a request.
 */

// "delete_user: false", "ban_account = no": a step switched off is no step at all (its line goes, up to a comment).
const OFF_SWITCH =
  /(^|[ \t-]+)[a-z]*(?:delete|ban|lock|remove|revoke|suspend|block)[a-z]*_[a-z_]+[ \t]*[:=][ \t]*(?:false|no|off|0|skip|none|never)\b[^\n#]*/gim;
// "no ban/lock", "don't delete/ban": a prohibition said of two acts with a slash forbids both.
const NEGATED_PAIR =
  /\b(no|not|never|don['’]?t|do\s+not)\s+(ban|lock|delete|remove|unban|unlock|revoke|suspend)\s*\/\s*(ban|lock|delete|remove|unban|unlock|revoke|suspend)\b/gi;

/** The text without switched-off steps, and with slash-joined prohibitions said in full. */
export function withoutSwitchedOff(text: string): string {
  return text
    .replace(OFF_SWITCH, '$1')
    .replace(NEGATED_PAIR, (_m, neg: string, a: string, b: string) => `${neg} ${a} and ${neg} ${b}`);
}
