/**
 * Errors the Clerk client throws. Every message is safe to print: it never contains the secret key.
 * (Constructors scrub anything shaped like `sk_…` as a last line of defence.)
 * Each class carries a `kind` matching the tool-result envelope (`clerk` | `network` | `invalid_args`).
 */
import { redact } from '../util/secrets.js';

/** One entry of Clerk's `errors` array, in our casing. */
export interface ClerkErrorDetail {
  code: string;
  message: string;
  longMessage?: string;
  meta?: Record<string, unknown>;
}

/** Fields of a ClerkApiError. */
export interface ClerkApiErrorInit {
  status: number;
  code: string;
  message: string;
  longMessage?: string;
  traceId?: string;
  method: string;
  path: string;
  meta?: Record<string, unknown>;
  retryAfterSeconds?: number;
  errors?: ClerkErrorDetail[];
}

/** A non-2xx answer from Clerk, or a Clerk-shaped one the client makes itself (e.g. a pick_from_list miss). */
export class ClerkApiError extends Error {
  readonly kind = 'clerk' as const;
  readonly status: number;
  /** Clerk's error code, e.g. `resource_not_found`, `form_param_missing`. */
  readonly code: string;
  readonly longMessage?: string;
  readonly traceId?: string;
  readonly method: string;
  /** Request path relative to the base URL, without the query string. */
  readonly path: string;
  readonly meta?: Record<string, unknown>;
  /** From `Retry-After` on a 429, when Clerk sent one. */
  readonly retryAfterSeconds?: number;
  /** Every error Clerk listed (the first one gives `code` and `meta`). */
  readonly errors: ClerkErrorDetail[];

  constructor(init: ClerkApiErrorInit) {
    super(redact(init.message));
    this.name = 'ClerkApiError';
    this.status = init.status;
    this.code = init.code;
    this.longMessage = init.longMessage === undefined ? undefined : redact(init.longMessage);
    this.traceId = init.traceId;
    this.method = init.method;
    this.path = redact(init.path);
    this.meta = init.meta;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.errors = (init.errors ?? []).map((e) => ({
      ...e,
      message: redact(e.message),
      ...(e.longMessage === undefined ? {} : { longMessage: redact(e.longMessage) }),
    }));
  }
}

/** Clerk could not be reached: connection refused, DNS failure, TLS failure or timeout. Names the base URL. */
export class ClerkNetworkError extends Error {
  readonly kind = 'network' as const;
  readonly reason: 'timeout' | 'connection';
  readonly baseUrl: string;
  readonly method: string;
  readonly path: string;
  /**
   * False only when the request cannot have reached Clerk (connection refused, unknown host, TLS refused). A write
   * that failed with `maybeSent` true may have been done: its outcome is unknown until a read checks it.
   */
  readonly maybeSent: boolean;

  constructor(init: {
    reason: 'timeout' | 'connection';
    baseUrl: string;
    method: string;
    path: string;
    message: string;
    maybeSent?: boolean;
    cause?: unknown;
  }) {
    super(redact(init.message), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ClerkNetworkError';
    this.reason = init.reason;
    this.baseUrl = init.baseUrl;
    this.method = init.method;
    this.path = redact(init.path);
    this.maybeSent = init.maybeSent ?? true;
  }
}

/** The client refused the arguments before sending anything (e.g. a path id that could change the path). */
export class InvalidArgumentError extends Error {
  readonly kind = 'invalid_args' as const;
  readonly code = 'invalid_argument' as const;
  /** The parameter at fault. */
  readonly param: string;

  constructor(param: string, message: string) {
    super(redact(message));
    this.name = 'InvalidArgumentError';
    this.param = param;
  }
}
