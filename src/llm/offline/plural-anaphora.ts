/**
 * "There are some invitations in the Foo organization which are still waiting … please cancel all of them": a
 * plural pronoun that takes in every record of a kind an earlier sentence described. When exactly one kind of
 * record is named in the plural before it ("invitations", "sessions", "users"), "all of them" / "them all" /
 * "all of those" is "all the <kind>", with the organization that earlier sentence put them in. With two kinds
 * named, or none, the words stay as they are (the readers after this then ask or refuse, as before).
 *
 * The state they are in, said in ordinary words ("still open", "waiting for an answer", "not yet used",
 * "outstanding"), is the state the API calls pending; "make them invalid / void" is revoking them.
 */
const KINDS: ReadonlyArray<[RegExp, string]> = [
  [/\binvit(?:ation|e)s\b/i, 'invitations'],
  [/\bsessions\b/i, 'sessions'],
];

// ("withdraw all of the ones nobody took up": the ones of that kind, with the state said after them.)
const ALL_OF_THEM =
  /\b(?:all\s+of\s+(?:them|those|these)|(?:them|those|these)\s+all|all\s+(?:those|these)|all\s+(?:of\s+)?the\s+ones|every\s+(?:single\s+)?one\s+of\s+(?:them|those|these)(?:\s+(?:logins|accounts|users))?)\b/i;

// "in the Foo organization", "to Foo's org", "Foo org": where the records of the earlier sentence are.
const ORG_PLACE =
  /\b(?:[Ii]n|[Oo]f|[Ff]or|[Tt]o|[Aa]t|[Ff]rom)\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\s+(?:organization|org|company|workspace|group|team|class|cohort)\b/;

// "every account with a foo.test email", "all users at @foo.test", "each user whose address ends in foo.test" (the
// domain is a placeholder here: entities.ts masks hosts).
const DOMAIN_SET =
  /\b(?:every|each|all(?:\s+(?:of\s+)?the)?|any)\s+(?:accounts?|users?|persons?|people|members?|sign-?ups?|logins?)\s+(?:with\s+an?\s+|at\s+|on\s+|from\s+|using\s+an?\s+|whose\s+(?:e-?mail\s+)?(?:address\s+)?ends\s+(?:in|with)\s+)@?(⟦h\d+⟧)/gi;

// "a bunch of spam accounts from foo.test", "they were given addresses at foo.test": users an earlier sentence
// places at a domain, in looser words.
const DOMAIN_MENTION =
  /\b(?:accounts?|accts?|users?|sign-?ups?|logins?|addresse?s|e-?mails?|e-?mail\s+addresses|bots?)\s+(?:[a-z]+\s+){0,2}?(?:at|from|on|using|with|under)\s+@?(⟦h\d+⟧)/gi;

const MAKE_INVALID =
  /\bmake\s+(them|it|those|these|that|this|all\s+of\s+them)\s+(?:invalid|void|unusable|inactive|not\s+valid)\b/gi;

/** The message with a plural pronoun for described records spelt out, and their state named as the API names it. */
export function withPluralAnaphora(masked: string): string {
  let out = masked.replace(MAKE_INVALID, 'revoke $1');
  const sentences = out.split(/(?<=[.!?])\s+/);
  for (let i = 1; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (!ALL_OF_THEM.test(s)) continue;
    const before = sentences.slice(0, i);
    // ("every account with a foo.test address is a bot. ban all of them": the users an email domain describes.)
    const domains = [
      ...new Set(before.flatMap((b) => [...b.matchAll(DOMAIN_SET), ...b.matchAll(DOMAIN_MENTION)].map((m) => m[1]!))),
    ];
    if (domains.length === 1) {
      sentences[i] = s.replace(ALL_OF_THEM, `every user at @${domains[0]}`);
      continue;
    }
    const kinds = KINDS.filter(([re]) => before.some((b) => re.test(b)));
    if (kinds.length !== 1) continue;
    const [re, kind] = kinds[0]!;
    const where = before.filter((b) => re.test(b)).map((b) => b.match(ORG_PLACE)?.[1]);
    const org = where.length === 1 && where[0] ? ` in ${where[0]}` : '';
    sentences[i] = s.replace(ALL_OF_THEM, `all the ${kind}${org}`);
  }
  out = sentences.join(' ');
  // "All the pending invitations to Foo, please revoke them": the records said first, then the verb with a pronoun
  // for them, is the verb on those records.
  out = out.replace(
    /(^|[.!?]\s+)((?:all|every|each)\s+(?:of\s+)?(?:the\s+)?[^,.;]{0,60}?\b(?:invit(?:ation|e)s|sessions|users|accounts|members)\b[^,.;]{0,60}?),\s+(?:(?:please|pls|kindly|so)\s+)?([a-z]+)\s+(?:them|all\s+of\s+them|those)\b/gi,
    '$1please $3 $2',
  );
  // ("the invitations which are still open" → "the pending invitations": only where invitations are spoken of.)
  if (!/\binvit/i.test(out)) return out;
  out = out
    .replace(
      /\b((?:(?:org(?:anization)?|sign-?up|app)\s+)?invit(?:ation|e)s?)(\s+(?:in|to|for)\s+[^,.;]{1,40}?)?\s+(?:(?:which|that)\s+(?:are|is|were|was)\s+(?:sent\s+but\s+)?|sent\s+but\s+)?(?:still\s+)?(?:open|waiting(?:\s+(?:for\s+(?:an?\s+)?(?:answer|reply|response|acceptance)|to\s+be\s+(?:accepted|answered|used|redeemed)))?|outstanding|unanswered|unused|unaccepted|not\s+(?:yet\s+)?(?:used|accepted|answered|redeemed))\b/gi,
      (_m, noun: string, place: string | undefined) => `pending ${noun}${place ?? ''}`,
    )
    .replace(
      /\b(?:outstanding|unused|unanswered|unaccepted|open)\s+(?=(?:(?:sign-?up|org(?:anization)?|app)\s+)?invit)/gi,
      'pending ',
    );
  // "the pending invitations for registration", "invites to sign up": invitations to the app, not to an
  // organization.
  return out.replace(
    /\b((?:pending\s+)?)(invit(?:ation|e)s?)\s+(?:for|to)\s+(?:the\s+)?(?:registration|registering|register|sign(?:ing)?[\s-]?up|the\s+app)\b/gi,
    '$1sign-up $2',
  );
}
