/**
 * An organization said as someone's: "put Ana in the same team as Rui Costa", "I can't recall which group Rui is
 * in — look it up and add Ana to that one", "find out which org she belongs to and make her an admin there".
 * Spelt as "<person>'s organization" (resolve.ts finds the one organization that person is in, or asks which),
 * or, when the person is the one the request is about, as "her/his/their organization" (plan-org-of-user.ts);
 * "the membership held by X" is X's membership of their organization.
 */

const ORG_NOUN = '(?:[Oo]rg|[Oo]rgani[sz]ation|[Gg]roup|[Tt]eam|[Cc]lass|[Cc]ohort|[Cc]ompany|[Ww]orkspace|[Tt]enant)';
// (Case-sensitive on purpose: a name is capitalised, and "is" after it is no part of it.)
// (An address names the person as surely: "which org ⟦e0⟧ is in".)
const NAME = "(⟦e\\d+⟧|[A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*)?)";
const PRONOUN = '([Ss]he|[Hh]e|[Tt]hey)';

// "the (very) same group as Rui Costa"
const SAME_AS = new RegExp(`\\bthe\\s+(?:very\\s+)?same\\s+${ORG_NOUN}\\s*,?\\s+as\\s+${NAME}`, 'g');
// "the same team in which Rui Costa is there", "the same group that Rui is in": the same, said with a relative clause.
const SAME_IN = new RegExp(
  `\\bthe\\s+(?:very\\s+)?same\\s+${ORG_NOUN}\\s+(?:in\\s+which|where|that|which)\\s+${NAME}\\s+(?:is|was)(?:\\s+(?:there|in|part\\s+of|a\\s+member\\s+of|present))?(?:\\s+(?:in|too|also|as\\s+well))?\\b`,
  'g',
);
// "add Ana to whatever team Rui is in": the look-up said where the organization goes, after a preposition.
const WHICH_AT = new RegExp(
  `\\b(to|into|in|from|of)\\s+(?:[Ww]hatever|[Ww]hichever|[Ww]hich|[Tt]he)\\s+${ORG_NOUN}\\s+${NAME}\\s+(?:is|was)\\s+(?:currently\\s+)?(?:in|part\\s+of|a\\s+member\\s+of)\\b`,
  'g',
);
// "which group Rui Costa is in", "which org she belongs to", "what class he's in"
const WHICH_IN = new RegExp(
  `\\b(?:[Ww]hich|[Ww]hat|[Ww]hatever|[Ww]hichever)\\s+${ORG_NOUN}\\s+(?:${NAME}|${PRONOUN}|([a-z]+\\s+[a-z]+(?=\\s+(?:is|are)\\s+in\\b)))(?:\\s+(?:is|are)|['’]s|['’]re)?\\s+(?:currently\\s+)?(?:in|part\\s+of|belongs?\\s+to|a\\s+member\\s+of)\\b`,
);
// "… to that one", "… of that group", "in the very same group", "an admin there"
const POINTED = new RegExp(
  `\\b(to|into|in|of|from)\\s+(?:that\\s+one|that\\s+${ORG_NOUN}|the\\s+(?:very\\s+)?same\\s+(?:one|${ORG_NOUN}))\\b|\\b(admin|member|viewer)\\s+there\\b|\\b(?:that|this)\\s+(?:same\\s+)?${ORG_NOUN}\\b`,
  'gi',
);
const POSSESSIVE: Record<string, string> = { she: 'her', he: 'his', they: 'their' };

// An e-mail address as typed (unmasked text: a mention, the request).
export const ADDRESS = '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+';
// "<person>'s organization" inside a mention or a request: an address or a capitalised name, then the possessive.
export const POSSESSED_ORG = new RegExp(
  `(?<![\\w.@-])(${ADDRESS}|[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+)?)['’]s\\s+(?:org|organi[sz]ation|company|workspace|team|group)\\b`,
);
// "check which org ann@x.test is in and cap that org …", "which team Ann Lee belongs to": the organization that
// person is in.
export const WHICH_ORG_IN = new RegExp(
  `\\b(?:which|what)\\s+(?:org|organi[sz]ation|company|workspace|team|group)\\s+(${ADDRESS}|[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+)?)\\s+(?:(?:is|was)\\s+(?:in|part\\s+of|a\\s+member\\s+of)|belongs?\\s+to)\\b`,
  'i',
);

