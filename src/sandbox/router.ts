/**
 * Route table matching for paths relative to /v1. Patterns use the spec's `{param}` placeholders; a literal
 * segment beats a placeholder (`/users/count` before `/users/{user_id}`). A path that exists under another method
 * is a 405 with `Allow`; a path that matches nothing is a 404, both in Clerk's envelope.
 */
import { clerkError, ClerkHttpError } from './errors.js';
import type { Store } from './store.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What a route handler receives. */
export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body (`{}` when empty). Throws 400 request_body_invalid when it is not a JSON object. */
  json(): Record<string, unknown>;
  store: Store;
  /** The Clerk API version in effect for this request. */
  apiVersion: string;
}

/** One endpoint. The handler returns the JSON value to send with 200, or throws ClerkHttpError. */
export interface Route {
  method: Method;
  pattern: string;
  handle(ctx: RouteContext): unknown;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
  /** Count of literal segments: more literals win when two patterns match. */
  literals: number;
}

/** A match: the route and its decoded path params. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Matches paths against a fixed route table. */
export interface Router {
  /** The route for this method and path, or throws 404/405 in Clerk's envelope. */
  match(method: string, path: string): RouteMatch;
}

function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  let params: Record<string, string> | undefined;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const part = parts[i]!;
    if (seg.charCodeAt(0) === 123 /* { */) {
      if (part === '') return undefined;
      let value: string;
      try {
        value = decodeURIComponent(part);
      } catch {
        return undefined;
      }
      (params ??= {})[seg.slice(1, -1)] = value;
    } else if (seg !== part) {
      return undefined;
    }
  }
  return params ?? {};
}

/** Build a router over `routes`. */
export function createRouter(routes: readonly Route[]): Router {
  const compiled: CompiledRoute[] = routes.map((route) => {
    const segments = splitPath(route.pattern);
    return { route, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
  });
  // Most specific first, so a literal segment wins over a placeholder.
  compiled.sort((a, b) => b.literals - a.literals);

  return {
    match(method, path) {
      const parts = splitPath(path);
      const allowed = new Set<string>();
      for (const c of compiled) {
        const params = matchSegments(c.segments, parts);
        if (params === undefined) continue;
        if (c.route.method === method) return { route: c.route, params };
        allowed.add(c.route.method);
      }
      if (allowed.size > 0) {
        const allow = [...allowed].sort().join(', ');
        const err = clerkError(
          405,
          'method_not_allowed',
          'Method not allowed',
          `${method} is not allowed on /v1${path}. Allowed: ${allow}.`,
        );
        throw new ClerkHttpError(405, err.errors, { Allow: allow });
      }
      throw clerkError(
        404,
        'resource_not_found',
        'not found',
        `Resource not found: no Backend API endpoint matches ${method} /v1${path}.`,
      );
    },
  };
}
