/**
 * Everyday wordings of two plain requests (round 18), said the way the readers know them:
 * - "get her invited onto the Foo clinic", "add him onto Foo": "onto" is "to" for an invitation or a membership;
 * - "how many staff do you have inside Foo", "how many users have they got at Foo": the head count of
 *   Foo ("how many people are in Foo"); and a second count said short after it ("… and how many on Bar") counts
 *   the same thing in Bar;
 * - "add me to Foo as an admin I'm x@y.test so I can cover": the writer saying who they are, run on without a
 *   stop, is a sentence of its own (the request before it reads whole, and "me" is that address — first-person.ts);
 * - "change the slug to just `alpha`", "set title to simply "Lead"": the word that plays the value down is no part
 *   of the value (it had become the new slug, "just"). Only before a quoted value, a capitalised word or a number;
 * - forms carried over from another language: "remove him of the organization" (from), "the last person that
 *   made signup" (signed up).
 */

const ONTO = /\b(invit\w*|add(?:ed|ing)?|put)\b([^.?!\n]{0,60}?)\bonto\b/gi;
const HAVE_ON =
  /\bhow\s+many\s+(people|users|members|staff|folks|accounts|seats)\s+(?:do|does|did)\s+(?:we|you|they|it)\s+(?:have|got)\s+(?:on|in|at|inside|under)\b|\bhow\s+many\s+(people|users|members|staff|folks|accounts|seats)\s+(?:have|has)\s+(?:we|you|they)\s+got\s+(?:on|in|at|inside|under)\b/gi;

const SHORT_SECOND =
  /\b(how\s+many\s+(people|users|members|staff|folks|accounts|seats)\s+are\s+in\b[^?\n]*?)\band\s+how\s+many\s+(?:on|in|at|for)\b/gi;

const RUN_ON_SELF = /([\p{L}\d])[ \t]+(I['’]m|I\s+am|this\s+is|my\s+(?:email|e-mail|address)\s+is)[ \t]+(⟦e\d+⟧)/gu;

const PLAYED_DOWN = /\b(to|as|into|be|is|=)\s+(?:just|simply|only|merely|plain)\s+(?=⟦q\d+⟧|[\p{Lu}\d])/gu;

const REMOVED_OF =
  /\b([Rr]emove|[Kk]ick|[Dd]elete|[Dd]rop|[Tt]ake\s+out)\s+(him|her|them|⟦e\d+⟧|\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)\s+of\s+(?=(?:the\s+|this\s+|that\s+)?(?:org\b|orgs\b|organi[sz]ation|group|team|workspace|\p{Lu}))/gu;
const MADE_SIGNUP =
  /\b(?:make|made|makes|did|do|does)\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?(?:sign[- ]?up|signup|registration|register)\b/gi;
const MADE_LOGIN =
  /\b(?:make|made|makes|did|do|does)\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?(?:log[- ]?in|login|sign[- ]?in|signin)\b/gi;

/** The masked message with these wordings said plainly. */
export function withPlainForms(masked: string): string {
  return masked
    .replace(ONTO, '$1$2to')
    .replace(RUN_ON_SELF, '$1. $2 $3')
    .replace(PLAYED_DOWN, '$1 ')
    .replace(REMOVED_OF, '$1 $2 from ')
    .replace(MADE_SIGNUP, 'signed up')
    .replace(MADE_LOGIN, 'signed in')
    .replace(HAVE_ON, (_m, a: string | undefined, b: string | undefined) => `how many ${a ?? b} are in`)
    .replace(SHORT_SECOND, (_m, first: string, noun: string) => `${first.trimEnd()}? how many ${noun} are in`);
}
