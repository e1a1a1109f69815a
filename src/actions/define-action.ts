/**
 * The shape of one Clerk action. Action files are pure declarations: they import nothing of ours but this file
 * and zod, and never perform I/O.
 */
import type { z } from 'zod';

/** How dangerous a call is. `read` never asks; `write` and `destructive` always pause for a human yes. */
export type Risk = 'read' | 'write' | 'destructive';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Facts a preview may use to name things instead of showing bare ids (filled in by the agent with reads). */
export interface PreviewContext {
  /** Human labels for ids mentioned in the args, e.g. `{ user_abc: 'Jane Doe <jane@example.com>' }`. */
  labels?: Record<string, string>;
}

/**
 * How the Clerk client executes an action whose real API is not a single plain request.
 * - `plain` (default): one request to `method path`.
 * - `pick_from_list`: no GET-one endpoint exists; call `GET listPath` (with `listQuery` built from args), then
 *   return the item whose `matchField` equals `args[argName]`, or a Clerk-style 404.
 * - `split_metadata`: a PATCH whose metadata fields (`metadataFields`) must go to `PATCH {path}/metadata`
 *   (API 2026-05-12 rejects metadata on the plain PATCH); other fields go to the plain PATCH.
 */
export type ExecutionPlan =
  | { kind: 'plain' }
  | { kind: 'pick_from_list'; listPath: string; listQuery: Record<string, string>; matchField: string; argName: string }
  | { kind: 'split_metadata'; metadataFields: readonly string[] };

/** One Clerk Backend API action, as the model and the gate see it. */
export interface Action<P extends z.ZodObject = z.ZodObject> {
  /** Public name, e.g. `clerk_user_ban`. Part of the public interface: never rename. */
  readonly name: string;
  /** Resource group, e.g. `users`, `organizations` (used by `/tools users` and docs). */
  readonly resource: string;
  /** Written for the model: what it does, when to use it, what it returns. Keep it short: it costs tokens. */
  readonly description: string;
  readonly method: HttpMethod;
  /** Real path relative to the base URL with `{param}` placeholders, e.g. `/users/{user_id}/ban`. */
  readonly path: string;
  /** Flat parameters: path + query + body in one object. Every `{param}` in `path` is a required field here. */
  readonly params: P;
  /** For non-GET actions: which params go in the query string (the rest that are not path params go in the body). */
  readonly queryParams?: readonly string[];
  readonly risk: Risk;
  readonly execution?: ExecutionPlan;
  /** Plain words for the approval card: what this call will do. Must not throw for any args the schema accepts. */
  preview(args: z.infer<P>, ctx?: PreviewContext): string;
}

/** Identity helper that keeps the params type for `preview`. */
export function defineAction<P extends z.ZodObject>(action: Action<P>): Action<P> {
  return action;
}

/** Path params of an action, in order, e.g. `['organization_id', 'user_id']`. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!);
}
