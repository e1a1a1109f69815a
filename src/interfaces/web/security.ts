/**
 * Who may talk to the console, and from where. The console is for the person who started it (and whoever they
 * share the printed URL with): a random access token in the URL becomes an HttpOnly cookie after the first visit,
 * and every request without it gets 401 — reads included, because the audit is sensitive. State-changing requests
 * also need a CSRF token (derived from the access token, given to the page in a meta tag) and, when the browser
 * sends an Origin, our own origin. The identity a browser picked is kept in a signed cookie.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const ACCESS_COOKIE = 'clerk_agent_access';
export const IDENTITY_COOKIE = 'clerk_agent_who';
export const CSRF_HEADER = 'x-csrf-token';

/** Headers on every response: no inline script, no framing, no sniffing, nothing cached. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export interface ConsoleSecrets {
  /** The access token printed in the URL. */
  token: string;
  csrfToken: string;
  /** Signs identity cookies. */
  signIdentity(key: string): string;
  /** The identity key from a signed cookie value, or undefined when forged. */
  readIdentity(value: string | undefined): string | undefined;
  /** Constant-time check of a presented access token. */
  accepts(presented: string | undefined): boolean;
}

export function createSecrets(token: string = randomBytes(24).toString('base64url')): ConsoleSecrets {
  const mac = (purpose: string, value: string) =>
    createHmac('sha256', token).update(`${purpose}\0${value}`).digest('base64url');
  const csrfToken = mac('csrf', 'console');
  const equal = (a: string, b: string) => {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  };
  return {
    token,
    csrfToken,
    signIdentity: (key) => `${Buffer.from(key).toString('base64url')}.${mac('who', key)}`,
    readIdentity(value) {
      if (!value) return undefined;
      const [encoded, sig] = value.split('.');
      if (!encoded || !sig) return undefined;
      const key = Buffer.from(encoded, 'base64url').toString('utf8');
      return equal(sig, mac('who', key)) ? key : undefined;
    },
    accepts: (presented) => presented !== undefined && equal(presented, token),
  };
}

/** True when the Origin header (if any) is this server's own origin. */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    const o = new URL(origin);
    return o.protocol === 'http:' && o.host === host;
  } catch {
    return false;
  }
}

/** Only loopback Host headers: a page on a rebinding domain never reaches the API. */
export function loopbackHost(host: string | undefined): boolean {
  return /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host ?? '');
}
