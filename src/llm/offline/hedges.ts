/**
 * Hedges and preambles taken off a request before it is parsed (issue 15, round 2). People soften what they ask:
 * "I think X should be removed", "I'd like to lock …", "would it be at all possible to …", "they've asked if we
 * can lift …", "X might need their account locked", "his account might just need unlocking". Each softener is ONE
 * row in the tables below, removed wherever a clause starts (sentence start, after a comma or dash, after
 * "so"/"and"/"but"), so the request-form rules (request-form.ts) and the parsers see the plain request.
 *
 * References by role said as a relative clause ("whoever is the admin over at Foo", "the person who holds the
 * billing role at the Foo org") become the role reference every user-targeting request already accepts ("the
 * admin at Foo", "the billing member of Foo"; resolve.ts looks it up and asks when it is ambiguous).
 *
 * Safety: nothing here adds an action. A hedge is removed only in front of the words that follow it, a negation
 * stays where it was ("I think X should not be banned" keeps its "not"), and a question about state is untouched.
 */

import { VERBS } from './lexicon.js';
import { NO_TROUBLE } from './unchecked-condition.js';

// Where a clause starts: the text start, a sentence end, a comma/dash, or a joining word.
const START = String.raw`(^|[.!?;:]\s+|[,—–]\s*|\s[-–]\s+|\b(?:so|and|but|then)\s+)`;

