/**
 * How people say which invitations (issue 15, round 4): "all invitations no one has accepted so far", "the ones
 * still waiting to be accepted", "outstanding / unaccepted / unused / open invitations" all mean Clerk's pending
 * status. One reader rewrites each to "pending" before the noun, so every invitation parser (revoke one or all,
 * list) reads a single word. It also reads a revocation said as what should happen to invitations ("every pending
 * invite needs to be killed", "they'd like all invitations to Foo to be cancelled") as "revoke …". Nothing here
 * names an invitation the message did not describe: only words are replaced.
 */

const DET =
  '(?:(?:every|each|any|all(?:\\s+(?:of\\s+)?(?:the|their|its|our|his|her))?|the|their|its|our|his|her|those|these)\\s+)';
const DETERMINER = /\b(?:every|each|any|all|of|the|their|its|our|his|her|those|these)\s+/gi;
// Up to three words before the noun ("sign-up", "app", "org", "Acme"), then the noun.
const NOUN = "((?:[\\w&’'-]+\\s+){0,3}?)(invit(?:ation|e)s?|ones)\\b";
// Where the invitations are to: "to their org", "for Acme" (kept as said).
const PLACE = '((?:\\s+(?:to|for|in|into|from|of)\\s+(?:the\\s+|their\\s+|its\\s+|our\\s+)?[^,.;!?]+?)?)';
// "which have not been used", "which are still waiting to be accepted", "still awaiting acceptance",
// "nobody has accepted yet", "not yet accepted", "that haven't been used".
const UNACCEPTED = [
  "(?:that|which|who)\\s+(?:has|have|had)(?:n['’]t|\\s+not)\\s+(?:yet\\s+)?been\\s+(?:accepted|used|redeemed|claimed|answered)(?:\\s+(?:yet|so\\s+far))?",
  '(?:that|which)\\s+(?:is|are)\\s+still\\s+(?:waiting|pending|open|outstanding|unaccepted)(?:\\s+(?:to\\s+be\\s+(?:accepted|used|redeemed)|for\\s+(?:acceptance|a\\s+reply|an\\s+answer)))?',
  "(?:that|which)\\s+(?:is|are)\\s+(?:not|n['’]t)\\s+(?:yet\\s+)?(?:accepted|used|redeemed)(?:\\s+yet)?",
  '(?:(?:that|which)\\s+(?:is|are)\\s+)?(?:still\\s+)?waiting\\s+to\\s+be\\s+(?:accepted|used|redeemed)',
  '(?:(?:that|which)\\s+(?:is|are)\\s+)?(?:still\\s+)?(?:awaiting|waiting\\s+for)\\s+(?:acceptance|a\\s+reply|an\\s+answer)',
  // ("which no one replied to so far", "that nobody has clicked": the same, said of the people invited.)
  '(?:(?:that|which)\\s+)?(?:nobody|no\\s+one|noone)\\s+(?:has\\s+)?(?:accepted|used|redeemed|said\\s+yes\\s+to|responded\\s+to|answered|replied\\s+to|clicked|opened|taken\\s+up)(?:\\s+(?:yet|so\\s+far))?',
  '(?:not\\s+yet|never)\\s+(?:accepted|used|redeemed)',
  '(?:(?:that|which)\\s+(?:is|are)\\s+)?(?:still\\s+)?(?:pending|open|outstanding)',
].join('|');
const RELATIVE = new RegExp(`\\b(${DET}?)${NOUN}${PLACE}\\s*,?\\s+(?:${UNACCEPTED})\\b`, 'gi');
// "outstanding org invitations", "unaccepted invites", "open sign-up invites": the adjective before the noun.
const ADJECTIVE =
  /\b(?:outstanding|unaccepted|unused|unredeemed|open|not[-\s]yet[-\s]accepted|still[-\s]pending)\s+(?=(?:[\w&’'-]+\s+){0,2}invit)/gi;
// "every pending invite needs to be killed", "they'd like all Foo invitations to be cancelled".
const SHOULD_GO = new RegExp(
  `^((?:[^,:;]*?(?:[,:]|\\s[-–—]+)\\s*)*?(?:[^,]*?\\s(?=so\\s))?(?:(?:and|so|then|also)\\s+)?)(?:(?:(?:i|we|they|he|she)(?:'d|’d|\\s+would)?\\s+(?:like|want|need)\\s+)?)(${DET}[^,;.!?]*?invit(?:ation|e)s?\\b[^,;.!?]*?)\\s+(?:(?:needs?|should|must|has|have|ought)\\s+(?:to\\s+)?|to\\s+)(?:all\\s+)?(?:be|get)\\s+(?:killed|cancell?ed|scrapped|revoked|pulled|yanked|withdrawn|voided|invalidated|binned|deleted|removed|nuked|dropped|retracted)\\b(.*)$`,
  'i',
);

/** The message with invitation status said as "pending" and "X should be cancelled" as "revoke X". */
export function invitationStatus(masked: string): string {
  if (!/invit/i.test(masked)) return masked;
  const out = masked
    .replace(RELATIVE, (_m, det: string, words: string, noun: string, place: string) => {
      // "pending" goes after the last determiner ("so every app invite" → "so every pending app invite"), else
      // right before the noun.
      const before = `${det}${words}`;
      const dets = [...before.matchAll(DETERMINER)];
      const at = dets.length > 0 ? dets.at(-1)!.index! + dets.at(-1)![0].length : before.length;
      return `${before.slice(0, at)}pending ${before.slice(at)}${noun}${place}`;
    })
    .replace(ADJECTIVE, 'pending ')
    .replace(/\bpending\s+pending\b/gi, 'pending');
  return out
    .split(/((?:[.!?;]+)\s+)/)
    .map((p, i) => {
      if (i % 2 === 1) return p;
      const m = p.match(SHOULD_GO);
      return m ? `${m[1]}revoke ${m[2]!.trim()}${m[3]}` : p;
    })
    .join('');
}
