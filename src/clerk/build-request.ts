/**
 * Turning an action and its flat args into one HTTP request: path params into the path, the rest into the query
 * (GET, DELETE, or names in `action.queryParams`) or the JSON body (other methods).
 */
import { pathParams, type Action, type HttpMethod } from '../actions/define-action.js';
import { InvalidArgumentError } from './errors.js';
import { fillPath } from './path-params.js';

/** One request, ready for the transport. `body` is undefined when there is nothing to send. */
export interface RequestParts {
  method: HttpMethod;
  path: string;
  query: Record<string, unknown>;
  body?: Record<string, unknown>;
}

const present = (v: unknown) => v !== undefined && v !== null;

/** Split flat args into path / query / body for a plain request to `action.method action.path`. */
export function buildRequest(action: Action, args: Record<string, unknown>): RequestParts {
  const inPath = new Set(pathParams(action.path));
  const inQuery = new Set(action.queryParams ?? []);
  const queryOnly = action.method === 'GET' || action.method === 'DELETE';
  const query: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (inPath.has(key) || !present(value)) continue;
    if (queryOnly || inQuery.has(key)) query[key] = value;
    else body[key] = value;
  }
  const path = fillPath(action.path, args);
  return { method: action.method, path, query, ...(Object.keys(body).length > 0 ? { body } : {}) };
}

/** A number as plain decimal text (never `1e+21` or `1e-7`). */
function decimal(name: string, n: number): string {
  if (!Number.isFinite(n)) throw new InvalidArgumentError(name, `${name} must be a finite number, got ${n}`);
  const text = String(n);
  return /e/i.test(text) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

function scalar(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return decimal(name, value);
  if (typeof value === 'bigint') return value.toString();
  // Clerk has no object-valued query params; JSON keeps the value readable if one ever appears.
  return JSON.stringify(value);
}

/** Encode a query object: arrays repeat the key (`a=1&a=2`, Clerk's form/explode style); null/undefined are dropped. */
export function encodeQuery(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (!present(value)) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (present(item)) params.append(key, scalar(key, item));
    } else {
      params.append(key, scalar(key, value));
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
