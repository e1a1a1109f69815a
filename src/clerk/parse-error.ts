/**
 * Turning a non-2xx response into a ClerkApiError: Clerk's envelope `{errors:[…], clerk_trace_id}` when present,
 * a readable fallback when the body is not JSON, and fixed advice for auth failures and rate limits.
 */
import { ClerkApiError, type ClerkErrorDetail } from './errors.js';
import { redact } from '../util/secrets.js';

/** What the error needs to know about the request (never the key itself, except to scrub it). */
export interface ErrorContext {
  method: string;
  path: string;
  secrets: readonly string[];
  retryAfterMs?: number;
}

// Codes that mean "your key is not accepted"; other 403s (quota, primary domain, feature off) keep Clerk's words.
const AUTH_CODES = new Set([
  'authentication_invalid',
  'clerk_key_invalid',
  'authorization_header_format_invalid',
  'authorization_invalid',
]);

const AUTH_MESSAGE = 'the secret key is wrong, expired or lacks access: check CLERK_SECRET_KEY';

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Read Clerk's `errors` array, or undefined when the body is not Clerk's envelope. */
function envelopeErrors(body: unknown): ClerkErrorDetail[] | undefined {
  const errors = asRecord(body)?.['errors'];
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  return errors.map((raw) => {
    const e = asRecord(raw) ?? {};
    const meta = asRecord(e['meta']);
    return {
      code: str(e['code']) ?? 'unknown_error',
      message: str(e['message']) ?? str(e['long_message']) ?? 'error',
      ...(str(e['long_message']) ? { longMessage: str(e['long_message']) } : {}),
      ...(meta ? { meta } : {}),
    };
  });
}

/** A short, single-line excerpt of a non-JSON body (HTML pages are not quoted). */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '' || line.startsWith('<')) return '';
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

/** Build the ClerkApiError for one non-2xx response from its status, headers and raw body text. */
export function errorFromResponse(
  status: number,
  statusText: string,
  headers: Headers,
  text: string,
  ctx: ErrorContext,
): ClerkApiError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const details = envelopeErrors(parsed);
  const first = details?.[0];
  const traceId = str(asRecord(parsed)?.['clerk_trace_id']) ?? headers.get('cf-ray') ?? undefined;
  const where = `${ctx.method} ${ctx.path}`;
  const retryAfterSeconds = ctx.retryAfterMs === undefined ? undefined : Math.ceil(ctx.retryAfterMs / 1000);

  let code = first?.code ?? `http_${status}`;
  let message: string;
  if (status === 401 || (status === 403 && (!first || AUTH_CODES.has(first.code)))) {
    message = AUTH_MESSAGE;
  } else if (status === 429) {
    code = first?.code ?? 'too_many_requests';
    message = `rate limited by Clerk; retry after ${retryAfterSeconds ?? 'a few'} s`;
  } else if (details) {
    message = details.map((d) => d.longMessage ?? d.message).join('; ');
  } else {
    const quote = excerpt(text);
    message = `Clerk answered HTTP ${status}${statusText ? ` ${statusText}` : ''} with no Clerk error body for ${where}${quote ? `: ${quote}` : ''}`;
  }

  const scrub = (s: string) => redact(s, ctx.secrets);
  return new ClerkApiError({
    status,
    code,
    message: scrub(message),
    ...(first?.longMessage ? { longMessage: scrub(first.longMessage) } : {}),
    ...(traceId ? { traceId } : {}),
    method: ctx.method,
    path: scrub(ctx.path),
    ...(first?.meta ? { meta: first.meta } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    errors: (details ?? []).map((d) => ({
      ...d,
      message: scrub(d.message),
      ...(d.longMessage ? { longMessage: scrub(d.longMessage) } : {}),
    })),
  });
}
