/**
 * A fetch wrapper that rewrites every error body into the one shape the openai SDK reads
 * (`{"error":{"message":…}}`), so the server's own sentence reaches the user whatever shape it came in
 * (see error-body.ts). A 200 that is an HTML page (a captive portal, a proxy login) becomes a 502 the SDK does not
 * retry. Bodies are read with a size cap; the request's deadline signal still bounds the read.
 */
import { describeErrorBody } from './error-body.js';

const MAX_ERROR_BODY = 64 * 1024;

export function normalizeErrorBodies(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const type = response.headers.get('content-type');
    const htmlOk = response.ok && /html/i.test(type ?? '');
    if (response.ok && !htmlOk) return response;
    const text = await readCapped(response, MAX_ERROR_BODY);
    const { message } = describeErrorBody(text, type);
    const headers = new Headers(response.headers);
    headers.set('content-type', 'application/json');
    headers.delete('content-length');
    headers.delete('content-encoding');
    if (htmlOk) headers.set('x-should-retry', 'false');
    const status = htmlOk ? 502 : response.status;
    const fallback = `${response.status} ${response.statusText}`.trim();
    return new Response(JSON.stringify({ error: { message: message || `${fallback} (no body)` } }), {
      status,
      statusText: htmlOk ? 'Bad Gateway' : response.statusText,
      headers,
    });
  };
}

/** The body as text, at most `max` bytes (the rest is dropped and the stream cancelled). */
async function readCapped(response: Response, max: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}
