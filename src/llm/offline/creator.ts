/**
 * References by who created an organization (Clerk records it as the organization's `created_by`):
 * - a user: "the person who first set up Foo", "whoever created the Foo workspace" → that organization's creator;
 * - an organization: "the workspace Ann Lee made in spring", "the org that Ann created" → the one organization
 *   that person created (several → asked, none → not found; never guessed).
 * Both are two lookups the planner makes (the organization, then its creator; or the person, then the
 * organizations listed with their creator).
 */
import type { Ref } from './intent-types.js';

const ORG_NOUN = '(?:org|orgs|organi[sz]ation|workspace|company|team|group)';
const MADE = '(?:created|set\\s+up|made|founded|started|opened|registered|spun\\s+up)';

// "the person who first set up Foo", "whoever created the Foo workspace", "the one that made Foo".
const USER_BY_CREATED = new RegExp(
  `^(?:(?:the|that)\\s+)?(?:(?:same\\s+)?(?:user|person|one|account|member|individual)\\s+)?(?:who|that|whoever)?\\s*(?:originally\\s+|first\\s+|initially\\s+)?${MADE}\\s+(?:the\\s+)?(.+?)(?:\\s+${ORG_NOUN})?(?:\\s+(?:originally|in\\s+the\\s+first\\s+place|back\\s+then))?$`,
  'i',
);
const WHOEVER = /^(?:whoever|the\s+(?:user|person|one)\s+(?:who|that))\b/i;

// "the workspace Ann Lee made in spring", "the org that Ann created" (a name typed in any case, never a pronoun:
// "the org that we created" names nobody).
const NOT_A_CREATOR =
  '(?!(?:we|i|you|they|he|she|it|someone|somebody|anyone|the|a|an|our|my|their|was|were|is|has|had|been)\\b)';
const ORG_BY_CREATOR = new RegExp(
  `\\b(?:the\\s+)?${ORG_NOUN}\\s+(?:that\\s+|which\\s+)?((?:${NOT_A_CREATOR}[\\p{L}'’-]+\\s+){0,2}${NOT_A_CREATOR}[\\p{L}'’-]+|⟦e\\d+⟧)\\s+(?:had\\s+|has\\s+)?${MADE}\\b`,
  'iu',
);

/** The creator of the organization a user description names ("whoever created Foo"), or undefined. */
export function creatorRef(text: string): Ref | undefined {
  const t = text.trim().replace(/[.,;:!?]+$/, '');
  if (!WHOEVER.test(t) && !/^(?:the\s+)?(?:same\s+)?(?:user|person|one)\s+(?:who|that)\b/i.test(t)) return undefined;
  const org = t.match(USER_BY_CREATED)?.[1]?.trim();
  if (!org || /^(?:it|this|that|them|one|an?\s)/i.test(org) || org.split(/\s+/).length > 4) return undefined;
  return { kind: 'creator', value: org };
}

// "the workspace that had been founded by Dr. Ann Lee", "the org set up by ⟦e0⟧": the same, in the passive. Said
// in the active form ORG_BY_CREATOR reads — here on raw text, and by the lexicon on the masked message, where a
// reader would otherwise take the person for the target ("rename the org created by Ann to …" renamed Ann).
export const CREATOR_PASSIVE = new RegExp(
  `\\b((?:the\\s+)?${ORG_NOUN})\\s+(?:(?:which|that)\\s+(?:was|were|had\\s+been|has\\s+been)\\s+)?(?:(?:originally|first|initially)\\s+)?(${MADE})\\s+by\\s+(?:(?:Mr|Mrs|Ms|Dr|mr|mrs|ms|dr)\\.?\\s+)?((?:[A-Z][\\p{L}'’-]+\\s+){0,2}[A-Z][\\p{L}'’-]+|⟦e\\d+⟧)`,
  'gu',
);

/** The passive description said actively: "the org that Ann Lee created". */
export const creatorActive = (_m: string, org: string, made: string, who: string): string =>
  `${org} that ${who} ${made.toLowerCase()}`;

/** The person whose organization a text describes ("the workspace Ann Lee made"), or undefined. */
export function orgCreatorIn(text: string): string | undefined {
  return text.replace(CREATOR_PASSIVE, creatorActive).match(ORG_BY_CREATOR)?.[1];
}

// "… of the member that initially founded the workspace Foo", "whoever first spun up the foo org for their
// site": a creator said inside a longer sentence. The organization's name runs to the next clause boundary.
const CREATOR_INSIDE = new RegExp(
  `\\b(?:whoever|(?:the|that)\\s+(?:[\\w-]+\\s+)?(?:user|person|one|account|member|individual|dude|guy|lady|gentleman|man|woman|admin|owner)\\s+(?:who|that))\\s+(?:had\\s+|has\\s+)?(?:originally\\s+|first\\s+|initially\\s+)?${MADE}\\s+(?:the\\s+)?(?:${ORG_NOUN}\\s+(?:called\\s+|named\\s+)?)?(.+?)(?:\\s+${ORG_NOUN})?(?=\\s*[,.;:!?()]|\\s+(?:on|in|at|for|has|have|is|was|back|originally|and|but|so|because|lock|ban|delete|remove)\\b|\\s*$)`,
  'i',
);

/** The organization whose creator a longer text describes ("… the individual who created the org Foo"), or undefined. */
export function creatorInside(text: string): string | undefined {
  const org = text.match(CREATOR_INSIDE)?.[1]?.trim();
  if (!org || /^(?:it|this|that|them|one|an?\s)/i.test(org) || org.split(/\s+/).length > 4) return undefined;
  return org;
}
