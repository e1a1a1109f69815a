/**
 * The newest record, described once and then pointed at.
 *
 * "The most recently created organization signed a bigger order … raise that organization's seat limit to 15":
 * the newest organization, described once, then pointed at ("that organization", "that org", "it's"), is the
 * newest organization again; and its field said with a possessive ("the newest org's member limit to 15") is said
 * as "the member limit of the newest org to 15", the form the organization readers take.
 *
 * "the newest account (signed up an hour ago) is a duplicate of X … ban the new one": the newest user, pointed at
 * as "the new one", "the new account", "that account", is the newest user — "X" stays X.
 */

const RECENT = '(?:most\\s+recently\\s+(?:created|added|made)|newest|latest|most\\s+recent|youngest)';
const ORG_NOUN = '(?:org|organi[sz]ation|group|workspace|team)';
const DESCRIBED = new RegExp(`\\b[Tt]he\\s+${RECENT}\\s+${ORG_NOUN}\\b`);
const POINTED = new RegExp(`\\b(?:that|this|the\\s+same)\\s+${ORG_NOUN}\\b`, 'g');
const POSSESSED = new RegExp(
  `\\b(the\\s+${RECENT}\\s+${ORG_NOUN})['’]s\\s+((?:[a-z]+\\s+){0,4}?(?:members?|memberships?|seats?|limit|cap|name|slug|metadata))\\s+(to|at)\\b`,
  'gi',
);

const USER_NOUN = '(?:acct|account|user|sign-?up|registration|login|profile)';
const DESCRIBED_USER = new RegExp(`\\b(?:[Tt]he\\s+|[Oo]ur\\s+)?${RECENT}\\s+${USER_NOUN}\\b`);
const POINTED_USER = new RegExp(
  `\\b(?:the\\s+new(?:er)?\\s+(?:one|${USER_NOUN})|(?:that|this)\\s+(?:new\\s+)?${USER_NOUN})\\b(?!\\s+(?:of|for)\\b)`,
  'g',
);

// "the last person who registered on our app", "the latest user that signed up", "the most new one": the newest
// user, said by when they joined.
const JOINED_LAST =
  /\b([Tt]he)\s+(?:last|latest|newest|most\s+recent|most\s+new)\s+(?:person|user|one|account|acct|acc|member|customer|client|registrant)\s+(?:who|that|to)\s+(?:has\s+|have\s+|just\s+|recently\s+)*(?:registered|signed\s+up|joined|sign(?:ed)?\s+in\s+for\s+the\s+first\s+time|made\s+(?:the\s+|a\s+|an\s+|their\s+)?(?:sign-?up|account|registration|\w+)|created\s+(?:an?\s+|their\s+)?account)(?:\s+(?:on|to|in|for|with)\s+(?:our|the|your)\s+(?:application|app|site|portal|platform|website|system))?/g;
const MOST_NEW = /\b(?:the\s+)?most\s+new\s+(?:one|user|account)\b/gi;

const PRONOUN_AFTER_VERB =
  /\b(lock|unlock|ban|unban|delete|remove|suspend|block|nuke|kill|deactivate|disable)\s+(?:it|him|her|them)\b/gi;

/** The masked message with a pointer to the newest organization or user spelt out, and its fields said plainly. */
export function withRecentRecord(masked: string): string {
  let out = masked
    .replace(JOINED_LAST, (_m, the: string) => `${the} newest account`)
    .replace(MOST_NEW, 'the newest account');
  const user = out.match(DESCRIBED_USER);
  if (user) {
    const at = user.index! + user[0].length;
    out = out.slice(0, at) + out.slice(at).replace(POINTED_USER, 'the newest user');
    // "the latest account seems fake. ban it": a pronoun after a verb in a later sentence, when the message
    // names nobody else it could be.
    const next = out.slice(at).search(/[.!?;]\s/);
    if (next >= 0 && !/⟦[ei]\d+⟧/.test(out)) {
      const from = at + next;
      out = out.slice(0, from) + out.slice(from).replace(PRONOUN_AFTER_VERB, '$1 the newest user');
    }
  }
  const described = out.match(DESCRIBED);
  if (described) {
    const at = described.index! + described[0].length;
    out = out.slice(0, at) + out.slice(at).replace(POINTED, 'the most recently created organization');
  }
  return out.replace(POSSESSED, (_m, org: string, field: string, prep: string) => `the ${field} of ${org} ${prep}`);
}
