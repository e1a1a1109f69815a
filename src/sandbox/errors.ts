/**
 * Clerk's error envelope `{errors:[{code,message,long_message,meta}], clerk_trace_id}` and the codes the sandbox
 * uses, taken from Clerk's error catalog (REFERENCE.md §6). Route code throws `ClerkHttpError`; the handler turns it
 * into a response. Throwing before any mutation is what keeps state unchanged on bad input.
 */

/** One entry of Clerk's `errors` array. */
export interface ClerkErrorEntry {
  code: string;
  message: string;
  long_message: string;
  meta?: Record<string, unknown>;
}

/** An error response to send: status, Clerk error entries, and optional headers (e.g. Retry-After, Allow). */
export class ClerkHttpError extends Error {
  readonly status: number;
  readonly errors: ClerkErrorEntry[];
  readonly headers: Record<string, string>;
  constructor(status: number, errors: ClerkErrorEntry[], headers: Record<string, string> = {}) {
    super(errors.map((e) => e.long_message).join('; '));
    this.name = 'ClerkHttpError';
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

function entry(code: string, message: string, longMessage: string, meta?: Record<string, unknown>): ClerkErrorEntry {
  return meta === undefined
    ? { code, message, long_message: longMessage }
    : { code, message, long_message: longMessage, meta };
}

/** Build a one-entry error. */
export function clerkError(
  status: number,
  code: string,
  message: string,
  longMessage: string,
  meta?: Record<string, unknown>,
): ClerkHttpError {
  return new ClerkHttpError(status, [entry(code, message, longMessage, meta)]);
}

/** 404 resource_not_found for an id of a given kind (catalog texts where they exist). */
export function notFound(
  kind: 'user' | 'organization' | 'session' | 'invitation' | 'identifier' | 'jwt_template' | 'resource',
  id?: string,
): ClerkHttpError {
  switch (kind) {
    case 'user':
      return clerkError(404, 'resource_not_found', 'not found', `No user was found with id ${id}`);
    case 'organization':
      return clerkError(
        404,
        'resource_not_found',
        'not found',
        `Given organization not found.`,
        id ? { organization_id: id } : undefined,
      );
    case 'session':
      return clerkError(404, 'resource_not_found', 'Session not found', `No session was found with id ${id}`);
    case 'invitation':
      return clerkError(404, 'resource_not_found', 'not found', `No invitation was found with id ${id}.`);
    case 'identifier':
      return clerkError(404, 'resource_not_found', 'Identifier not found', `No identifier was found with id ${id}`);
    case 'jwt_template':
      return clerkError(404, 'resource_not_found', 'JWT template not found', `No JWT template exists with id: ${id}`);
    default:
      return clerkError(
        404,
        'resource_not_found',
        'not found',
        id ? `Resource not found: no resource was found with id ${id}` : 'Resource not found',
      );
  }
}

/** Entry for a required body or query parameter that is absent. */
export function paramMissing(name: string): ClerkErrorEntry {
  return entry('form_param_missing', 'is missing', `${name} must be included.`, { param_name: name });
}

/** Entry for a parameter the endpoint does not accept. */
export function paramUnknown(name: string, hint?: string): ClerkErrorEntry {
  const long = `${name} is not a valid parameter for this request.` + (hint ? ` ${hint}` : '');
  return entry('form_param_unknown', 'is unknown', long, { param_name: name });
}

/** Entry for a value of the wrong JSON type or outside the allowed set/range. */
export function paramValueInvalid(name: string, longMessage: string): ClerkErrorEntry {
  return entry('form_param_value_invalid', 'is invalid', longMessage, { param_name: name });
}

/** Entry for a value whose format is wrong (email, phone, URL, date…). */
export function paramFormatInvalid(name: string, longMessage: string): ClerkErrorEntry {
  return entry('form_param_format_invalid', 'is invalid', longMessage, { param_name: name });
}

/** Entry for an identifier (email, username, external_id, slug…) that another record already uses. */
export function identifierExists(name: string, longMessage: string): ClerkErrorEntry {
  return entry('form_identifier_exists', longMessage, longMessage, { param_name: name });
}

/** Entry for a too-long string. */
export function maxLengthExceeded(name: string, max: number): ClerkErrorEntry {
  return entry(
    'form_param_max_length_exceeded',
    'exceeds maximum length',
    `${name} should not exceed ${max} characters.`,
    { param_name: name },
  );
}

/** 400 for a body that is not a JSON object. */
export function bodyInvalid(detail: string): ClerkHttpError {
  return clerkError(
    400,
    'request_body_invalid',
    'Request body invalid',
    `The request body is invalid: ${detail}. Send a JSON object (Content-Type: application/json).`,
  );
}

/** 500 as Clerk words it. */
export function internalError(): ClerkHttpError {
  return clerkError(
    500,
    'internal_clerk_error',
    'Oops, an unexpected error occurred',
    "There was an internal error on our servers. We've been notified and are working on fixing it.",
  );
}

let traceCounter = 0;

/** A trace id for the envelope (the JS SDK reads `clerk_trace_id`). */
export function nextTraceId(): string {
  traceCounter = (traceCounter + 1) % 0x7fffffff;
  return 'sandbox-' + (Date.now() % 1e10).toString(16) + '-' + traceCounter.toString(16).padStart(6, '0');
}

/** The JSON body Clerk sends with an error status. */
export function errorBody(errors: ClerkErrorEntry[]): string {
  return JSON.stringify({ errors, meta: {}, clerk_trace_id: nextTraceId() });
}

/** Largest request body the sandbox reads (Clerk documents none; 1 MiB is far above any real Backend API body). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** 413 for a body over MAX_BODY_BYTES (Clerk's envelope; the code is the sandbox's choice, Clerk's is unverified). */
export function bodyTooLarge(bytes: number | undefined): ClerkHttpError {
  return clerkError(
    413,
    'request_body_too_large',
    'Request body too large',
    `The request body${bytes === undefined ? '' : ` (${bytes} bytes)`} exceeds the sandbox's limit of ${MAX_BODY_BYTES} bytes.`,
  );
}

/** 500 for a mutation that could not be made durable: nothing was changed. */
export function notSaved(detail: string): ClerkHttpError {
  return clerkError(
    500,
    'internal_clerk_error',
    'Oops, an unexpected error occurred',
    `The sandbox could not save this change (${detail}); nothing was changed. Free disk space or check the sandbox folder, then retry.`,
  );
}

/** 503 while the sandbox cannot accept changes (recovering from a failed save, or its journal is unusable). */
export function notAcceptingChanges(detail: string): ClerkHttpError {
  return clerkError(
    503,
    'service_unavailable',
    'Service unavailable',
    `The sandbox is not accepting changes: ${detail}`,
  );
}
