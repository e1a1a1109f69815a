/**
 * Path parameters: every `{x}` in an action's path is filled from the args, escaped, and refused outright when
 * the value could change which resource the request reaches (`..`, `/`, `%2F`, `?`, `#`, …).
 */
import { pathParams } from '../actions/define-action.js';
import { InvalidArgumentError } from './errors.js';
import { redact } from '../util/secrets.js';

// Characters (or encoded forms) that could add a segment, end the path, or confuse a proxy.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\?#\u0000-\u001f\u007f]|%2f|%5c/i;

function shown(value: string): string {
  const text = JSON.stringify(redact(value));
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

/** Check one path value and return it escaped for the URL. Throws InvalidArgumentError naming the param. */
export function encodePathParam(name: string, value: unknown): string {
  if (value === undefined || value === null) {
    throw new InvalidArgumentError(name, `${name} is required: it is part of the request path`);
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new InvalidArgumentError(
      name,
      `${name} must be a string id, got ${Array.isArray(value) ? 'array' : typeof value}`,
    );
  }
  const text = String(value);
  if (text === '' || text === '.' || text === '..' || UNSAFE.test(text)) {
    throw new InvalidArgumentError(
      name,
      `${name} ${shown(text)} is not a valid id: it must be non-empty, not "." or "..", and contain no "/", "\\", "?", "#", "%2F", "%5C" or control characters`,
    );
  }
  return encodeURIComponent(text);
}

/** Fill `{param}` placeholders of a path template from args (validated and escaped). */
export function fillPath(template: string, args: Record<string, unknown>): string {
  let path = template;
  for (const name of pathParams(template)) {
    path = path.replace(`{${name}}`, encodePathParam(name, args[name]));
  }
  return path;
}

/**
 * Check a concrete path given to the low-level `request()`: it must start with `/` and contain no dot segments,
 * query, fragment, backslash or control characters (ids inside it should already be escaped).
 */
export function checkConcretePath(path: string): string {
  const bad =
    !path.startsWith('/') ||
    path.includes('//') ||
    // eslint-disable-next-line no-control-regex
    /[\\?#\u0000-\u001f\u007f]/.test(path) ||
    path.split('/').some((segment) => segment === '.' || segment === '..' || /^(%2e|\.){1,2}$/i.test(segment));
  if (bad) {
    throw new InvalidArgumentError(
      'path',
      `path ${shown(path)} is not a valid Clerk API path: it must start with "/" and contain no ".." or empty segments, "?", "#", "\\" or control characters (pass the query separately)`,
    );
  }
  return path;
}
