/**
 * "that address", "this email", "the inbox", "said address": an address said again as a noun means the one
 * address the message names ("… partners use x@y.test as a test inbox … please unblock that address").
 * Filled only when the message names exactly one address; with none or several the words stay as they are (and a
 * user lookup for them finds nobody, so nothing changes). "the email address of Ann" / "her email" are fields, not
 * this reference, and are never touched.
 */

const ADDRESS_NOUN =
  /\b(?:that|this|the\s+said|said|the\s+same|the)\s+(?:sender(?:'s|’s)?\s+|e-?mail\s+|mail\s+|test\s+|throwaway\s+)?(?:address|e-?mail\s+address|inbox|mailbox)\b(?!\s*(?:of\b|field\b|'s\b|’s\b|on\s+file\b|\(?\s*⟦))/gi;

// "the sender address, x@y.test, added to …", "their account (⟦e0⟧)": a noun and the address or id beside it are
// one reference (the address).
const APPOSITION =
  /\b(?:the|that|this|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:address|e-?mail|account|user|sender|inbox)\s*(?:,\s*(⟦[ei]\d+⟧)\s*,|\(\s*(⟦[ei]\d+⟧)\s*\))/gi;

/** The message with "that address" and the like replaced by its one address token, or as it was. */
export function withNamedAddress(said: string): string {
  const masked = said.replace(APPOSITION, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? _m);
  const emails = new Set(masked.match(/⟦e\d+⟧/g) ?? []);
  if (emails.size !== 1) return masked;
  const [only] = [...emails];
  return masked.replace(ADDRESS_NOUN, only!);
}
