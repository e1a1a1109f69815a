/**
 * A thing named first and acted on after: "the pending Foo invite Bob sent - cancel it", "whoever has viewer in
 * Foo -> bump to member", "the org invite she sent out isn't needed. I think that one should be revoked". The
 * first part is a TOPIC: a noun phrase (a description of a record, possibly the subject of a report such as
 * "… isn't needed"). The request after it either says it / that one, or names no object at all ("bump to
 * member", "cancel pls"). Both read as the request with the topic in the object's place, so every parser sees
 * the plain imperative. Nothing is guessed: the topic must be a determiner-led phrase (or "whoever …") naming a
 * kind of record, and the request must parse once it is filled in (request.ts checks that).
 */
import { ACTION_VERB } from './clauses.js';

// Kinds of record a topic may name (the head noun of the phrase, anywhere in it).
const RECORD =
  '(?:invit(?:e|ation)s?|apps?|applications?|integrations?|clients?|connectors?|templates?|domains?|orgs?|organi[sz]ations?|workspaces?|compan(?:y|ies)|users?|accounts?|persons?|people|members?|admins?|viewers?|contacts?|sessions?)';
// The words that end the noun phrase and start what is said about it ("… isn't needed", "… went to the wrong person").
const PREDICATE =
  "(?:stays?|remains?|keeps?|is|isn't|is\\s+not|was|wasn't|are|aren't|were|weren't|has|hasn't|have|haven't|needs?|should|shouldn't|must|can|can't|cannot|will|won't|doesn't|don't|didn't|went|expired|looks?|seems?|got|ought)";
const KEPT =
  /^\s+(?:stays?|remains?|keeps?|(?:is|are)\s+(?:still\s+)?(?:wanted|needed|fine|ok|okay|good|valid|correct|right)|should\s+(?:stay|remain)|can\s+stay|must\s+stay)\b/i;
