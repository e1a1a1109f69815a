/**
 * The approval policy's Slack user groups: members are looked up with usergroups.users.list and cached briefly
 * (a removed approver loses the right within a minute). A failed lookup counts as "not a member": fail closed.
 */
import type { GroupResolver, Policy } from '../../approvals/policy.js';

export interface GroupLookup {
  /** Member user ids of a Slack user group (S…). */
  members(usergroup: string): Promise<string[]>;
}

export function createGroupResolver(
  policy: () => Policy,
  lookup: GroupLookup,
  options: { ttlMs?: number; now?: () => number; onError?: (message: string) => void } = {},
): GroupResolver {
  const ttl = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; members: Promise<string[]> }>();
  const membersOf = (group: string): Promise<string[]> => {
    const hit = cache.get(group);
    if (hit && now() - hit.at < ttl) return hit.members;
    const members = lookup.members(group).catch((error: unknown) => {
      cache.delete(group);
      options.onError?.(`usergroups.users.list ${group} failed (${(error as Error).message}); treated as no members`);
      return [] as string[];
    });
    cache.set(group, { at: now(), members });
    return members;
  };
  return async (identity) => {
    if (identity.via !== 'slack') return [];
    const groups = new Set(Object.values(policy().file.groups ?? {}).flatMap((g) => g.slack_usergroups ?? []));
    const mine: string[] = [];
    for (const group of groups) if ((await membersOf(group)).includes(identity.id)) mine.push(group);
    return mine;
  };
}
