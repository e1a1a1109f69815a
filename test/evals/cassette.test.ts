import { describe, expect, it } from 'vitest';
import { createRecordingFetch, createReplayFetch, requestKey, type CassetteEntry } from '../../evals/src/cassette.js';

const body = (n: number) => JSON.stringify({ model: 'm', messages: [{ role: 'user', content: `hi ${n}` }] });

describe('cassettes', () => {
  it('record what comes back, keep no request headers, and keep only the final answer of a retried request', async () => {
    let calls = 0;
    const inner = (async () => {
      calls++;
      return calls === 1
        ? new Response('{"error":"slow down"}', { status: 429 })
        : new Response(`{"n":${calls}}`, {
            status: 200,
            headers: { 'content-type': 'application/json', 'set-cookie': 'x=1' },
          });
    }) as unknown as typeof fetch;
    const entries: CassetteEntry[] = [];
    const rec = createRecordingFetch(entries, inner);
    const init = { method: 'POST', body: body(1), headers: { authorization: 'Bearer sk-secret' } };
    await rec('http://127.0.0.1:9/v1/chat/completions', init);
    const res = await rec('http://127.0.0.1:9/v1/chat/completions', init);
    expect(await res.json()).toEqual({ n: 2 });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.response).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"n":2}',
    });
    expect(JSON.stringify(entries)).not.toContain('sk-secret');
    expect(entries[0]!.request.path).toBe('/chat/completions');
  });

  it('replay by key (host and port do not matter) and refuse an unrecorded request', async () => {
    const req = { method: 'POST', path: '/chat/completions', body: JSON.parse(body(1)) };
    const entries: CassetteEntry[] = [
      { seq: 1, key: requestKey(req), request: req, response: { status: 200, headers: {}, body: '{"ok":1}' } },
    ];
    const replay = createReplayFetch(entries, 'c.jsonl');
    const res = await replay('http://cassette.invalid/v1/chat/completions', { method: 'POST', body: body(1) });
    expect(await res.json()).toEqual({ ok: 1 });
    await expect(replay('http://x/v1/chat/completions', { method: 'POST', body: body(2) })).rejects.toThrow(
      /cassette c\.jsonl is stale: request #2/,
    );
  });

  it('keys ignore JSON key order but not content', () => {
    const a = requestKey({ method: 'POST', path: '/chat/completions', body: { a: 1, b: 2 } });
    expect(requestKey({ method: 'POST', path: '/chat/completions', body: { b: 2, a: 1 } })).toBe(a);
    expect(requestKey({ method: 'POST', path: '/chat/completions', body: { a: 1, b: 3 } })).not.toBe(a);
  });
});