const LEAD =
  /^(?:(?:so|and|but|also|btw|fyi|ok|okay|re|about|regarding)[,:]?\s+|there(?:'s|’s|\s+is)\s+(?=an?\s)|we\s+have\s+(?=an?\s))+/i;
const TOPIC = new RegExp(
  `^((?:the|that|this|our|their|his|her|its|my|an?)\\b(?:(?!\\s${PREDICATE}\\b).){0,100}?\\b${RECORD}\\b.*?)(?:\\s+${PREDICATE}\\b.*)?$`,
  'i',
);

/**
 * The record a clause is about when it is only a noun phrase or that phrase's report ("X isn't needed"); in a
 * longer clause, its last part after a comma or dash ("… pushed to next year, so the invite she sent isn't needed").
 */
export function topicOf(masked: string): string | undefined {
  const parts = masked.split(/\s*(?:[,;:—–]|\s[-–—]+\s)\s*/).reverse();
  for (const part of parts) {
    const topic = topicOfPart(part);
    if (topic) return topic;
  }
  return undefined;
}

function topicOfPart(masked: string): string | undefined {
  return topicAtStart(masked) ?? embeddedTopic(masked);
}

// "… for the candidate who got the most recent app invitation": an invitation, app, template or domain named
// inside a longer clause (the last one it names), when no topic starts the clause. Users and organizations are
// left to the pronoun rules (anaphora.ts, mentioned.ts).
const EMBEDDED =
  /\b(?:the|our|their)\s+(?:(?!(?:the|a|an|who|which|that)\b)[\w'’-]+\s+){0,4}?(?:invit(?:e|ation)|apps?|applications?|integrations?|templates?|domains?)\b(?!\s+(?:invit|apps?\b|applications?\b|templates?\b|domains?\b))/gi;

const KEPT_ANYWHERE =
  /\b(?:stays?|remains?|keeps?|(?:is|are)\s+(?:still\s+)?(?:wanted|needed|fine|ok|okay|good|valid|correct|right)|should\s+(?:stay|remain)|can\s+stay|must\s+stay)\b/i;

/** True when what the request became acts on the kind of record the topic names (never a user for a domain). */
export function fitsTopic(topic: string, kind: string, resource?: string): boolean {
  if (/\binvit/i.test(topic)) return /invit/.test(kind);
  if (/\b(?:apps?|applications?|integrations?|clients?|connectors?)\b/i.test(topic)) return resource === 'oauth';
  if (/\btemplates?\b/i.test(topic)) return resource === 'jwt';
  if (/\bdomains?\b/i.test(topic)) return resource === 'domain';
  if (
    /\b(?:orgs?|organi[sz]ations?|workspaces?|compan(?:y|ies))\b/i.test(topic) &&
    !/\b(?:who|whoever|person|user|member|admin|viewer)\b/i.test(topic)
  )
    return /^org_|^membership|^members/.test(kind);
  return /^user|^membership|^sign_out|^session|^bulk/.test(kind);
}

function embeddedTopic(masked: string): string | undefined {
  if (new RegExp(`^${ACTION_VERB}\\b`, 'i').test(masked.replace(LEAD, '').trim())) return undefined;
  const all = [...masked.matchAll(EMBEDDED)];
  const last = all[all.length - 1];
  if (!last) return undefined;
  if (KEPT_ANYWHERE.test(masked.slice(last.index! + last[0].length))) return undefined;
  return last[0];
}

function topicAtStart(masked: string): string | undefined {
  const clause = masked.replace(LEAD, '').trim();
  if (new RegExp(`^${ACTION_VERB}\\b`, 'i').test(clause)) return undefined;
  // "whoever has viewer in Foo": the description is the whole clause (its verb belongs to it).
  if (/^(?:whoever|whichever\s+\w+|anyone|everyone)\s+(?:has|holds|is)\b/i.test(clause)) return clause;
  const m = clause.match(TOPIC);
  if (!m) return undefined;
  // "the new hire invite stays as it is", "the one Alice sent is still wanted": what is kept is never a target.
  if (KEPT.test(clause.slice(m[1]!.length))) return undefined;
  const phrase = m[1]!.trim();
  // "the offer fell through for the person who …": a verb before the record's noun makes it a sentence, not a
  // noun phrase (the record named inside it is found by embeddedTopic).
  const head = phrase.slice(0, phrase.search(new RegExp(`\\b${RECORD}\\b`, 'i')));
  if (/\b(?:[a-z]{3,}ed|fell|got|went|came|took|said|says|was|were|is|are|has|had)\b/i.test(head)) return undefined;
  // A pronoun-only phrase or a bare determiner names nothing.
  if (/^(?:the|that|this|our|their|his|her|its|my)\s+(?:one|ones)$/i.test(phrase)) return undefined;
  return phrase;
}

// The request after the topic, with no object: "bump to member", "cancel pls", "revoke".
const OBJECTLESS = new RegExp(
  `^(?:(?:please|pls|plz|just|then|and|so)\\s+)*(${ACTION_VERB})(?:\\s+(?:please|pls|plz))?((?:\\s+(?:to|as|from|into|out\\s+of|off)\\b.*|\\s+(?:an?\\s+)?(?:regular\\s+|plain\\s+)?(?:admin|member|viewer|billing|guest|owner)s?\\b.*)?)$`,
  'i',
);
// The request after the topic, pointing back at it.
const POINTER = /\b(?:that\s+one|this\s+one|the\s+same\s+one|the\s+(?:extra|other|second|old|satellite)\s+one|it)\b/i;
const ITS_FIELD =
  /\bits\s+((?:allowed\s+)?(?:scopes?|lifetime|claims?|redirect|callback|clock\s+skew|slug|name|members?|metadata|pkce|consent|member\s+(?:limit|cap)))/i;
const POINTER_NOUN =
  /\b(?:that|this|the\s+same|said)\s+(invit(?:e|ation)|app(?:lication)?|template|domain|org(?:ani[sz]ation)?)\b/i;

/**
 * The request of `clause` with the topic in the object's place: "bump to member" + "whoever has viewer in Foo" →
 * "bump whoever has viewer in Foo to member"; "cancel it" + "the Foo invite Bob sent" → "cancel the Foo invite
 * Bob sent". Undefined when the clause neither lacks an object nor points back.
 */
export function withTopic(clause: string, topic: string): string | undefined {
  const bare = clause.trim().match(OBJECTLESS);
  if (bare) return `${bare[1]!} ${topic}${bare[2]!}`;
  if (POINTER.test(clause)) return clause.replace(POINTER, topic);
  // "cancel that invite": the topic when it names the same kind of record.
  const kind = clause.match(POINTER_NOUN);
  if (kind && new RegExp(`\\b${kind[1]!.slice(0, 5)}`, 'i').test(topic)) return clause.replace(POINTER_NOUN, topic);
  // "drop X from its scopes": the topic's field (not "its OAuth app", which names another record).
  if (ITS_FIELD.test(clause)) return clause.replace(ITS_FIELD, `${topic}'s $1`);
  return undefined;
}

/** "X -> bump to member", "X => cancel": an arrow before a request reads like a dash. */
export function arrowAsDash(masked: string): string {
  return masked.replace(
    new RegExp(`\\s*(?:->|→|=>)\\s*(?=(?:please\\s+|pls\\s+|just\\s+)?${ACTION_VERB}\\b)`, 'gi'),
    ' - ',
  );
}
