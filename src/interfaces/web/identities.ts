/**
 * Who a browser can be. With a policy file, the people it names with a `web:` identity (pick once per browser,
 * kept in a signed cookie), so two windows can play requester and approver and four-eyes can be seen working.
 * Without one, the console is the local user's own tool (they hold the printed URL): one identity, the local
 * terminal user, with the same rights as at the terminal.
 */
import type { Policy } from '../../approvals/policy.js';
import { terminalIdentity } from '../../approvals/identity.js';
import type { Identity } from '../../approvals/types.js';

export interface IdentityOption {
  key: string;
  identity: Identity;
  label: string;
}

export function identityOptions(policy: Policy, requester: string): IdentityOption[] {
  const out: IdentityOption[] = [];
  for (const [key, user] of Object.entries(policy.file.users ?? {})) {
    const web = user.identities.find((i) => i.startsWith('web:'));
    if (!web) continue;
    const name = user.name ?? key;
    out.push({ key, identity: { via: 'web', id: web.slice('web:'.length), name }, label: name });
  }
  if (out.length > 0) return out;
  const local = terminalIdentity(requester);
  return [{ key: 'local', identity: local, label: `${local.name} (this machine)` }];
}
