/**
 * The sign-up lists said in plain words and then pointed at: "she is on the blocked list that stops sign-ups
 * … take her address off of it", "the allowed list … add him to that list". When the message speaks
 * of exactly one of the two lists, "it" / "that list" after "off/from/to/onto" is that list, and "her address"
 * beside it is the one address the message names (with none, or several, the words stay as they are).
 */

const BLOCK =
  /\b(?:block(?:ed)?\s*list|blacklist|black\s+list|deny\s*list|banned\s+list|list\s+(?:that|which)\s+(?:keeps?|blocks?|stops?)\s+(?:people|users|them|sign-?ups?)\s+out)\b/i;
const ALLOW =
  /\b(?:allow(?:ed)?\s*list|white\s*list|safe\s*list|approved\s+list|list\s+(?:that|which)\s+lets?\s+(?:people|users|them)\s+(?:in|sign\s+up))\b/i;
// (Only after a verb that moves something on or off a list: "got sign-ups from it" points at no list.)
const POINTED =
  /\b((?:take|remove|delete|drop|pull|get|clear|strike|add|put|place|stick)\b[^.;!?,]{0,40}?\s)(off(?:\s+of)?|from|to|onto|on)\s+(?:it|that\s+list|this\s+list|the\s+list)\b(?!\s*(?:'s|’s))/gi;
const WHOSE_ADDRESS = /\b(?:her|his|their)\s+(?:e-?mail\s+)?address\b/gi;

/** The masked message with a pointer to the one sign-up list it speaks of spelt out. */
export function withListPointer(masked: string): string {
  const block = BLOCK.test(masked);
  const allow = ALLOW.test(masked);
  if (block === allow) return masked;
  const list = block ? 'the blocklist' : 'the allowlist';
  let out = masked.replace(POINTED, (_m, verb: string, prep: string) =>
    /^(?:off|from)/i.test(prep) ? `${verb}from ${list}` : `${verb}to ${list}`,
  );
  if (out === masked) return masked;
  const addresses = [...new Set(out.match(/⟦e\d+⟧/g) ?? [])];
  if (addresses.length === 1) out = out.replace(WHOSE_ADDRESS, addresses[0]!);
  return out;
}
