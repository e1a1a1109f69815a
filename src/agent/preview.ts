/**
 * The approval card's content: the action's own words with ids resolved to names, every HTTP request the call will
 * send (from the same function that builds them for the client), a field diff for updates, the knock-on effects of
 * deletes, and whether the call would change nothing at all. Every read here is best effort: when one fails the
 * card still shows, with bare ids, and the call is asked for as usual.
 */
import type { Action } from '../actions/define-action.js';
import type { Registry } from '../actions/registry.js';
import { encodeQuery } from '../clerk/build-request.js';
import { planRequests } from '../clerk/execution-plans.js';
import type { ClerkReader } from './clerk-reader.js';
import { fetchCurrent } from './current-object.js';
import { consequencesFor } from './preview-consequences.js';
import { diffFields, type FieldDiff } from './preview-diff.js';
import { noopReason } from './preview-noop.js';
import type { Preview, RequestLine } from './types.js';

export interface PreviewDeps {
  registry: Registry;
  reader: ClerkReader;
}

/** A preview, plus the reason the call would change nothing (then it is neither asked for nor sent). */
export interface CallPreview {
  preview: Preview;
  noop?: string;
}

type Obj = Record<string, unknown>;

const USER_ID_KEYS = new Set(['user_id', 'created_by', 'inviter_user_id', 'requesting_user_id']);

/**
 * The requests `action` with `args` will send, as card lines. Throws InvalidArgumentError (before any read) when
 * no request can be built: such a call is refused to the model, never put to a human.
 */
export function requestLines(action: Action, args: Obj): RequestLine[] {
  return planRequests(action, args).map((r) => ({
    method: r.method,
    path: `${r.path}${encodeQuery(r.query)}`,
    ...(r.body ? { body: r.body } : {}),
  }));
}

/** The part of a card that follows from the action and its arguments alone (and the labels it names them with). */
export function boundCard(action: Action, args: Obj, labels: Record<string, string>) {
  const requests = requestLines(action, args);
  return { text: previewText(action, args, labels), method: requests[0]!.method, path: requests[0]!.path, requests };
}

/** Builds the preview for a validated mutating call. Throws only what `requestLines` throws. */
export async function buildPreview(
  action: Action,
  args: Obj,
  deps: PreviewDeps,
  signal?: AbortSignal,
): Promise<CallPreview> {
  const requests = requestLines(action, args);
  const current = await fetchCurrent(deps.registry, deps.reader, action, args, signal);
  const labels = await resolveLabels(args, deps, current, signal);
  const preview: Preview = { ...boundCard(action, args, labels), requests, labels };
  const isUpdate = action.name.endsWith('_update');
  const diff: FieldDiff | undefined = isUpdate && current ? diffFields(action, args, current) : undefined;
  if (diff) preview.diff = diff.changes;
  const facts = { current, labels, reader: deps.reader, signal };
  const noop = await noopReason(action, args, { ...facts, diff });
  const consequences = await consequencesFor(action, args, facts);
  if (isUpdate && !current) consequences.push('The current values could not be read, so no diff is shown.');
  if (consequences.length > 0) preview.consequences = consequences;
  return noop ? { preview, noop } : { preview };
}

/** The action's own sentence; falls back to name + args if a preview function misbehaves. */
export function previewText(action: Action, args: Obj, labels: Record<string, string>): string {
  try {
    const text = action.preview(args as never, { labels });
    if (typeof text === 'string' && text.trim() !== '') return text;
  } catch {
    // A preview must not throw (define-action.ts), but the card matters more than the contract breach.
  }
  return `${action.name} ${JSON.stringify(args)}`;
}

/** Human labels for the user and organization ids in the args: "Jane Doe <jane@example.com>", "Acme Inc". */
export async function resolveLabels(
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
