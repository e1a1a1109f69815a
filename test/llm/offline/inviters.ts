/**
 * The read an organization-invitation listing makes to name who sent each invitation: the inviters' ids
 * (sorted, as the planner sends them) looked up by email in the demo seed.
 */
import { buildDemoState } from '../../../src/sandbox/seed/demo.js';
import type { Call } from './phrasings.data.js';

const state = buildDemoState(0);

/** ['clerk_users_list', { user_id: [ids of these inviters], limit: 100 }]. */
export function invitersRead(...emails: string[]): Call {
  const ids = emails.map((e) => {
    const u = state.users.find((x) => x.email_addresses.some((a) => a.email_address === e));
    if (!u) throw new Error(`no seeded user ${e}`);
    return u.id;
  });
  return ['clerk_users_list', { user_id: ids.sort(), limit: 100 }];
}
