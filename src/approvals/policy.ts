/**
 * The approval policy: who may request, who may approve each risk tier, how many approvals a tier needs, whether a
 * requester may approve their own change (four-eyes), and how long a request stays open.
 *
 * Without a file the policy keeps the single-user terminal behaviour: anyone may request, the local terminal user
 * approves, one approval per change, self-approval allowed for `write` and for the terminal user, refused for
 * `destructive` otherwise; on a live (`sk_live_`) instance four-eyes is the default for `destructive` everywhere.
 */
import { formatIdentity, sameIdentity } from './identity.js';
import { type PolicyFile, readPolicyFile } from './policy-file.js';
import type { Identity } from './types.js';

export type Tier = 'write' | 'destructive';
export type SelfApproval = boolean | 'terminal';

/** Looks up the Slack user groups (ids) an identity belongs to; given by the Slack front end. */
export type GroupResolver = (identity: Identity) => Promise<readonly string[]>;

export interface Policy {
  /** Where it came from: a file path, or `default`. */
  source: string;
  file: PolicyFile;
  live: boolean;
  /** Effective values (defaults filled in). */
  request: string[];
  approve: Record<Tier, string[]>;
  approvals: Record<Tier, number>;
  selfApproval: Record<Tier, SelfApproval>;
  expiryMs: number;
}

const DEFAULT_EXPIRY = '24h';

/** The effective policy from a parsed file (or none) for a live or test instance. */
export function buildPolicy(file: PolicyFile | undefined, options: { live: boolean; source?: string }): Policy {
  const f = file ?? {};
  const live = options.live;
  return {
    source: options.source ?? (file ? 'policy file' : 'default'),
    file: f,
    live,
    request: f.request ?? ['*'],
    approve: {
      write: f.approve?.write ?? ['terminal:*'],
      destructive: f.approve?.destructive ?? ['terminal:*'],
    },
    approvals: { write: f.approvals?.write ?? 1, destructive: f.approvals?.destructive ?? 1 },
    selfApproval: {
      write: f.self_approval?.write ?? true,
      destructive: f.self_approval?.destructive ?? (live ? false : 'terminal'),
    },
    expiryMs: parseDuration(f.expiry ?? DEFAULT_EXPIRY),
  };
}

/** Loads the policy from `file` (undefined = the default policy). Throws PolicyError. */
export function loadPolicy(file: string | undefined, options: { live: boolean }): Policy {
  return file
    ? buildPolicy(readPolicyFile(file), { live: options.live, source: file })
    : buildPolicy(undefined, options);
}

/** `24h` → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+)\s*(s|m|h|d)$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: ${text}`);
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

/** Does `identity` match any of `references`? */
export async function matches(
  policy: Policy,
  identity: Identity,
  references: readonly string[],
  groupsOf?: GroupResolver,
  depth = 0,
): Promise<boolean> {
  const key = formatIdentity(identity);
  for (const reference of references) {
    if (reference === '*' || reference === key || reference === `${identity.via}:*`) return true;
    const user = policy.file.users?.[reference];
    if (user?.identities.includes(key)) return true;
    if (reference.startsWith('group:') && depth < 4) {
      const group = policy.file.groups?.[reference.slice('group:'.length)];
      if (!group) continue;
      if (group.members && (await matches(policy, identity, group.members, groupsOf, depth + 1))) return true;
      if (group.slack_usergroups && identity.via === 'slack' && groupsOf) {
        const mine = await groupsOf(identity);
        if (group.slack_usergroups.some((g) => mine.includes(g))) return true;
      }
    }
  }
  return false;
}

/** May `requester` approve their own change in this tier? */
export function selfApprovalAllowed(policy: Policy, tier: Tier, requester: Identity): boolean {
  const rule = policy.selfApproval[tier];
  return rule === 'terminal' ? requester.via === 'terminal' : rule;
}

/** Is `approver` the requester of the change (the four-eyes check)? */
export function isSelf(requester: Identity, approver: Identity): boolean {
  return sameIdentity(requester, approver);
}

/**
 * Problems `policy check` reports: references to users or groups the file does not define, tiers nobody can
 * approve, and tiers that need more distinct approvers than the file names.
 */
export function policyProblems(policy: Policy): string[] {
  const problems: string[] = [];
  const users = policy.file.users ?? {};
  const groups = policy.file.groups ?? {};
  const checkRefs = (where: string, list: readonly string[]) => {
    for (const r of list) {
      if (r === '*' || (/^[a-z]+:/.test(r) && !r.startsWith('group:'))) continue;
      if (r.startsWith('group:')) {
        if (!groups[r.slice(6)]) problems.push(`${where}: group "${r.slice(6)}" is not defined under groups`);
      } else if (!users[r]) problems.push(`${where}: user "${r}" is not defined under users`);
    }
  };
  checkRefs('request', policy.request);
  for (const [name, g] of Object.entries(groups)) checkRefs(`groups.${name}.members`, g.members ?? []);
  for (const tier of ['write', 'destructive'] as const) {
    const list = policy.approve[tier];
    checkRefs(`approve.${tier}`, list);
    if (list.length === 0) problems.push(`approve.${tier}: nobody may approve ${tier} changes; they can never run`);
    const countable = list.every((r) => users[r] || (/^[a-z]+:[^*]+$/.test(r) && !r.startsWith('group:')));
    if (countable && list.length > 0 && list.length < policy.approvals[tier])
      problems.push(
        `approvals.${tier}: needs ${policy.approvals[tier]} approvals but approve.${tier} names only ${list.length}`,
      );
  }
  return problems;
}

/** The effective policy as lines of text, for `clerk-agent policy check`. */
export function describePolicy(policy: Policy): string[] {
  const self = (tier: Tier) => {
    const rule = policy.selfApproval[tier];
    return rule === 'terminal' ? 'only for the local terminal user' : rule ? 'allowed' : 'refused (four-eyes)';
  };
  const hours = policy.expiryMs / 3_600_000;
  return [
    `Policy: ${policy.source}${policy.live ? ' (LIVE instance)' : ''}`,
    `  may request:            ${policy.request.join(', ')}`,
    ...(['write', 'destructive'] as const).flatMap((tier) => [
      `  ${tier}:`,
      `    approvers:            ${policy.approve[tier].join(', ') || '(nobody)'}`,
      `    approvals needed:     ${policy.approvals[tier]}`,
      `    self-approval:        ${self(tier)}`,
    ]),
    `  requests expire after:  ${Number.isInteger(hours) ? `${hours} h` : `${Math.round(policy.expiryMs / 60_000)} min`}`,
    ...Object.entries(policy.file.users ?? {}).map(
      ([key, u]) => `  user ${key}${u.name ? ` (${u.name})` : ''}: ${u.identities.join(', ')}`,
    ),
    ...Object.entries(policy.file.groups ?? {}).map(
      ([key, g]) =>
        `  group ${key}: ${[...(g.members ?? []), ...(g.slack_usergroups ?? []).map((s) => `slack group ${s}`)].join(', ')}`,
    ),
  ];
}
