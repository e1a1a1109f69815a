/**
 * "remove X from Foo - actually do not ban her, only the membership": a correction that only rules out a reading
 * the request never had ("do not ban her") and says "just / only the <part>" confirms the
 * request; it takes nothing back. Only when the verb it negates is not what the earlier request does — "ban X. no
 * wait, don't ban him, just lock" has a request of its own, and "delete X. wait, don't delete, just the org bit"
 * really withdraws the deletion (request.ts then asks, as for any correction it cannot read).
 */
import { VERBS } from './lexicon.js';

const CLARIFY =
  /(?:^|[\s,])(?:don'?t|don’t|do\s+not|not|never)\s+(\w+)\b[^.;]*?(?:,|;|\s[-–—]\s|\sbut\s)\s*(?:just|only)\s+(?:the\s+)?[\w\s'’-]{1,40}?[.!]?$/i;

/** Whether `sentence` (a correction) only rules out what `earlier` (the intents asked before it) does not do. */
export function clarifiesOnly(sentence: string, earlier: readonly unknown[]): boolean {
  const m = sentence.match(CLARIFY);
  if (!m || earlier.length === 0) return false;
  const verb = m[1]!.toLowerCase();
  if (!VERBS.includes(verb)) return false;
  return !new RegExp(`[_"]${verb}`, 'i').test(JSON.stringify(earlier));
}
