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

// "that invite we mailed x@y — still open or used?", "has x@y accepted her invite yet?": a question
// about where one invitation stands. It is asked as the question the readers take ("what is the status of the
// invitation to x@y?"), which lists that address's invitations with their status. Only a question (a question mark,
// or a question's first word), with one address and no change asked in the same sentence.
const STATUS_WORD =
  /\b(?:accepted|pending|used|redeemed|expired|revoked|status|gone\s+through|went\s+through|clicked|opened|answered|taken\s+up|still\s+(?:open|valid|active|outstanding|waiting))\b/i;
const QUESTION_OPENING = /^(?:[^,]*,\s*)?(?:is|has|have|was|were|did|does|do|can\s+you\s+(?:check|see|tell))\b/i;
const CHANGE_ASKED = /\b(?:revoke|cancel|resend|re-send|delete|remove|invite|send)\b/i;
const NEGATED_CHANGE =
  /\b(?:do\s+not|don['’]?t|no\s+need\s+to|never|without)\s+(?:\w+\s+)?(?:revoke|cancel|resend|re-send|delete|remove|send)\w*/gi;

// "…, (then) (please) revoke it": the revocation that follows the condition, to the end of the sentence.
const REVOKE_IT =
  '\\s*,?\\s*(?:please\\s+|pls\\s+|then\\s+|go\\s+ahead\\s+and\\s+)*(?:revoke|cancel|withdraw|kill|pull)\\s+(?:it|that|the\\s+invit\\w*)\\b[^.!?;]*$';
const IF_PENDING_REVOKE = new RegExp(
  `^\\s*(?:and\\s+)?if\\s+(?:so|yes|it\\s+is|it['’]s\\s+(?:still\\s+)?pending|(?:it\\s+is\\s+)?still\\s+pending|pending)${REVOKE_IT}`,
  'i',
);
const IF_NOT_ACCEPTED_REVOKE = new RegExp(
  `^\\s*(?:and\\s+)?if\\s+(?:not|no|it\\s+(?:is\\s*n['’]?t|is\\s+not|has\\s*n['’]?t|has\\s+not)(?:\\s+been)?(?:\\s+(?:accepted|used))?(?:\\s+yet)?)(?:\\s+yet)?${REVOKE_IT}`,
  'i',
);

/** The one address a question about an invitation's status asks about, or undefined. */
function statusQuestion(piece: string, asked: boolean): string | undefined {
  if (!/invit/i.test(piece) || !STATUS_WORD.test(piece)) return undefined;
  const emails = [...new Set(piece.match(/⟦e\d+⟧/g) ?? [])];
  if (emails.length !== 1) return undefined;
  if (!asked && !QUESTION_OPENING.test(piece.trim())) return undefined;
  // ("… invitation sent to x@y" — the sending is the invitation's history, not a change asked.)
  const rest = piece.replace(NEGATED_CHANGE, '').replace(/\b(?:sent|send)\s+(?:to|out\s+to)\b|\binvit\w*/gi, '');
  if (CHANGE_ASKED.test(rest)) return undefined;
  return emails[0];
}

// "can we take that back before she signs up?", "take back my invite to x@y": in a message about an invitation,
// taking it back is revoking it.
const TAKE_BACK =
  /\b(?:take|took|taking|get|pull)\s+(it|that|this|them|(?:the|my|our|that|this|her|his|their)\s+(?:[\w-]+\s+)?invit\w*)\s+(?:back|bak|bck)\b|\b(?:take|get|pull)\s+(?:back|bak)\s+(?=(?:the|my|our|that|this|her|his|their)\s+(?:[\w-]+\s+)?invit)/gi;

// "initech: kill every open invite, thx": an organization said as the message's topic, before a colon, is where
// invitations that name no organization are. (Read as the application's invitations, the request had revoked
// invitations of people the message never meant.) Not a label ("FYI:", "Re:", "Note:", "Urgent:").
const TOPIC =
  /^\s*([A-Za-z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?)\s*:\s+(?![^.!?]*\b(?:to|for|in|into|of|from)\s+(?:the\s+)?(?:[A-Z]|⟦)[^.!?]*\binvit)(?![^.!?]*\binvit\w*\s+(?:to|for|in|into|of|from)\s+(?:the\s+)?(?:[A-Z]|⟦|app\b))/;
const NOT_TOPIC =
  /^(?:note|nb|fyi|re|fw|fwd|subject|update|question|q|qq|ps|urgent|important|todo|action|request|ticket|summary|context|background|details?|hi|hey|hello|ok|okay|also|btw|pls|please|asap|help|reminder|heads\s+up|app|the\s+app)$/i;

function withTopicOrg(masked: string): string {
  const m = masked.match(TOPIC);
  if (!m || NOT_TOPIC.test(m[1]!)) return masked;
  // ("to the Foo org": the organization word ends the name, so a remark after it is no part of it.)
  return masked.replace(/\b(invit(?:ation|e)s)\b(?!\s+(?:to|for|in|into|of|from)\b)/i, `$1 to the ${m[1]} org`);
}

/** The message with invitation status said as "pending" and "X should be cancelled" as "revoke X". */
export function invitationStatus(given: string): string {
  if (!/invit/i.test(given)) return given;
  const masked = withTopicOrg(given);
  const out = masked
    .replace(TAKE_BACK, (_m, object?: string) => (object ? `revoke ${object}` : 'revoke '))
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
  const pieces = out.split(/((?:[.!?;]+)(?:\s+|$))/);
  return pieces
    .map((p, i) => {
      if (i % 2 === 1) return p;
      const status = statusQuestion(p, (pieces[i + 1] ?? '').includes('?'));
      // ("still pending? if so, pull it": a revocation only ever takes a pending invitation, so the
      // condition is the change's own and the pair is the revocation; the planner says when none is pending.)
      const next = pieces[i + 2] ?? '';
      // (Asked "accepted?", "if not" is the pending case; asked "pending?", "if so" is. Asked both, neither.)
      const acceptedAsked =
        /\b(?:accepted|used|redeemed|answered|clicked|taken\s+up|gone\s+through|went\s+through)\b/i.test(p);
      const pendingAsked = /\b(?:pending|open|outstanding|waiting|valid|active)\b/i.test(p);
      const revokes =
        acceptedAsked !== pendingAsked &&
        (acceptedAsked ? IF_NOT_ACCEPTED_REVOKE.test(next) : IF_PENDING_REVOKE.test(next));
      if (status && revokes) {
        pieces[i + 2] = '';
        pieces[i + 1] = '.';
        return `revoke the pending invitation to ${status}`;
      }
      if (status) return `what is the status of the invitation to ${status}`;
      const m = p.match(SHOULD_GO);
      return m ? `${m[1]}revoke ${m[2]!.trim()}${m[3]}` : p;
    })
    .join('');
}
