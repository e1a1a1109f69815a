/**
 * "X's account is dormant since 2020. Please delete it.": "it" after a verb that acts on users is the one
 * account the message names ("X's account", "the account x@y.test", "the account of X", "the x@y.test one", "the
 * ops-bot user"). Casual verbs count too ("nuke it", "get rid of it"): this stage runs before they are made
 * canonical. Only when exactly one
 * account owner is named and the message names no other kind of record "it" could be (an organization, app,
 * template, domain, invitation, session, list entry or metadata); otherwise "it" is left for the other readers.
 */

// An address or id, or a person's full name (two capitalised words that are not a company's: "Acme's account" is
// not a person's, and is never read as one).
const WHO =
  "(⟦[ei]\\d+⟧|[A-Z][\\w'’-]*\\s+(?!(?:Corp|Corporation|Inc|Ltd|LLC|Labs|Group|Industries|Systems|Technologies|Co|Company|Enterprises|Holdings)\\b)[A-Z][\\w'’-]*)";
// A login name with a joiner in it ("ops-bot", "qa_runner"): said before "user"/"account", it is the account's name.
const HANDLE = '([a-z][\\w]*[-_.][\\w.-]*[a-z0-9])';
const OWNERS = [
  new RegExp(`${WHO}(?:'s|’s)\\s+(?:user\\s+)?account\\b`, 'g'),
  new RegExp(`\\b(?:the\\s+)?(?:user\\s+)?account\\s+(?:of\\s+|for\\s+|belonging\\s+to\\s+)?${WHO}`, 'g'),
  // "the x@y.test one", "the x@y.test login": an address said as which of someone's accounts.
  /\b(?:the\s+)?(⟦e\d+⟧)\s+(?:one|account|user|login|profile)\b/g,
  new RegExp(`(?<![\\w@.-])${HANDLE}\\s+(?:user|account|login)\\b`, 'g'),
];
const OTHER_THING =
  /\b(?:org|orgs|organi[sz]ations?|company|workspace|team|apps?|applications?|integrations?|templates?|jwts?|domains?|invit\w*|sessions?|devices?|allowlist|blocklist|metadata|claims?|scopes?|roles?|membership)\b/i;
const USER_VERB_IT =
  /\b(delete|remove|erase|lock|unlock|ban|unban|suspend|reinstate|disable|restore|nuke|wipe|trash|scrap|purge|get\s+rid\s+of)\s+it\b(?!\s*(?:from|to|in|on|at)\b)/gi;

/** The message with "delete it" (and the like) said of the one account it names, or as it was. */
export function withAccountAnaphor(masked: string): string {
  if (!USER_VERB_IT.test(masked) || OTHER_THING.test(masked)) return masked;
  USER_VERB_IT.lastIndex = 0;
  const owners = new Set<string>();
  for (const re of OWNERS) for (const m of masked.matchAll(re)) owners.add(m[1]!);
  if (owners.size !== 1) return masked;
  const [owner] = [...owners];
  return masked.replace(USER_VERB_IT, (_m, verb: string) => `${verb} ${owner}`);
}
