/**
 * Folding the steps of a compound request that describe one change: "Rename Foo to Foo Co and set its
 * slug to foo-co" is one organization update with two fields, not a rename plus an update of "its".
 */
import type { Intent } from './intent-types.js';

/** Merges an organization update that names no organization into the organization step before it. */
export function mergeSteps(steps: Intent[]): Intent[] {
  const out: Intent[] = [];
  for (const step of steps) {
    const prev = out[out.length - 1];
    // "…rename it to X and raise its member cap to 30": the same organization's update, said twice, is one update.
    if (
      step.kind === 'org_update' &&
      prev?.kind === 'org_update' &&
      step.org?.kind === 'name' &&
      prev.org?.kind === 'name' &&
      step.org.value.toLowerCase() === prev.org.value.toLowerCase() &&
      !Object.keys(step.fields).some((k) => k in prev.fields)
    ) {
      out[out.length - 1] = { ...prev, fields: { ...prev.fields, ...step.fields } };
      continue;
    }
    if (step.kind === 'org_update' && !step.org && prev) {
      if (prev.kind === 'org_update' && prev.org) {
        out[out.length - 1] = { ...prev, fields: { ...prev.fields, ...step.fields } };
        continue;
      }
      if (prev.kind === 'rename_any') {
        out[out.length - 1] = { kind: 'org_update', org: prev.target, fields: { name: prev.newName, ...step.fields } };
        continue;
      }
      if (prev.kind === 'org_create') {
        out[out.length - 1] = { ...prev, fields: { ...prev.fields, ...step.fields } };
        continue;
      }
    }
    // "X should have first name A, and add k: v to its metadata": a user update that names no user joins the
    // user update next to it (different fields only).
    if (step.kind === 'user_update' && prev?.kind === 'user_update' && !step.target !== !prev.target) {
      if (!Object.keys(step.fields).some((k) => k in prev.fields)) {
        out[out.length - 1] = {
          ...prev,
          ...step,
          target: (prev.target ?? step.target)!,
          fields: { ...prev.fields, ...step.fields },
        };
        continue;
      }
    }
    // "list Fooco's admins; which of them logged in last?": the narrowing joins the list before it.
    if (
      step.kind === 'members_list' &&
      step.pick &&
      prev?.kind === 'members_list' &&
      !prev.count &&
      (!step.org || JSON.stringify(step.org) === JSON.stringify(prev.org))
    ) {
      out[out.length - 1] = { ...prev, pick: step.pick };
      continue;
    }
    // "tokens from X should last three hours, and allow 20 seconds of skew": a template change that names no
    // template continues the change of the template named just before.
    const sameRef = (a?: { value: string }, b?: { value: string }): boolean =>
      !a || (!!b && a.value.toLowerCase() === b.value.toLowerCase());
    if (
      step.kind === 'named_update' &&
      prev?.kind === 'named_update' &&
      prev.resource === step.resource &&
      sameRef(step.ref, prev.ref) &&
      !Object.keys(step.fields).some((k) => k in prev.fields)
    ) {
      out[out.length - 1] = { ...prev, fields: { ...prev.fields, ...step.fields } };
      continue;
    }
    // "which orgs does X belong to, and her role in every one?": the roles answer lists them all.
    if (
      step.kind === 'roles_every_org' &&
      prev?.kind === 'orgs_list' &&
      prev.memberRef &&
      JSON.stringify(prev.memberRef) === JSON.stringify(step.user)
    ) {
      out[out.length - 1] = step;
      continue;
    }
    // "create X …, and make Y its creator": the second clause only names the creator of the first's organization.
    if (
      step.kind === 'org_create' &&
      step.ownerRef &&
      prev?.kind === 'org_create' &&
      !prev.ownerRef &&
      String(prev.fields.name ?? '').toLowerCase() === String(step.fields.name ?? '').toLowerCase()
    ) {
      out[out.length - 1] = { ...prev, ownerRef: step.ownerRef };
      continue;
    }
    // "set the max members of X to 20 and rename it to Y": one update of X with both fields.
    if (
      step.kind === 'rename_any' &&
      prev?.kind === 'org_update' &&
      prev.org?.kind === 'name' &&
      prev.org.value.toLowerCase() === step.target.value.toLowerCase()
    ) {
      out[out.length - 1] = { ...prev, fields: { ...prev.fields, name: step.newName } };
      continue;
    }
    // "tokens of foo should live a day, and allow 5 s of clock skew"; "set Foo's name to X and raise its cap to 30":
    // two updates of the same record are one update with both fields (one approval, one request), never two
    // replacements where the second could undo the first.
    if (prev && sameTarget(prev, step)) {
      const fields = { ...(prev as { fields: object }).fields, ...(step as { fields: object }).fields };
      out[out.length - 1] = { ...prev, fields } as Intent;
      continue;
    }
    out.push(step);
  }
  // "Change template foo like this: lifetime 300. To be clear, only change it, do not recreate it": an update that
  // says no field, beside an update of the same record that does, restates it — it is not a second ask (which would
  // make the reply ask what to change).
  return withoutRestated(out);
}

/** The steps without an update that says no field beside an update of the same record that does. */
export function withoutRestated(steps: Intent[]): Intent[] {
  return steps.filter((step) => !(restated(step) && steps.some((other) => other !== step && sameRecord(other, step))));
}

const UPDATE_KINDS = new Set<Intent['kind']>(['named_update', 'org_update', 'user_update']);
const fieldsOf = (i: Intent): object => (i as { fields?: object }).fields ?? {};
const restated = (i: Intent): boolean => UPDATE_KINDS.has(i.kind) && Object.keys(fieldsOf(i)).length === 0;
const refOf = (i: Intent) =>
  i.kind === 'named_update' ? i.ref : i.kind === 'org_update' ? i.org : i.kind === 'user_update' ? i.target : undefined;

/** Whether `other` is an update with fields of the record `step` names (or of its kind, when `step` names none). */
function sameRecord(other: Intent, step: Intent): boolean {
  if (other.kind !== step.kind || restated(other)) return false;
  if (other.kind === 'named_update' && step.kind === 'named_update' && other.resource !== step.resource) return false;
  const [a, b] = [refOf(other), refOf(step)];
  return !b || (!!a && a.kind === b.kind && a.value.toLowerCase() === b.value.toLowerCase());
}

/** Whether two updates name the same record the same way (same resource, same reference; no field set twice). */
function sameTarget(a: Intent, b: Intent): boolean {
  const key = (i: Intent): string | undefined =>
    i.kind === 'named_update' && i.ref
      ? `named:${i.resource}:${i.ref.kind}:${i.ref.value.toLowerCase()}`
      : i.kind === 'org_update' && i.org
        ? `org:${i.org.kind}:${i.org.value.toLowerCase()}`
        : undefined;
  const ka = key(a);
  if (ka === undefined || ka !== key(b)) return false;
  const fa = Object.keys((a as { fields: object }).fields);
  return !Object.keys((b as { fields: object }).fields).some((f) => fa.includes(f));
}
