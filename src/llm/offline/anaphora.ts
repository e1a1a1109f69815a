/**
 * Pronouns inside one message: "lee@x.test got locked out. Can you unlock the account?", "sign dave@x.test out and
 * ban him". A clause that names no user but says him / her / them / the account / the user / his sessions gets the
 * user(s) named in the nearest other clause of the same message (earlier first). Pronouns with no antecedent in
 * the message are left alone: the planner resolves them to the previous request's users, or asks.
 */

const USER_TOKEN = /⟦e\d+⟧|⟦i\d+⟧/g;
const POSSESSED =
  '(?:sessions?|memberships?|roles?|last\\s+(?:sign[- ]?in|log[- ]?in|login|activity|seen)|sign[- ]?ins?|(?:first |last |user ?|display |family |given |middle |nick ?|full )?name|surname|forename|username|phone(?:\\s+number)?|password|details|invit(?:e|ation)s?|devices?|(?:public |private |unsafe )?metadata|email(?: address)?)';
// "the member role", "the account whose external id equals …", "the person who holds …": a description, not a pronoun.
const NOUN_PHRASE =
  /\b(?:(?:the|this|that|said|same)\s+(?:same\s+)?(?:user|account|person|member|customer|employee)(?:'s)?(?!\s+(?:roles?|access|rights|permissions?|seat|level|privileges?|whose|who|that|which|with|of)\b)|(?:his|her|their)\s+(?:user\s+)?(?:accounts?|logins?|profiles?)|this one|that one)\b/gi;
const POSSESSIVE = new RegExp(`\\b(?:his|her|their)\\s+(?=${POSSESSED}\\b)`, 'gi');
// "her" before an organization word is a possessive ("each of her organizations"), not the object.
// ("which of them signed in last?" narrows a list the message reads; it names nobody to act on.)
const OBJECT =
  /(?<!\b(?:which|who|whom)\s+(?:one\s+)?of\s+)\b(?:him|her|them)\b(?!\s+(?:orgs?|organi[sz]ations?|teams?|compan(?:y|ies)|workspaces?)\b)/gi;
// "it" is a user only right after a verb that acts on accounts alone ("Could you unlock it?"); elsewhere it is
// as likely an org, a domain or a template, so it is left alone.
const IT_USER = /\b((?:un-?lock|lock|un-?ban|ban|suspend|reinstate)\s+)it\b/gi;
// "When did she last sign in?", "what role does he hold …": a subject pronoun right after a question's auxiliary.
const ASKED_ABOUT =
  /\b((?:did|does|has|is|was|can|could)\s+)(?:she|he)\b|\b((?:did|do|have|are|were|can|could)\s+)they\b/gi;

// "the invitation she sent", "the invites they created": the subject of a relative clause about what someone sent.
const RELATIVE_SUBJECT =
  /(?<=\b(?:invit(?:e|ation)s?|ones?)\s+(?:that\s+|which\s+)?)(?:she|he|they)\b(?=\s+(?:(?:just|already|had|has|have|recently)\s+)?(?:sent|made|created|issued|added|[a-z]+ed)\b)/gi;

/** User placeholders of a masked clause whose ids are user ids (emails always count). */
export function userTokens(masked: string, isUserId: (token: string) => boolean): string[] {
  return [...masked.matchAll(USER_TOKEN)].map((m) => m[0]).filter((t) => t.startsWith('⟦e') || isUserId(t));
}

/** True when the clause refers to someone by pronoun or "the account". */
export function hasAnaphor(masked: string): boolean {
  return new RegExp(
    `${NOUN_PHRASE.source}|${POSSESSIVE.source}|${OBJECT.source}|${IT_USER.source}|${RELATIVE_SUBJECT.source}|${ASKED_ABOUT.source}`,
    'i',
  ).test(masked);
}

/** Replaces the anaphors of `masked` with the given user placeholders ("a and b" for several). */
export function fillAnaphors(masked: string, tokens: string[]): string {
  if (tokens.length === 0) return masked;
  const who = tokens.length === 1 ? tokens[0]! : `${tokens.slice(0, -1).join(', ')} and ${tokens[tokens.length - 1]!}`;
  return masked
    .replace(NOUN_PHRASE, (m) => (/'s$/i.test(m) ? `${who}'s` : who))
    .replace(POSSESSIVE, `${who}'s `)
    .replace(OBJECT, who)
    .replace(RELATIVE_SUBJECT, who)
    .replace(IT_USER, `$1${who}`)
    .replace(ASKED_ABOUT, (_m, a?: string, b?: string) => `${a ?? b ?? ''}${who}`);
}
