/**
 * "hooli: gilfoyle -> admin, dinesh -> viewer": a list of people, each with an arrow to the role they should have,
 * under an organization said as the label. Each pair becomes its own sentence ("make gilfoyle an admin of hooli.")
 * so every part is read, planned and accounted for. Only when every pair's right side is a role word; anything else
 * (a field value, "25 -> 40") is left to the other readers. One arrow from everyone holding a role ("foo: everyone
 * with the member role -> viewer") is the role change for every holder (the planner lists them, one approval each).
 */
const ROLE = '(?:admin(?:istrator)?|member|viewer|billing|guest)';
const PAIR = `[\\w.'’⟦⟧-]+(?:\\s+[\\w.'’⟦⟧-]+)?\\s*(?:->|→|=>)\\s*${ROLE}`;
const LIST = new RegExp(
  `^(?:(.{1,40}?)\\s*[:,-]\\s+)?(${PAIR}(?:\\s*(?:,|;|&|\\band\\b)\\s*${PAIR})+)(?=\\s*(?:[.!?]|$))`,
  'i',
);

// "stark: everyone with the member role -> viewer": one arrow whose left side is everyone holding a role.
const EVERYONE = new RegExp(
  `^(?:(.{1,40}?)\\s*[:,-]\\s+)?((?:every(?:one|body|1)?|all|each)\\b[^.!?>→]{0,60}?(?:\\b${ROLE}\\s+role|\\borg:${ROLE}\\b(?:\\s+role)?))\\s*(?:->|→|=>)\\s*(?:org:)?(${ROLE})\\b`,
  'i',
);

// "promote gracekim -> admin in acme", "promte bob -> admn": the arrow after a verb and its person says what they
// become (the verb may still be misspelt here: typos are corrected after this stage).
const VERB_ARROW = new RegExp(
  `\\b([a-z]{4,9})\\s+((?:⟦[ei]\\d+⟧|[\\w.'’-]+)(?:\\s+[\\w.'’-]+)?)\\s*(?:->|→|=>)\\s*(?=(?:an?\\s+)?(?:${ROLE}|adm[a-z]{1,3}|amdin)\\b)`,
  'gi',
);
const ROLE_VERB = /^(?:promote|demote|move|switch|change|set|make|pro?m[a-z]{2,5}|dem[a-z]{2,5})$/i;

const ONE_IN_ORG = new RegExp(
  `^((?:(?!->|→|=>)[^.!?:;,]){1,60}?)\\s*(?:->|→|=>)\\s*(?:an?\\s+)?(?:org:)?(${ROLE})\\s+(?:in|of|at|on|for)\\s+(?!(?:whatever|which|wherever|her|his|their|the|its|that|this|my|our|your|each|every|any|all)\\b)([\\w&'’.-]+(?:\\s+(?!too\\b|as\\b|also\\b)[A-Z][\\w&'’.-]*)?)`,
  'i',
);

export function withArrowRoles(text: string): string {
  const masked = text.replace(VERB_ARROW, (m, verb: string, who: string) =>
    ROLE_VERB.test(verb) ? `${verb} ${who} to ` : m,
  );
  const every = masked.match(EVERYONE);
  if (every) {
    const org = every[1]?.trim().replace(/\s+(?:org|organi[sz]ation|group|grp|team)$/i, '');
    const role = every[3]!.toLowerCase().startsWith('admin') ? 'an admin' : `a ${every[3]!.toLowerCase()}`;
    // (What follows the arrow's role — "til the drama dies down" — is its own sentence: why or how long.)
    const rest = masked.slice(every[0].length).replace(/^\s*,?\s+(?=[a-z])/i, '. ');
    const holders = every[2]!.trim().replace(/\borg:(\w+)(?:\s+role)?/i, 'the $1 role');
    return `make ${holders}${org ? ` in ${org}` : ''} ${role}${rest}`;
  }
  const m = masked.match(LIST);
  if (!m) {
    // "whoever set up foo → viewer in bar as well": one person (said any way), an arrow, a role in an organization.
    const one = masked.match(ONE_IN_ORG);
    if (!one) return masked;
    const r = one[2]!.toLowerCase().startsWith('admin') ? 'an admin' : `a ${one[2]!.toLowerCase()}`;
    // (What follows — "too, for the audit" — is its own sentence: the organization's name ends here.)
    const rest = masked
      .slice(one[0].length)
      .replace(/^\s*(?:too|as\s+well|also)\b/i, '')
      .replace(/^\s*[,.;]?\s*/, '');
    return `make ${one[1]!.trim()} ${r} in ${one[3]}.${rest ? ` ${rest}` : ''}`;
  }
  const org = m[1]?.trim();
  const pairs = m[2]!.split(/\s*(?:,|;|&|\band\b)\s*/i).map((p) => p.split(/\s*(?:->|→|=>)\s*/));
  const sentences = pairs.map(([who, role]) => {
    const r = role!.toLowerCase().startsWith('admin') ? 'an admin' : `a ${role!.toLowerCase()}`;
    return `make ${who!.trim()} ${r}${org ? ` of ${org}` : ''}.`;
  });
  return `${sentences.join(' ')}${masked.slice(m[0].length).replace(/^\s*\./, '')}`;
}
