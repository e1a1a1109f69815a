/**
 * "Undo it" takes its action from what "it" is: when the message names one ban, lock or block and whose it is
 * ("X's ban", "the ban on X", "the Ann Lee lockout"), "reverse / undo / lift / roll back it (that, this)" is lifting
 * that sanction from that person ("… was a false positive, can you reverse it" → "unban X"). With no such noun, or
 * several, the words stay as they are (and nothing is read as a change).
 */

const SANCTION = '(ban|suspension|lock|lockout|block)';
const WHO = "(⟦[ei]\\d+⟧|[A-Za-z][\\w'’-]*(?:\\s+[A-Za-z][\\w'’-]*)?)";
// Words before a sanction noun that say what kind it is, never whose ("the permanent ban", "the IP block").
const NOT_WHO =
  /^(?:the|a|an|this|that|his|her|their|its|our|my|your|false|wrong|old|new|recent|last|whole|permanent|temporary|ip|email|e-?mail|account|user|domain|chargeback|fraud|spam|auto(?:matic)?|positive|mistaken|accidental)$/i;
const OWNERS = [
  new RegExp(`${WHO}(?:'s|’s)\\s+(?:account\\s+)?${SANCTION}\\b`, 'g'),
  new RegExp(`\\bthe\\s+${SANCTION}\\s+(?:on|of|for|against)\\s+${WHO}`, 'g'),
  new RegExp(`\\bthe\\s+${WHO}\\s+${SANCTION}\\b`, 'g'),
];
const UNDO =
  /\b(?:(?:reverse|undo|revert|lift|roll\s+back|take\s+back|overturn|cancel)\s+(?:it|that|this)\b(?!\s+(?:invit|app|org|template|domain))|(?:roll|take)\s+(?:it|that|this)\s+back\b)/gi;
const LIFT: Record<string, string> = {
  ban: 'unban',
  suspension: 'unban',
  block: 'unban',
  lock: 'unlock',
  lockout: 'unlock',
};

/** The message with "undo it" said as lifting the one sanction it names, or as it was. */
export function withUndoneSanction(masked: string): string {
  if (!UNDO.test(masked)) return masked;
  UNDO.lastIndex = 0;
  const found = new Map<string, string>();
  for (const [n, re] of OWNERS.entries()) {
    for (const m of masked.matchAll(re)) {
      const [who, noun] = n === 1 ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
      const words = who.split(/\s+/);
      if (words.some((w) => NOT_WHO.test(w))) continue;
      // A lower-case owner needs two words ("the ann lee ban"): one lower-case word is a kind ("the spam ban").
      if (!/⟦|[A-Z]/.test(who) && words.length < 2) continue;
      found.set(who.toLowerCase(), `${LIFT[noun.toLowerCase()]} ${who}`);
    }
  }
  if (found.size !== 1) return masked;
  const [lift] = [...found.values()];
  return masked.replace(UNDO, lift!);
}
