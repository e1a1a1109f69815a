/**
 * Reads the object a mutation targets ("before"), for update diffs, delete consequences and the audit.
 * By naming convention `clerk_<thing>_<verb>` is read by `clerk_<thing>_get` when the registry has it and the
 * args carry its ids. Failures yield undefined: a preview must never be blocked by a read.
 */
import type { Action } from '../actions/define-action.js';
import type { Registry } from '../actions/registry.js';
import type { ClerkReader } from './clerk-reader.js';

// `create` qualifies only where the get takes no id the create lacks (a membership: organization_id + user_id).
const VERB = /^(clerk_[a-z_]+?)_(create|update|delete|ban|unban|lock|unlock|revoke)$/;

/** The read action that fetches the target of `action`, if there is one. */
export function getActionFor(registry: Registry, action: Action): Action | undefined {
  const m = VERB.exec(action.name);
  const get = m ? registry.get(`${m[1]}_get`) : undefined;
  return get && get.risk === 'read' ? get : undefined;
}

/** The args of the mutation that the `_get` read takes (its ids), unparsed. */
export function getArgsFrom(get: Action, args: Record<string, unknown>): Record<string, unknown> {
  const getArgs: Record<string, unknown> = {};
  for (const key of Object.keys(get.params.shape)) if (args[key] !== undefined) getArgs[key] = args[key];
  return getArgs;
}

/** The current state of the object `action` would change, or undefined when it cannot be read. */
export async function fetchCurrent(
  registry: Registry,
  reader: ClerkReader,
  action: Action,
  args: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<Record<string, unknown> | undefined> {
  const get = getActionFor(registry, action);
  if (!get) return undefined;
  const getArgs = getArgsFrom(get, args);
  if ('include_members_count' in get.params.shape) getArgs.include_members_count = true;
  const parsed = get.params.safeParse(getArgs);
  if (!parsed.success) return undefined;
  try {
    const value = await reader.read(get, parsed.data as Record<string, unknown>, signal);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