// "rescind the organization membership held by Lee", "end the membership of ⟦e0⟧": their membership of the
// organization they are in (one → it; several → asked which; plan-org-of-user.ts).
const MEMBERSHIP_HELD = new RegExp(
  `\\b(remove|rescind|revoke|end|cancel|terminate|delete|drop)\\s+(?:the\\s+)?(?:${ORG_NOUN}\\s+)?membership\\s+(?:currently\\s+|now\\s+)?(?:held\\s+by|of|belonging\\s+to)\\s+(⟦[ei]\\d+⟧|${NAME.slice(1, -1)})`,
  'g',
);

/** The masked message with an organization said as someone's spelt as that person's organization. */
export function withOrgOfPerson(masked: string): string {
  const out = masked
    .replace(MEMBERSHIP_HELD, (_m, _verb: string, who: string) => `remove ${who} from their organization`)
    .replace(SAME_AS, (_m, who: string) => `${who}'s organization`)
    .replace(SAME_IN, (_m, who: string) => `${who}'s organization`)
    .replace(WHICH_AT, (_m, prep: string, who: string) => `${prep} ${who}'s organization`);
  const which = out.match(WHICH_IN);
  if (!which) return withRole(out);
  const owner = which[1] ? `${which[1]}'s` : which[2] ? POSSESSIVE[which[2].toLowerCase()]! : `${which[3]!}'s`;
  const after = out.slice(which.index! + which[0].length);
  // ("… then limit that team to 12": the organization pointed at with no preposition before it.)
  const spelt = after.replace(POINTED, (_m, prep: string | undefined, role: string | undefined) =>
    role ? `${role} of ${owner} organization` : prep ? `${prep} ${owner} organization` : `${owner} organization`,
  );
  // "look up which team X belongs to, then limit that team to 12": the look-up is the change's own first step (the planner reads
  // X's organizations: one → it, several → asks), so the sentence is the change alone.
  const lookup = out.slice(0, which.index!).match(LOOK_UP);
  if (spelt !== after && lookup) {
    const rest = spelt.replace(/^\s*(?:,\s*)?(?:(?:and|then|so|&)\s+)*(?:(?:please|pls)\s+)?/i, '');
    if (rest !== spelt) return withRole(out.slice(0, lookup.index!) + rest);
  }
  return withRole(out.slice(0, which.index! + which[0].length) + spelt);
}

// "check", "find out", "look up": a look-up said as the first step, right before "which org X is in".
const LOOK_UP =
  /(?:^|(?<=[.!?;:,]\s*)|\b(?:can|could)\s+(?:you|u)\s+|\b(?:please|pls)\s+)(?:(?:first\s+)?(?:check|find\s+out|look\s+up|see|determine|figure\s+out|work\s+out)\s+(?:first\s+)?)$/i;

/** "… to Ann's organization, as a regular member": the role after a comma still goes with it. */
function withRole(masked: string): string {
  return masked.replace(/(['’]s|\b(?:her|his|their))\s+organization,(?=\s+as\b)/g, '$1 organization');
}

/**
 * True when `request` says an organization as `person`'s ("Rui's team", "the same group as Rui", "which org Rui is
 * in"): only then does an organization reference that names no organization fall back to that person's (so
 * "delete the Foo Bar org" never reaches the organization of someone called Foo Bar).
 */
export function saysOrgOf(request: string, person: string): boolean {
  const who = person.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!who) return false;
  return new RegExp(
    `\\b${who}['’]s\\s+${ORG_NOUN}|\\bsame\\s+${ORG_NOUN}\\s*,?\\s+(?:as|in\\s+which|where|that|which)\\s+${who}\\b|\\b(?:which|what|whatever|whichever)\\s+${ORG_NOUN}\\s+${who}\\b`,
    'i',
  ).test(request);
}
