/**
 * "the addresses we let sign up … take a@x.test off that list": a list described by
 * what it does, then named as "that list". When the message describes exactly one of the two sign-up lists (who
 * may sign up, who may not), "the/that/this list" is that list; with both or neither described it is left alone
 * (an organization could be called "list" only by accident, and guessing between two lists would be a guess).
 */
const ALLOWS =
  /\b(?:allow-?list|white-?list|allowed\s+to\s+(?:sign|register|join|create)|(?:may|can)\s+sign\s*up|let\s+in)\b/i;
const BLOCKS =
  /\b(?:block-?list|black-?list|(?:not\s+allowed|blocked|banned)\s+(?:from|to)\s+(?:sign(?:ing)?|register(?:ing)?|join(?:ing)?)|can'?t\s+sign\s*up)\b/i;
const THAT_LIST = /\b(?:that|the|this|same)\s+list\b(?!\s+of\b)/gi;

// "could that go on the allowlist", "can ⟦e1⟧ be put on the blocklist": an address placed on a list.
const GOES_ON =
  /\b(?:(?:so\s+)?(?:could|can|would|should|may)\s+)?(that|it|this|they|⟦e\d+⟧)\s+(?:(?:should|can|could|will|must)\s+)?(?:go|get\s+(?:put|added)|be\s+(?:put|added|placed))\s+(?:on|onto|in|into|to)\s+the\s+(allowlist|blocklist)\b/gi;

// "allowlist Foo's entire domain — every @foo.test person should get in": the domain said later in the same
// message is the one meant (with two domains named after it, the words stay as they are).
const ORGS_DOMAIN =
  /\b(whitelist|allowlist|blacklist|blocklist)\s+(?:[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?(?:'s|’s)|their|its|the)\s+(?:(?:whole|entire|email)\s+)*domain\b(?=[\s\S]*?@?(⟦h\d+⟧))(?![\s\S]*⟦h\d+⟧[\s\S]*⟦h\d+⟧)/gi;

export function withNamedList(given: string): string {
  const masked = given.replace(ORGS_DOMAIN, '$1 the $2 domain');
  const allows = ALLOWS.test(masked);
  const blocks = BLOCKS.test(masked);
  const named = allows === blocks ? masked : masked.replace(THAT_LIST, allows ? 'the allowlist' : 'the blocklist');
  // "that" is the address said last before it in the same sentence; with none there, the words stay as they are.
  return named.replace(GOES_ON, (all, what: string, list: string, at: number) => {
    const sentence =
      named
        .slice(0, at)
        .split(/[.!?]\s/)
        .at(-1) ?? '';
    const address = what.startsWith('⟦') ? what : sentence.match(/⟦e\d+⟧/g)?.at(-1);
    return address ? `add ${address} to the ${list.toLowerCase()}` : all;
  });
}
