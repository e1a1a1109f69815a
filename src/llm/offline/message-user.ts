/**
 * A user field change that names no user, in a message that names exactly one user (issue 15, round 4):
 * "bo@x.test passed KYC. - lift the lock - metadata (private): kyc -> done". Rule: the change is for
 * that one user (one distinct address or user id in the whole message); with none or several, it stays without a
 * target and the planner asks. Organizations have the same rule in request.ts (`withMessageOrg`).
 */
import type { Sentence } from './entities.js';
import type { Intent } from './intent-types.js';

export function withMessageUser(intent: Intent, whole: Sentence): Intent {
  if (intent.kind !== 'user_update' || intent.target) return intent;
  // (Only what the message still says: an address in pasted text that was dropped is not "named".)
  const said = (kind: string): number[] =>
    [...whole.masked.matchAll(new RegExp(`⟦${kind}(\\d+)⟧`, 'g'))].map((m) => Number(m[1]));
  const emails = [...new Set(said('e').map((n) => whole.ents.emails[n]!.toLowerCase()))];
  const ids = [
    ...new Set(
      said('i')
        .map((n) => whole.ents.ids[n]!)
        .filter((i) => i.prefix === 'user')
        .map((i) => i.value),
    ),
  ];
  if (emails.length + ids.length !== 1) return intent;
  return {
    ...intent,
    target: emails.length === 1 ? { kind: 'email', value: emails[0]! } : { kind: 'id', value: ids[0]! },
  };
}
