/**
 * Actions whose real API is not one plain request (see ExecutionPlan in define-action.ts):
 * `pick_from_list` (no GET-one endpoint) and `split_metadata` (2026-05-12 rejects metadata on the plain PATCH).
 */
import { pathParams, type Action, type ExecutionPlan } from '../actions/define-action.js';
import { buildRequest, type RequestParts } from './build-request.js';
import { ClerkApiError, InvalidArgumentError } from './errors.js';
import { fillPath } from './path-params.js';
import type { Send } from './transport.js';

type PickPlan = Extract<ExecutionPlan, { kind: 'pick_from_list' }>;
type SplitPlan = Extract<ExecutionPlan, { kind: 'split_metadata' }>;

/** The value at a dotted path such as `public_user_data.user_id`. */
export function dotted(value: unknown, field: string): unknown {
  let current: unknown = value;
  for (const key of field.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** GET the list, then return the element whose `matchField` equals `args[argName]`, or a Clerk-style 404. */
export async function pickFromList(
  send: Send,
  action: Action,
  plan: PickPlan,
  args: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<unknown> {
  const { path, query } = planPick(action, plan, args);
  const wanted = args[plan.argName];
  const list = await send({ method: 'GET', path, query, ...(signal ? { signal } : {}) });
  const items = Array.isArray(list) ? list : (list as { data?: unknown } | null)?.data;
  const found = Array.isArray(items) ? items.find((item) => dotted(item, plan.matchField) === wanted) : undefined;
  if (found !== undefined) return found;
  const longMessage = `No ${action.resource} item was found with ${plan.argName} ${String(wanted)}`;
  throw new ClerkApiError({
    status: 404,
    code: 'resource_not_found',
    message: longMessage,
    longMessage,
    method: 'GET',
    path,
    meta: { param_name: plan.argName },
    errors: [{ code: 'resource_not_found', message: 'not found', longMessage, meta: { param_name: plan.argName } }],
  });
}

/**
 * Every request `action` with `args` will send, in order (the approval card shows exactly these). The client sends
 * what this returns: `plain` is `buildRequest`, `split_metadata` is the plain PATCH (when plain fields are set)
 * then the metadata PATCH (when metadata is set), `pick_from_list` is the list GET. Throws InvalidArgumentError
 * when no request can be built (a bad path id, nothing to change).
 */
export function planRequests(action: Action, args: Record<string, unknown>): RequestParts[] {
  const plan = action.execution ?? { kind: 'plain' };
  switch (plan.kind) {
    case 'plain':
      return [buildRequest(action, args)];
    case 'split_metadata':
      return planSplit(action, plan, args);
    case 'pick_from_list':
      return [planPick(action, plan, args)];
    default: {
      const unknown: never = plan;
      throw new Error(`unknown execution plan ${JSON.stringify(unknown)} on ${action.name}`);
    }
  }
}

function planPick(action: Action, plan: PickPlan, args: Record<string, unknown>): RequestParts {
  // The declared path's ids are checked too, so a bad id is refused the same way whatever the plan.
  fillPath(action.path, args);
  const wanted = args[plan.argName];
  if (wanted === undefined || wanted === null || wanted === '') {
    throw new InvalidArgumentError(plan.argName, `${plan.argName} is required to find the ${action.resource} item`);
  }
  const query: Record<string, unknown> = {};
  for (const [key, argName] of Object.entries(plan.listQuery)) {
    if (args[argName] !== undefined && args[argName] !== null) query[key] = args[argName];
  }
  return { method: 'GET', path: fillPath(plan.listPath, args), query };
}

function planSplit(action: Action, plan: SplitPlan, args: Record<string, unknown>): RequestParts[] {
  const path = fillPath(action.path, args);
  const inPath = new Set(pathParams(action.path));
  const metadataNames = new Set(plan.metadataFields);
  const plain: Record<string, unknown> = {};
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (inPath.has(key) || value === undefined || value === null) continue;
    (metadataNames.has(key) ? metadata : plain)[key] = value;
  }
  const out: RequestParts[] = [];
  if (Object.keys(plain).length > 0) out.push({ method: action.method, path, query: {}, body: plain });
  if (Object.keys(metadata).length > 0)
    out.push({ method: action.method, path: `${path}/metadata`, query: {}, body: metadata });
  if (out.length === 0) {
    throw new InvalidArgumentError(
      action.name,
      `${action.name} needs at least one field to change besides ${[...inPath].join(', ')}`,
    );
  }
  return out;
}

/** PATCH the plain fields to `path` and the metadata fields to `path/metadata`; resolve with the last answer. */
export async function splitMetadata(
  send: Send,
  action: Action,
  plan: SplitPlan,
  args: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<unknown> {
  const requests = planSplit(action, plan, args);
  const extra = signal ? { signal } : {};
  let result: unknown;
  for (const [i, request] of requests.entries()) {
    try {
      result = await send({ ...request, ...extra });
    } catch (error) {
      // Say plainly that half of the change already happened, so the summary stays truthful.
      const first = requests[0]!;
      if (i > 0 && error instanceof Error) {
        error.message += ` (the other fields, ${Object.keys(first.body ?? {}).join(', ')}, were already updated by ${first.method} ${first.path})`;
      }
      throw error;
    }
  }
  return result;
}
