/**
 * "rename X to Y" when the request does not say whether X is a user or an organization: look both up, act on the
 * one that matches, ask when both do.
 */
import { say } from './mutation-step.js';
import type { Intent } from './intent-types.js';
import type { PlanStep, PlanContext } from './plan-context.js';
import { planOrgUpdate } from './plan-orgs.js';
import { planUserUpdate, renameCandidates } from './plan-users.js';
import { askFor, stopped } from './resolve.js';
import { GROUP_NOUN } from './listed-names.js';

type Of<K extends Intent['kind']> = Extract<Intent, { kind: K }>;

/** "rename X to Y" without saying whether X is a user or an organization: look both up. */
export function planRenameAny(ctx: PlanContext, intent: Of<'rename_any'>): PlanStep {
  const found = renameCandidates(ctx, intent.target.value);
  if (found.outcome) return found.outcome;
  const lower = intent.target.value.toLowerCase();
  const orgHit = (found.orgs ?? []).some(
    (o) => o.name.toLowerCase() === lower || o.slug.toLowerCase() === lower || o.name.toLowerCase().startsWith(lower),
  );
  const userHit = (found.users ?? []).some(
    (u) => u.name?.toLowerCase().split(' ').includes(lower) || u.name?.toLowerCase() === lower,
  );
  // ("rename the initech clan to …": a word for a group says it is an organization, found by its other words.)
  const groupSaid = new RegExp(`\\s${GROUP_NOUN}s?$`, 'i').test(intent.target.value);
  if ((orgHit || groupSaid) && !userHit)
    return planOrgUpdate(ctx, { kind: 'org_update', org: intent.target, fields: { name: intent.newName } });
  if (userHit && !orgHit) {
    const parts = intent.newName.split(/\s+/);
    const fields =
      parts.length === 1
        ? { first_name: parts[0] }
        : { first_name: parts.slice(0, -1).join(' '), last_name: parts[parts.length - 1] };
    return planUserUpdate(ctx, { kind: 'user_update', target: intent.target, fields });
  }
  if (!orgHit && !userHit)
    return say(`I couldn't find a user or an organization called "${intent.target.value}". Nothing was changed.`);
  const r = askFor(
    ctx,
    `"${intent.target.value}" matches both a user and an organization. Should I rename the user or the organization?`,
    (a) => (/\borg|compan|team/i.test(a) ? 'org' : /\buser|person|account/i.test(a) ? 'user' : undefined),
  );
  if (!r.ok) return stopped(ctx, r);
  return r.value === 'org'
    ? planOrgUpdate(ctx, { kind: 'org_update', org: intent.target, fields: { name: intent.newName } })
    : planUserUpdate(ctx, { kind: 'user_update', target: intent.target, fields: { first_name: intent.newName } });
}
