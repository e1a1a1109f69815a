/**
 * "hooli: gilfoyle -> admin, dinesh -> viewer": a list of people, each with an arrow to the role they should have,
 * under an organization said as the label. Each pair becomes its own sentence ("make gilfoyle an admin of hooli.")
 * so every part is read, planned and accounted for. Only when every pair's right side is a role word; anything else
 * (a field value, "25 -> 40") is left to the other readers.
 */
const ROLE = '(?:admin(?:istrator)?|member|viewer|billing|guest)';
const PAIR = `[\\w.'’⟦⟧-]+(?:\\s+[\\w.'’⟦⟧-]+)?\\s*(?:->|→|=>)\\s*${ROLE}`;
const LIST = new RegExp(
  `^(?:(.{1,40}?)\\s*[:,-]\\s+)?(${PAIR}(?:\\s*(?:,|;|&|\\band\\b)\\s*${PAIR})+)(?=\\s*(?:[.!?]|$))`,
  'i',
);

export function withArrowRoles(masked: string): string {
  const m = masked.match(LIST);
  if (!m) return masked;
  const org = m[1]?.trim();
  const pairs = m[2]!.split(/\s*(?:,|;|&|\band\b)\s*/i).map((p) => p.split(/\s*(?:->|→|=>)\s*/));
  const sentences = pairs.map(([who, role]) => {
    const r = role!.toLowerCase().startsWith('admin') ? 'an admin' : `a ${role!.toLowerCase()}`;
    return `make ${who!.trim()} ${r}${org ? ` of ${org}` : ''}.`;
  });
  return `${sentences.join(' ')}${masked.slice(m[0].length).replace(/^\s*\./, '')}`;
}
