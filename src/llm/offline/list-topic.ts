/**
 * A message that says up front which list it changes — "two edits for our allowlist: first add
 * *@foo.test, then drop ann@x.test", "blocklist: add spam.test, drop old@x.test" — means that list
 * in each of its steps. Each bare "add X" / "remove X" (an address or pattern with no "to / from …" of its own) is
 * said with the list. Without this, "remove ann@x.test" alone reads as deleting the user ann@x.test.
 */

const LEAD =
  /(?:\b(?:changes?|updates?|edits?|amendments?)\s+(?:to|on|for|in)\s+(?:the\s+|our\s+)?(?:sign[- ]?up\s+)?(allowlist|blocklist)\b|^\s*(?:the\s+)?(?:sign[- ]?up\s+)?(allowlist|blocklist)\s*:)/i;
const STEP =
  /\b(add|include|put|remove|delete|drop|take\s+off|strip)\s+((?:the\s+entry\s+for\s+)?⟦[ew]\d+⟧(?:\s*(?:,|and|&)\s*⟦[ew]\d+⟧)*)(?!\s+(?:to|from|on|off|onto|into|in)\b)/gi;

const ANNOUNCED =
  /^[^:.!?]*\b(?:changes?|updates?|edits?|amendments?)\s+(?:to|on|for|in)\s+(?:the\s+|our\s+)?(?:sign[- ]?up\s+)?(?:allowlist|blocklist)\s*:\s*/i;

/** The masked message with each bare list step said with the list its lead names. */
export function withListTopic(masked: string): string {
  const lead = masked.match(LEAD);
  if (!lead) return masked;
  const list = (lead[1] ?? lead[2])!.toLowerCase();
  // (Two lists named: which one a step means is not said, and nothing is filled in.)
  if (/\ballowlist\b/i.test(masked) && /\bblocklist\b/i.test(masked)) return masked;
  // (The lead itself only announces the steps: once each step names the list, it is said and goes.)
  const steps = masked.replace(ANNOUNCED, '');
  return steps.replace(STEP, (_m, verb: string, what: string) => {
    const entries = what.replace(/^the\s+entry\s+for\s+/i, '');
    return /^(?:add|include|put)$/i.test(verb)
      ? `${verb} ${entries} to the ${list}`
      : `${verb} ${entries} from the ${list}`;
  });
}
