/**
 * The approval card's content: the action's own words with ids resolved to names, the HTTP method and resolved
 * path, a field diff for updates and the knock-on effects of deletes. Every read here is best effort: when one
 * fails the card still shows, with bare ids.
 */
import { pathParams, type Action } from '../actions/define-action.js';
import type { Registry } from '../actions/registry.js';
import type { ClerkReader } from './clerk-reader.js';
import { fetchCurrent } from './current-object.js';
import { isSecretField } from '../util/secrets.js';
import { canonicalJson } from './digest.js';
import { consequencesFor } from './preview-consequences.js';
import type { FieldChange, Preview } from './types.js';

export interface PreviewDeps {
  registry: Registry;
  reader: ClerkReader;
}

type Obj = Record<string, unknown>;

const USER_ID_KEYS = new Set(['user_id', 'created_by', 'inviter_user_id', 'requesting_user_id']);

/** Builds the preview for a validated mutating call. Never throws. */
export async function buildPreview(
  action: Action,
  args: Obj,
  deps: PreviewDeps,
  signal?: AbortSignal,
): Promise<Preview> {
  const current = await fetchCurrent(deps.registry, deps.reader, action, args, signal);
  const labels = await resolveLabels(args, deps, current, signal);
  const preview: Preview = {
    text: previewText(action, args, labels),
    method: action.method,
    path: resolvePath(action, args),
  };
  if (action.name.endsWith('_update')) {
    if (current) preview.diff = diffFields(action, args, current);
  }
  const consequences = await consequencesFor(action, args, { current, labels, reader: deps.reader, signal });
  if (action.name.endsWith('_update') && !current)
    consequences.push('The current values could not be read, so no diff is shown.');
  if (consequences.length > 0) preview.consequences = consequences;
  return preview;
}

/** The action's own sentence; falls back to name + args if a preview function misbehaves. */
function previewText(action: Action, args: Obj, labels: Record<string, string>): string {
  try {
    const text = action.preview(args as never, { labels });
    if (typeof text === 'string' && text.trim() !== '') return text;
  } catch {
    // A preview must not throw (define-action.ts), but the card matters more than the contract breach.
  }
  return `${action.name} ${JSON.stringify(args)}`;
}

/** `/users/{user_id}/ban` with the ids filled in (escaped as the client sends them). */
function resolvePath(action: Action, args: Obj): string {
  let path = action.path;
  for (const p of pathParams(action.path))
    path = path.replace(`{${p}}`, encodeURIComponent(String(args[p] ?? `{${p}}`)));
  return path;
}

/** Human labels for the user and organization ids in the args: "Jane Doe <jane@example.com>", "Acme Inc". */
async function resolveLabels(
  args: Obj,
  deps: PreviewDeps,
  current: Obj | undefined,
  signal?: AbortSignal,
): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const [key, value] of Object.entries(args)) {
    if (typeof value !== 'string') continue;
    if (USER_ID_KEYS.has(key) && value.startsWith('user_')) ids.add(value);
    if (key === 'organization_id') ids.add(value);
  }
  const labels: Record<string, string> = {};
  await Promise.all(
    [...ids].map(async (id) => {
      const object = current?.id === id ? current : await readById(id, deps, signal);
      const label = object ? labelOf(object) : undefined;
      if (label) labels[id] = label;
    }),
  );
  return labels;
}

async function readById(id: string, deps: PreviewDeps, signal?: AbortSignal): Promise<Obj | undefined> {
  const [name, args] = id.startsWith('user_')
    ? ['clerk_user_get', { user_id: id }]
    : ['clerk_organization_get', { organization_id: id }];
  const get = deps.registry.get(name as string);
  if (!get) return undefined;
  try {
    const value = await deps.reader.read(get, args as Obj, signal);
    return value !== null && typeof value === 'object' ? (value as Obj) : undefined;
  } catch {
    return undefined;
  }
}

/** "Jane Doe <jane@example.com>" for a user, the name for an organization. */
export function labelOf(object: Obj): string | undefined {
  if (object.object === 'organization') return typeof object.name === 'string' ? object.name : undefined;
  if (object.object !== 'user') return undefined;
  const name = [object.first_name, object.last_name].filter((p) => typeof p === 'string' && p).join(' ');
  const emails = Array.isArray(object.email_addresses) ? (object.email_addresses as Obj[]) : [];
  const primary = emails.find((e) => e.id === object.primary_email_address_id) ?? emails[0];
  const email = typeof primary?.email_address === 'string' ? primary.email_address : undefined;
  if (name && email) return `${name} <${email}>`;
  return name || email || (typeof object.username === 'string' ? object.username : undefined);
}

/** Field-by-field changes an update would make; metadata that Clerk deep-merges is compared key by key. */
function diffFields(action: Action, args: Obj, current: Obj): FieldChange[] {
  const skip = new Set([...pathParams(action.path), ...(action.queryParams ?? [])]);
  const merged = new Set(action.execution?.kind === 'split_metadata' ? action.execution.metadataFields : []);
  const changes: FieldChange[] = [];
  const push = (field: string, before: unknown, after: unknown) => {
    if (canonicalJson(before ?? null) === canonicalJson(after ?? null)) return;
    const hide = isSecretField(field.split('.').pop() ?? field);
    changes.push({ field, before: hide ? '(hidden)' : (before ?? null), after: hide ? '(hidden)' : after });
  };
  for (const [field, after] of Object.entries(args)) {
    if (skip.has(field)) continue;
    const before = current[field];
    if (merged.has(field) && isObj(after)) {
      const old = isObj(before) ? before : {};
      for (const [key, value] of Object.entries(after)) push(`${field}.${key}`, old[key], value);
    } else {
      push(field, before, after);
    }
  }
  return changes;
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
