/**
 * The tool-result envelope (owners.md): every tool message the model reads is one of these, as JSON text.
 * Builders here are the only place that shapes them, so the offline model and the evals can rely on the fields.
 */
import { ClerkApiError, ClerkNetworkError, InvalidArgumentError } from '../clerk/errors.js';
import type { ToolMessage } from '../llm/model.js';
import { redact, redactDeep } from '../util/secrets.js';

/** `outcome_unknown`: a write was sent but its reply was lost and no read could settle it; never to be retried. */
export type ToolErrorKind = 'clerk' | 'invalid_args' | 'unknown_action' | 'network' | 'internal' | 'outcome_unknown';

export interface ToolError {
  kind: ToolErrorKind;
  status?: number;
  code?: string;
  message: string;
}

export type ToolResult =
  | { ok: true; result: unknown }
  | { ok: true; dry_run: true; message: string }
  | { ok: false; error: ToolError }
  | { ok: false; denied: true; reason: string; message: string }
  | { ok: false; skipped: true; message: string }
  | { ok: true; noop: true; message: string };

/** A successful call: `result` is already compacted. */
export function okResult(result: unknown): ToolResult {
  return { ok: true, result };
}

/** A call that did not succeed for a reason the model can act on. */
export function errorResult(
  kind: ToolErrorKind,
  message: string,
  extra: { status?: number; code?: string } = {},
): ToolResult {
  return { ok: false, error: { kind, ...extra, message } };
}

/** The human said no (or gave no yes). */
export function deniedResult(reason: string): ToolResult {
  return {
    ok: false,
    denied: true,
    reason,
    message:
      'The human denied this call. It was not executed. Do not retry it or substitute another change; tell the user.',
  };
}

/** A call that threw (Clerk error, network, bug): the error as the model should read it. */
export function failedResult(error: unknown): ToolResult {
  return { ok: false, error: toolErrorFrom(error) };
}

/** Not run: cancelled, or over the per-step cap. */
export function skippedResult(message: string): ToolResult {
  return { ok: false, skipped: true, message };
}

/** The current state already is what the call asks for: nothing was asked or sent. */
export function noopResult(reason: string): ToolResult {
  return {
    ok: true,
    noop: true,
    message: `${reason}. Not sent to Clerk and no approval asked: it is already so. Do not retry it; tell the user.`,
  };
}

/** Dry-run mode: previewed, never executed. */
export function dryRunResult(): ToolResult {
  return { ok: true, dry_run: true, message: 'Dry run: not executed.' };
}

/** Maps an exception thrown by the Clerk client (or anything else) to the envelope's error part. */
function toolErrorFrom(error: unknown): ToolError {
  if (error instanceof ClerkApiError) {
    const message =
      error.longMessage && error.longMessage !== error.message
        ? `${error.message}: ${error.longMessage}`
        : error.message;
    return {
      kind: 'clerk',
      status: error.status,
      ...(error.code ? { code: error.code } : {}),
      message: redact(message),
    };
  }
  if (error instanceof ClerkNetworkError) return { kind: 'network', message: redact(error.message) };
  if (error instanceof InvalidArgumentError) return { kind: 'invalid_args', message: redact(error.message) };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'internal', message: redact(message) };
}

/**
 * The tool message for one call: the envelope as JSON text, secrets scrubbed. The values are scrubbed before they
 * become JSON: in JSON text a key after a newline reads `\nsk_live_…`, where the `n` hides the word boundary the
 * patterns need; scrubbing the values also masks secret-named fields (password, signing_key).
 */
export function toToolMessage(callId: string, result: ToolResult): ToolMessage {
  return { role: 'tool', toolCallId: callId, content: redact(JSON.stringify(redactDeep(result))) };
}

/** A one-line description of a failed envelope, for events and summaries. */
export function describeFailure(result: ToolResult): string | undefined {
  if (result.ok) return undefined;
  if ('error' in result) {
    const status = result.error.status ? ` ${result.error.status}` : '';
    return `${result.error.kind}${status}: ${result.error.message}`;
  }
  return 'denied' in result ? `denied: ${result.reason}` : result.message;
}
