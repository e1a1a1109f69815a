/** An in-test fetch that records every request and answers from a script (last answer repeats). */

/** What the fake saw of one request. */
export interface RecordedRequest {
  method: string;
  url: URL;
  /** Raw path as sent (before any URL normalisation), without the query. */
  rawPath: string;
  headers: Headers;
  body: unknown;
}

/** A scripted answer: a response, a thrown error, or a function of the request. */
export type Reply = Response | Error | ((req: RecordedRequest) => Response | Promise<Response>);

/** JSON response helper. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A Clerk error envelope response. */
export function clerkError(
  status: number,
  code: string,
  message: string,
  longMessage: string,
  extra: Record<string, string> = {},
): Response {
  return json(
    { errors: [{ code, message, long_message: longMessage, meta: {} }], clerk_trace_id: 'trace_123' },
    status,
    extra,
  );
}

/** Create a fake fetch; `replies` are used in order and the last one repeats. */
export function createFakeFetch(...replies: Reply[]) {
  const requests: RecordedRequest[] = [];
  let index = 0;
  const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const afterHost = raw.replace(/^[a-z]+:\/\/[^/]+/i, '');
    const rawPath = afterHost.split('?')[0] ?? '';
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const req: RecordedRequest = {
      method: init?.method ?? 'GET',
      url: new URL(raw),
      rawPath,
      headers: new Headers(init?.headers),
      body: text === undefined ? undefined : (JSON.parse(text) as unknown),
    };
    requests.push(req);
    const reply = replies[Math.min(index++, replies.length - 1)] ?? json({});
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply(req);
    return reply.clone();
  };
  return { fetch: fakeFetch as typeof fetch, requests };
}