// Softeners that say nothing about what is asked: "I think", "apparently", "it seems that".
const HEDGES = [
  String.raw`(?:i|we)\s+(?:think|believe|guess|suppose|reckon|gather|assume|feel)(?:\s+that(?!\s+(?:one|ones|invit\w*|app|org)\b))?`,
  String.raw`(?:it\s+(?:seems|looks)(?:\s+like|\s+that)?)`,
  String.raw`(?:apparently|probably|presumably|perhaps|maybe|basically|honestly|ideally)\s*,?`,
  // "I'd like to lock …", "we want to remove …" — not "I'd like to know …" (a question follows).
  String.raw`(?:i|we)(?:'d|’d|\s+would)\s+(?:like|love|want)\s+to(?!\s+(?:know|ask|understand|hear|thank|be|check|see|confirm)\b)`,
  String.raw`(?:i|we)\s+(?:want|need)\s+to(?!\s+(?:know|ask|understand|hear|thank|be|check|see|confirm)\b)`,
  // "would it be at all possible to …", "is it ok to …", "could it be possible that you …".
  String.raw`(?:would|could|will|is)\s+it\s+(?:be\s+)?(?:at\s+all\s+)?(?:possible|ok(?:ay)?|alright|feasible)\s+(?:for\s+(?:you|u|us)\s+)?to`,
  // "we should lock …", "you may need to remove …": the admin's own obligation, said before a verb.
  String.raw`(?:we|you|u)\s+(?:should|must|(?:might\s+|may\s+)?(?:need|have)\s+to|ought\s+to)(?:\s+(?:probably|just|also|really))?(?=\s+(?:lift|take|kick|pull|${VERBS.join('|')})\b)`,
  // "pepper says natasha should be an admin", "Ann mentioned that X needs removing": who passed the request on.
  String.raw`(?!(?:it|this|that|he|she|they|we|i|you)\s)[\w'’-]+(?:\s+from\s+[\w'’-]+)?\s+(?:says|said|mentioned|thinks|reckons|tells\s+me|told\s+me|told\s+us)(?:\s+that)?(?=\s+\S+(?:\s+\S+)?\s+(?:should|needs?|must|has\s+to|wants?|ought)\b)`,
  // "so we just lock her then, yes?": what we do next, said plainly, is the request.
  String.raw`(?:we|you|u)\s+(?:can\s+|could\s+)?just(?=\s+(?:lift|take|kick|pull|give|move|switch|${VERBS.join('|')})\b)`,
  // "Ann asked me to ask you to unlock him", "he told me to tell u to …": who passed the request on.
  String.raw`(?:he|she|they|[A-Z][\w'’-]*)\s+(?:said|asked|told\s+me|wants\s+me)\s+to\s+(?:tell|ask)\s+(?:you|u)\s+to`,
  // "could we maybe raise …", "can we please add …": the admin asking themselves is a request.
  String.raw`(?:could|can|would|shall)\s+we(?:\s+(?:maybe|perhaps|please|possibly|just|kindly))*(?=\s+(?:raise|bump|set|lift|take|add|kick|pull|give|move|switch|promote|whitelist|allowlist|blacklist|blocklist|${VERBS.join('|')})\b)`,
  // "we are requesting you to kindly unlock …", "requesting you to terminate …": the desk asking is a request.
  String.raw`(?:(?:we|i|they)\s+(?:are|am)\s+)?(?:requesting|asking|needing|wanting)\s+(?:you|u)\s+to`,
  // "is it possible that we add …", "would it be ok if you could lock …": the admin asking for it.
  String.raw`(?:is|would|will)\s+it\s+(?:be\s+)?(?:possible|ok(?:ay)?|alright|feasible)\s+(?:that|if)\s+(?:we|you|u)(?:\s+(?:can|could|would))?(?=\s+(?:raise|bump|set|lift|take|add|${VERBS.join('|')})\b)`,
  // "they are requesting that he should be invited …": what follows is the request (a passive read as such).
  String.raw`(?:(?:they|we|he|she|i|customer|the\s+customer)\s+(?:are|is|am)\s+)?(?:requesting|asking|needing|wanting)\s+that(?=[^.!?;]*\b(?:should|must|shall|would|needs\s+to)\s+be\b)`,
  // "the fix is to also allow …", "the ask is to add …": what follows is the request.
  String.raw`the\s+(?:fix|solution|ask|request|plan|idea|workaround)\s+(?:is|would\s+be)\s+to`,
  // "… whilst you're in there, also …", "while you are at it, sign him out": joining the next request, no request itself.
  String.raw`(?:while|whilst)\s+(?:you(?:'re|’re|\s+are)|u\s+are|ur|you\s+have\s+it\s+open)(?:\s+(?:at\s+it|in\s+there|there|on\s+it))?\s*,?`,
  String.raw`(?:on\s+top\s+of\s+that|in\s+the\s+same\s+go|at\s+the\s+same\s+time|same\s+time|separately|unrelated(?:ly)?|one\s+more\s+thing)\s*[,:]?`,
  // "as a precaution lock …", "in the meantime, revoke …": why or when, said before the verb.
  String.raw`(?:as\s+a\s+precaution|to\s+be\s+safe|just\s+in\s+case|in\s+the\s+meantime|meanwhile|for\s+safety)\s*,?`,
  // "whilst you're in there, set …", "while u r at it: unlock …": only an order word before the verb.
  String.raw`(?:while|whilst)\s+(?:you(?:'re|’re|\s+are)|u\s*r|ur)\s+(?:at\s+it|in\s+there)\s*,?`,
  // "as per customer change request CR-1 kindly rename …": the reference a request is made under.
  String.raw`as\s+per\s+[^,.;]{1,60}?(?=\s+(?:kindly|please|pls|we|you)\b)`,
  // "(they've) asked if we can lift …", "Kim asked whether you could …".
  String.raw`(?:(?:they|he|she)(?:'ve|’ve|\s+have|'s|’s|\s+has)?\s+|[A-Z][\w'’-]*\s+)?asked\s+(?:if|whether)\s+(?:we|you|u)\s+(?:can|could|would)`,
  // "if it's no trouble could you …", "if at all possible, please …": politeness, no condition on the change
  // (unchecked-condition.ts reads the same openers as no condition).
  String.raw`if\s+(?:${NO_TROUBLE})\s*,?`,
];
const HEDGE = new RegExp(`${START}(?:${HEDGES.join('|')})\\s+`, 'gi');

// "might need to", "may have to", "would need to": a softened "needs to".
const SOFT_MODAL = /\b(?:might|may|would|could|will)\s+(?:just\s+|also\s+)?(?:need|have)\s+to\b/gi;
// "X might need their account locked", "she needs her account unlocked": the account is the person's.
const ACCOUNT_NEEDS =
  /\b(?:(?:might|may|would|could|will)\s+)?(?:just\s+)?needs?\s+(?:(?:their|his|her)\s+)?(?:user\s+)?(?:account|login)\s+(?:to\s+be\s+)?(?=[a-z]+ed\b)/gi;
