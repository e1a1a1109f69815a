/**
 * Action lookup by name. Map-backed because the model chooses the name: `__proto__`, `constructor` or `toString`
 * must resolve to "unknown action", never to something inherited from Object.prototype.
 */
import type { Action } from './define-action.js';
import { allActions } from './index.js';

/** Read-only view of the available actions. */
export interface Registry {
  /** Every action, in registration (DESIGN) order. */
  list(): readonly Action[];
  /** The action with exactly this name, or undefined. */
  get(name: string): Action | undefined;
  /** Resource groups in first-seen order, e.g. `['users', 'organizations', …]`. */
  resources(): string[];
}

/** Builds a registry; throws on duplicate or malformed names (a programming error, caught by tests). */
export function createRegistry(actions: readonly Action[] = allActions): Registry {
  const byName = new Map<string, Action>();
  for (const action of actions) {
    if (!/^[a-z0-9_]+$/.test(action.name)) throw new Error(`Action name "${action.name}" must match ^[a-z0-9_]+$.`);
    if (byName.has(action.name)) throw new Error(`Duplicate action name "${action.name}".`);
    byName.set(action.name, action);
  }
  const listed = Object.freeze([...actions]);
  const resources = [...new Set(actions.map((a) => a.resource))];
  return {
    list: () => listed,
    get: (name) => (typeof name === 'string' ? byName.get(name) : undefined),
    resources: () => [...resources],
  };
}
