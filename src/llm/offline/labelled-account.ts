/**
 * "Offending account: x@y … ban the offending account", "Subject user: x@y … lock the subject user": a ticket field
 * that labels an address, then the request naming the field instead of the address. The label's words before
 * "account/user" are whom "the <label> account" means, so the request reads as the address — never the reporter's
 * or requester's address beside it (those labels are no account: ticket-labels.ts). One address per label; a label
 * said twice with two addresses is left alone.
 */
import { TICKET_ROLE_WORDS } from './ticket-labels.js';

const ROLE_LABEL = new RegExp(`^(?:${TICKET_ROLE_WORDS}|contact)$`, 'i');
const LABELLED = /(?:^|[.\n|]\s*)([A-Z][a-z]+(?:\s+[a-z]+)?)\s+(?:account|user|acct|member)\s*:\s*(⟦e\d+⟧)/g;

/** The message with "the <label> account" replaced by the address its ticket field gives. */
export function withLabelledAccount(masked: string): string {
  const byLabel = new Map<string, Set<string>>();
  for (const m of masked.matchAll(LABELLED)) {
    const label = m[1]!.toLowerCase();
    // ("Reporter account:", "Requester user:": who sent or handles the ticket is never whom its request means; a
    // "Reported account:" is the one reported.)
    if (ROLE_LABEL.test(label)) continue;
    byLabel.set(label, (byLabel.get(label) ?? new Set()).add(m[2]!));
  }
  let out = masked;
  for (const [label, tokens] of byLabel) {
    if (tokens.size !== 1) continue;
    const token = [...tokens][0]!;
    const words = label.replace(/\s+/g, '\\s+');
    out = out.replace(new RegExp(`\\bthe\\s+${words}\\s+(?:account|user|acct|member)(?!\\s*:)`, 'gi'), token);
  }
  return out;
}
