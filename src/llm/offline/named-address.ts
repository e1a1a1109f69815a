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

// "ban and block that email": a bare "email" after a pointing word is the address too (not "the email", which
// may be a message to send).
const EMAIL_NOUN = /\b(?:that|this|said)\s+e-?mail\b(?!\s*(?:of\b|field\b|'s\b|’s\b|address\b|\(?\s*⟦))/gi;
// "staff use @x.test addresses … allow that whole domain": the one domain the message names.
const DOMAIN_NOUN =
  /\b(?:that|this|the|their|said)\s+(?:whole\s+|entire\s+|same\s+)?domain\b(?!\s*(?:of\b|'s\b|’s\b|\(?\s*@?⟦))/gi;

/** The message with "that address" and the like replaced by its one address token, or as it was. */
export function withNamedAddress(said: string): string {
  const masked = said.replace(APPOSITION, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? _m);
  const hosts = new Set(masked.match(/⟦h\d+⟧/g) ?? []);
  const withDomain = hosts.size === 1 ? masked.replace(DOMAIN_NOUN, `the domain ${[...hosts][0]!}`) : masked;
  const emails = new Set(withDomain.match(/⟦e\d+⟧/g) ?? []);
  if (emails.size !== 1) return withDomain;
  const [only] = [...emails];
  return withDomain.replace(ADDRESS_NOUN, only!).replace(EMAIL_NOUN, only!);
}
