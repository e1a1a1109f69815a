/**
 * Two steps where the second uses the first's result: "create an organization called X and put Y in it as admin",
 * "…, and I (Ann) should administer it". A role given after an organization is created, said of "it", "its", "there",
 * or of no organization at all, is a membership in the new organization — never a role change in an existing one
 * (frames.ts leaves those out of a creating message for the same reason). The planner creates the organization
 * first and adds the member by its name (plan-sequence.ts reads the name once the organization exists).
 */
import type { Intent, Ref } from './intent-types.js';

// ("New" in a ticket's "Summary: New organization for …" is read as a name by the readers.)
const IT = /^(?:it|its|there|them|that|this|new|(?:the|a)\s+new(?:\s+(?:one|org|organi[sz]ation|workspace))?)$/i;

/** `steps` with each role given to the new organization turned into a membership of it. */
export function intoNewOrg(steps: Intent[]): Intent[] {
  const creates = steps.filter((s) => s.kind === 'org_create' && typeof s.fields.name === 'string');
  // (One organization created: several would leave "it" open.)
  if (creates.length !== 1) return steps;
  const created = (creates[0] as Extract<Intent, { kind: 'org_create' }>).fields.name as string;
  // (Roles said as a role — "make her its admin", "put him inside as admin" — rather than as an addition: "add X to
  // it as admin" stays the two steps it says.)
  const roleSaid = new Set<Intent>();
  const moved = steps.map((step): Intent => {
    if (step.kind !== 'membership_set_role' && step.kind !== 'membership_add') return step;
    const org = step.org;
    const ofNew =
      !org ||
      org.kind === 'mention' ||
      (org.kind === 'name' && (IT.test(org.value.trim()) || org.value.toLowerCase() === created.toLowerCase()));
    if (!ofNew) return step;
    const added: Intent = {
      kind: 'membership_add',
      org: { kind: 'name', value: created },
      users: step.users.map(person),
      role: step.role,
    };
    if (step.kind === 'membership_set_role') roleSaid.add(added);
    return added;
  });
  // One admin for the new organization said as its role, and no creator named: that person creates it (Clerk's created_by makes the
  // creator its admin) — one call, one approval, instead of a create and an add.
  const admins = moved.filter(
    (s): s is Extract<Intent, { kind: 'membership_add' }> =>
      s.kind === 'membership_add' &&
      roleSaid.has(s) &&
      s.role === 'org:admin' &&
      s.users.length === 1 &&
      s.org?.kind === 'name' &&
      s.org.value === created,
  );
  const create = creates[0] as Extract<Intent, { kind: 'org_create' }>;
  if (admins.length !== 1 || create.ownerRef) return moved;
  return moved
    .filter((s) => s !== admins[0])
    .map((s) => (s === create ? { ...create, ownerRef: admins[0]!.users[0]! } : s));
}

// "me (Ann) its", "Ann Lee as the admin": the person's name, without what was said around it.
function person(ref: Ref): Ref {
  if (ref.kind !== 'name') return ref;
  const bracketed = ref.value.match(/\(([^()]+)\)/)?.[1]?.trim();
  const value = (bracketed ?? ref.value).replace(/\s+(?:its|their|as\b.*)$/i, '').trim();
  return value ? { ...ref, value } : ref;
}