// "his account might just need unlocking": a gerund after "need" is the passive of that verb.
const NEEDS_GERUND = /\b(?:(?:might|may|would|could|will)\s+)?(?:just\s+)?needs?\s+(?:just\s+)?([a-z]+?)ing\b/gi;

// "whoever is the admin over at Foo … should be locked", "the one holding the billing role at Foo": a role
// reference. "whoever" only as the subject of a modal or passive (refs.ts reads it elsewhere, and a subject
// starting with "whoever" is otherwise never a request in request-form.ts).
const WHOEVER_IS =
  /\b(?:whoever(?=[^.!?;]*\b(?:should|must|needs?|might|may|can|could|has\s+to|be)\b)|the\s+(?:person|one|user|member|guy|lady)\s+(?:who|that))\s+(?:is|'s|’s)\s+(?:currently\s+)?(?:an?\s+|the\s+)?(admin|member|viewer|billing|owner|guest)\b/gi;
const WHOEVER_HAS =
  /\b(?:(?:whoever(?=[^.!?;]*\b(?:should|must|needs?|might|may|can|could|has\s+to|be)\b)|the\s+(?:person|one|user|member|guy|lady)\s+(?:who|that))\s+(?:has|holds|gets)|the\s+(?:sole\s+|only\s+|single\s+|current\s+)?holder\s+of)\s+(?:the\s+|an?\s+)?(?:org:)?(admin|member|viewer|billing|owner|guest)\s+role\b/gi;

// "could X be bumped up to a regular member", "X should be moved to billing": a role change said as a passive.
const ROLE_MOVE =
  /(^|[.!?;]\s+|[,—–]\s*|\bso\s+)(?:(?:could|can|would|will|should)\s+)?(?!(?:so|and|but|then)\s)((?:(?!\b(?:not|never)\b|n['’]t\b)[^,.!?;])+?)\s+(?:(?:should|must|can|could|needs\s+to)\s+)?(?:be|get)\s+(?:bumped|moved|switched|changed|promoted|demoted|upgraded|downgraded)(?:\s+(?:up|down|back))?\s+to\s+(?:the\s+)?(an?\s+(?:regular\s+|normal\s+|plain\s+|full\s+)?(?:admin|member|viewer|billing)\b|(?:admin|member|viewer|billing)\b)(?:\s+role\b)?/gi;

// "we are needing that Wong is banned", "is it possible that X is switched to …", "Pepper is requesting that
// Natasha also is made admin": the state asked for, said as a that-clause. Read as "X should be …", which the
// passive, role-move and role-given rules then turn into the request.
const THAT_STATE =
  /(?<=^|[.!?;:]\s*)[^.!?;:]*?\b(?:is\s+it\s+possible|could\s+it\s+be|(?:(?:we|i|they|he|she)\s+)?(?:(?:are|am|is)\s+)?(?:needing|requesting|wanting|requiring|asking)|(?:(?:has|have|had)\s+)?(?:requested|asked)|(?:we|i|they)\s+(?:need|request|require|want|ask)|kindly\s+ensure|please\s+ensure)\s+that\s+((?:(?!\b(?:not|never)\b|n['’]t\b)[^,.!?;])+?)\s+(?:also\s+)?(?:(?:should|must|shall|will|can|may)\s+)?(?:is|are|be|gets?)\s+(?:also\s+)?(?=[a-z]+(?:ed|en|ne|de)\b)/gi;

// "could he be made an admin there?", "X should be named a viewer of Foo": a role given, said as a passive.
const ROLE_MADE =
  /(^|[.!?;]\s+|[,—–]\s*|\bso\s+)(?:(?:could|can|would|will|should)\s+)?(?!(?:so|and|but|then)\s)((?:(?!\b(?:not|never)\b|n['’]t\b)[^,.!?;—–])+?)\s+(?:(?:should|must|can|could|needs\s+to)\s+)?(?:be|get)\s+(?:made|named|appointed|set\s+as)\s+(?=(?:an?\s+)?(?:regular\s+|normal\s+|plain\s+|full\s+)?(?:admin|member|viewer|billing|guest)\b)/gi;
const OBJECT_FORM: Record<string, string> = { he: 'him', she: 'her', they: 'them' };

// "remove the billing member in the Foo org from it": "it" is the organization the clause named.
const FROM_IT =
  /\b((?:in|of|at)\s+(?:the\s+)?([A-Z][\w-]*)(?:\s+org(?:ani[sz]ation)?)?\b[^.!?;]*?\b(?:out\s+of|from))\s+it\b/g;

// "the sign-up invite", "the signup invitation": an invitation to the app (not to an organization).
const SIGN_UP_INVITE = /\bsign[- ]?up\s+(invit\w*)/gi;
// "whichever invitation went out most recently", "the invite that was sent last": the newest one.
const NEWEST =
  /\b(?:whichever|the)\s+((?:app\s+|org(?:ani[sz]ation)?\s+|pending\s+)*invit\w*)\s+(?:that\s+|which\s+)?(?:went\s+out|was\s+sent(?:\s+out)?|got\s+sent)\s+(?:most\s+recently|last)\b/gi;
// "the org invitation Foo sent to x@y.test": the organization's invitation for that address.
const ORG_SENT = /\bthe\s+org(?:ani[sz]ation)?\s+invit\w*\s+(\w[\w-]*)\s+sent(?:\s+out)?\s+to\s+(⟦e\d+⟧)/gi;

// "… so please …", "… so can you …", "… so I think …", "… so lock …": a request follows "so".
const SO_REQUEST = new RegExp(
  `(?<![,;:—–])\\s+so\\s+(?=(?:pls|please|plz|kindly|can\\s+(?:you|u)|could\\s+(?:you|u)|(?:i|we)\\s+think|get\\s+rid|take|kick|nuke|lift|pull|${VERBS.join('|')})\\b)`,
  'gi',
);

// "he'd need the billing role", "she would need admin rights": a softened "needs".
const SOFT_NEED =
  /\b(he|she|they|⟦e\d+⟧)(?:'d|’d|\s+would|\s+might|\s+may|\s+will)\s+(?:probably\s+|just\s+)?need\b(?!\s+to\b)/gi;
const SIGN_UP_SAID = /\b(?:sign[- ]?up|app)\s+(?:link|invit\w*|e-?mail)\b/i;
// "a new invite to x@y.test", "another invitation": not followed by an organization.
const NEW_INVITE = /\b(new|another|fresh)\s+(invit(?:e|ation))\b/gi;

/** The sentence(s) with hedges, softened modals and relative-clause role references made plain. */
// "we're making everyone in Foo a viewer", "I'm removing X from Foo": what the admin says they are doing, said to
// the one who will do it, is the request (only for the verbs below; "we're banning spam daily" still goes through the
// gate like any other request).
const DOING =
  /(^|[.!?;:]\s+|[,—–]\s*|\b(?:so|and|but|then)\s+)(?:we|i)(?:['’]re|\s+are|['’]m|\s+am)\s+(?:(?:going\s+to|gonna|also|now|just)\s+)*([a-z]+?)ing\b/gi;
// (Only verbs that act on someone: "we're moving to SSO", "we are switching providers" tell what is going on.)
const DOING_VERBS = new Set([
  'make',
  'ban',
  'unban',
  'lock',
  'unlock',
  'remove',
  'delete',
  'add',
  'kick',
  'revoke',
  'invite',
  'promote',
  'demote',
]);

// "I would ask that X be reinstated", "we request that the invitation be withdrawn": the formal subjunctive.
const ASKS_THAT =
  '\\b(?:i|we)\\s+(?:would\\s+|must\\s+|hereby\\s+|therefore\\s+|now\\s+)*(?:ask|request|require|recommend|propose|suggest|direct)\\s+that\\s+';
const PASSIVE = '\\s+be\\s+(?=[a-z]+(?:ed|en|wn)\\b)';
const ASK_THAT = new RegExp(`${ASKS_THAT}((?:(?!\\b(?:not|never)\\b)[^.!?;,])+?)${PASSIVE}`, 'gi');
// ("I ask that X not be banned": what must not be done — read as such, never as the ban.)
const ASK_THAT_NOT = new RegExp(`${ASKS_THAT}([^.!?;,]+?)\\s+(?:not|never)${PASSIVE}`, 'gi');

export function unhedge(masked: string): string {
  // ("needs adding to Foo": adding is a verb the parsers read, though never typo-corrected.)
  const known = new Set<string>([...VERBS, 'add']);
  const participle = (v: string) => (v.endsWith('e') ? `${v}d` : `${v}ed`);
  // "… until it's done — so X should be …": a dash before a joining word ends the context like a comma does.
  let s = masked
    .replace(/\s+[—–]\s+(?=(?:so|and|but|then)\s)/gi, ', ')
    // "the partnership ended so pls get rid of …": "so" before a request starts it, as after a comma.
    .replace(SO_REQUEST, ', so ')
    // Irregular participles of verbs the lexicon maps: "withdrawn", "rescinded" are revocations.
    .replace(/\b(?:withdrawn|rescinded|pulled\s+back)\b/gi, 'revoked')
    // "…, and rather than editing it could we just remove …": the road not taken is no part of the request.
    .replace(/\b(?:and\s+)?(?:rather|instead)\s+than\s+\w+ing(?:\s+(?:it|that|this|them|him|her))?\s*,?\s*/gi, ', ')
    .replace(/,(?:\s*,)+/g, ',');
  s = s.replace(DOING, (m, lead: string, stem: string) => {
    const base = [stem, `${stem}e`, stem.replace(/(.)\1$/, '$1')].find((v) => DOING_VERBS.has(v));
    return base ? `${lead}${base}` : m;
  });
  // Repeated: "so I think I'd like to …" takes off one softener per pass.
  for (let i = 0; i < 3; i++) {
    const next = s.replace(HEDGE, '$1');
    if (next === s) break;
    s = next;
  }
  // An invitation kind said once holds for the new one: "the sign-up link we sent expired … send a new invite".
  // (Not when the same sentence names an organization for it: "… a new invite to x@y.test for Acme".)
  if (SIGN_UP_SAID.test(s))
    s = s.replace(NEW_INVITE, (m: string, adj: string, noun: string, at: number, all: string) => {
      const rest = all.slice(at + m.length).split(/[.!?;]\s/)[0]!;
      return /\b(?:to|for|into|in|at)\s+(?:the\s+)?(?!⟦)[A-Z]/.test(rest) ? m : `${adj} app ${noun}`;
    });
  return (
    s
      .replace(THAT_STATE, (m: string, who: string) => `${/^\s/.test(m) ? ' ' : ''}${who} should be `)
      .replace(SOFT_MODAL, 'needs to')
      .replace(ASK_THAT_NOT, '$1 should not be ')
      .replace(ASK_THAT, '$1 should be ')
      // "the domain is to be allowed", "the address is to be removed": the formal "should be".
      .replace(/\b(?:is|are)\s+to\s+be\s+(?=[a-z]{2,}(?:ed|en|wn)\b)/gi, 'should be ')
      .replace(SOFT_NEED, '$1 needs')
      .replace(ACCOUNT_NEEDS, 'needs to be ')
      .replace(NEEDS_GERUND, (m, stem: string) => {
        const verb = known.has(stem) ? stem : known.has(`${stem}e`) ? `${stem}e` : undefined;
        return verb ? `needs to be ${participle(verb)}` : m;
      })
      .replace(WHOEVER_IS, (_m, role: string) => `the ${role.toLowerCase()}`)
      .replace(
        WHOEVER_HAS,
        (_m, role: string) => `the ${role.toLowerCase()}${/^(?:billing|guest)$/i.test(role) ? ' member' : ''}`,
      )
      .replace(
        /\b((?:the|whoever\s+(?:is|has)(?:\s+(?:the|an?))?)\s+(?:admin|member|viewer|billing|owner|guest)(?:\s+(?:member|role))?)\s+over\s+(at|in)\b/gi,
        '$1 $2',
      )
      .replace(ROLE_MOVE, '$1switch $2 to $3')
      .replace(ROLE_MADE, (_m, lead: string, who: string) => `${lead}make ${OBJECT_FORM[who.toLowerCase()] ?? who} `)
      .replace(FROM_IT, '$1 $2')
      .replace(SIGN_UP_INVITE, 'app $1')
      .replace(NEWEST, 'the most recent pending $1')
      .replace(ORG_SENT, "$1's invitation for $2")
      .replace(/^\s+/, '')
  );
}
