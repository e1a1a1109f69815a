/**
 * A role asked for only if it is not held yet (round 18): "verify Ann is a viewer of Foo, and if she isn't,
 * set her as one", "please make sure Ann has admin rights in Foo. If she doesn't, grant them". Making someone
 * what they already are changes nothing (the planner reads the membership and says "already"), so the pair is
 * exactly the request "make Ann an admin of Foo" — as conditional.ts does for bans and locks. Only when the
 * consequent gives the very role the check names; any other pairing stays as it was (and is refused as a
 * condition the change does not check).
 */

const ROLE = '(admin|administrator|member|viewer|billing)';
const CHECK =
  '(?:(?:can|could|would)\\s+(?:you|u)\\s+|please\\s+|pls\\s+|kindly\\s+)*(?:just\\s+)?(?:double[-\\s]?check|check|make\\s+sure|ensure|verify|confirm|see)\\s+(?:that\\s+|if\\s+|whether\\s+)?';
// (Whom: an address, or up to three words of a name, typed in any case.)
const WHO =
  "(⟦e\\d+⟧|(?:doctor\\s+|dr\\.?\\s+|mr\\.?\\s+|ms\\.?\\s+|mrs\\.?\\s+)?\\p{L}[\\p{L}'’.-]*(?:\\s+\\p{L}[\\p{L}'’.-]*){0,2})";
const WHERE = '(?:on|in|of|for|at)\\s+(?:the\\s+)?(.+?)';
// "…, and if not, give her that", "If he doesn't, grant it", "if not, please add it".
const IF_NOT =
  "\\s*(?:[,.;:]\\s*|\\s+)(?:and\\s+|but\\s+|then\\s+)?if\\s+(?:not|(?:she|he|they)\\s*(?:['’]s|is|are|does|do)?\\s*(?:not|n['’]t))\\b[^.!?]*?\\b(?:make|grant|give|promote|set|add|do\\s+it|go\\s+ahead)\\b[^.!?]*";

const IS_ROLE = new RegExp(`${CHECK}${WHO}\\s+(?:is|['’]s)\\s+(?:an?\\s+|the\\s+)?${ROLE}\\s+${WHERE}${IF_NOT}`, 'giu');
const HAS_ROLE = new RegExp(
  `${CHECK}${WHO}\\s+(?:has|have|holds|got)\\s+(?:an?\\s+|the\\s+)?${ROLE}\\s+(?:rights|access|role|permissions?|privileges)\\s+${WHERE}${IF_NOT}`,
  'giu',
);

/** The masked message with "check X is a <role> of Y, and if not make them one" said as the role change. */
export function withRoleCondition(masked: string): string {
  const said = (_m: string, who: string, role: string, where: string): string =>
    `make ${who} ${role.toLowerCase().replace(/^administrator$/, 'admin')} of ${where.replace(/\s+(?:organi[sz]ation|org)$/i, '')}`;
  return masked.replace(IS_ROLE, said).replace(HAS_ROLE, said);
}
