/**
 * Folding the steps of a compound request that describe one change: "Rename Hooli to Hooli XYZ and change its
 * slug to hooli-xyz" is one organization update with two fields, not a rename plus an update of "its".
 */
import type { Intent } from './intent-types.js';

/** Merges an organization update that names no organization into the organization step before it. */
export function mergeSteps(steps: Intent[]): Intent[] {
  const out: Intent[] = [];
  for (const step of steps) {
    const prev = out[out.length - 1];
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
    // "rename Foo to Foo Group and raise its member limit to 40" (its = Foo): two fields of one record are one
    // update, as long as no field is said twice.
    if (
      (step.kind === 'org_update' || step.kind === 'named_update') &&
      prev?.kind === step.kind &&
      sameRef(prev, step) &&
      !Object.keys(step.fields).some((k) => k in prev.fields)
    ) {
      out[out.length - 1] = { ...prev, fields: { ...prev.fields, ...step.fields } } as Intent;
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
    out.push(step);
  }
  return out;
}

type Update = Extract<Intent, { kind: 'org_update' | 'named_update' }>;

/** Both updates name the same record (same resource, same name or id). */
function sameRef(a: Update, b: Update): boolean {
  if (a.kind === 'named_update' && b.kind === 'named_update' && a.resource !== b.resource) return false;
  const x = a.kind === 'org_update' ? a.org : a.ref;
  const y = b.kind === 'org_update' ? b.org : b.ref;
  return !!x && !!y && x.kind === y.kind && x.value.toLowerCase() === y.value.toLowerCase();
}
