/** Test helpers: a demo sandbox on a fixed clock and a one-line JSON call. */
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';

/** Fixed clock for every test: 2026-11-20T10:00:00Z. */
export const NOW = Date.UTC(2026, 10, 20, 10, 0, 0);
export const DAY = 86_400_000;

/** A demo (or empty) sandbox on the fixed clock, in memory. */
export function demo(seed: 'demo' | 'empty' = 'demo'): Sandbox {
  return createSandbox({ seed, now: () => NOW });
}

/** Result of `call`. */
export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Call the sandbox with the test key; `body` objects are sent as JSON, strings as-is. */
export async function call<T = any>(
  sb: Sandbox,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<CallResult<T>> {
  const init: RequestInit = {
    method,
    headers: { authorization: `Bearer ${sb.secretKey}`, 'content-type': 'application/json', ...headers },
  };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await sb.fetch(`http://sandbox.local/v1${path}`, init);
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers: res.headers };
}

/** First error code of a Clerk error body. */
export function code(result: CallResult): string | undefined {
  return result.body?.errors?.[0]?.code;
}

/** The `meta.param_name` of every error entry. */
export function params(result: CallResult): string[] {
  return (result.body?.errors ?? []).map((e: { meta?: { param_name?: string } }) => e.meta?.param_name ?? '');
}
