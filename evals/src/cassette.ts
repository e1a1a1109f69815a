/**
 * Record/replay of model traffic at the HTTP layer (a `fetch` given to the OpenAI adapter), so CI can re-run an
 * LLM trajectory offline. One JSONL file per scenario and trial: `{seq, key, request, response}` per line.
 * The key is sha256 of method + path + canonical request body; request headers (which carry the API key) are never
 * stored. Because the sandbox, clock, ids, approver and user are deterministic, the same responses produce the
 * same next requests; a changed prompt, tool schema or agent shows up as a stale cassette.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from './match.js';

/** One recorded model exchange (request headers are never stored). */
export interface CassetteEntry {
  seq: number;
  key: string;
  request: { method: string; path: string; body: unknown };
  response: { status: number; headers: Record<string, string>; body: string };
}

/** A cassette that no longer matches what the agent sends, or is missing. */
export class CassetteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CassetteError';
  }
}

/** `<dir>/<model-slug>/<scenario-id>/t<trial>.jsonl`. */
export function cassettePath(dir: string, model: string, scenarioId: string, trial: number): string {
  const slug =
    model
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'model';
  return path.join(dir, slug, scenarioId, `t${trial}.jsonl`);
}

async function describeRequest(input: string | URL | Request, init?: RequestInit): Promise<CassetteEntry['request']> {
  const request = input instanceof Request ? input : undefined;
  const url = new URL(request ? request.url : String(input));
  const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
  let text: string | undefined;
  if (typeof init?.body === 'string') text = init.body;
  else if (init?.body instanceof Uint8Array) text = new TextDecoder().decode(init.body);
  else if (request && method !== 'GET') text = await request.clone().text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  // Keep the path after the API root so a different host or port (a new ephemeral server) still matches.
  return { method, path: url.pathname.replace(/^.*?(\/chat\/completions|\/responses|\/models)/, '$1'), body };
}

/** The lookup key of a request. */
export function requestKey(req: CassetteEntry['request']): string {
  return createHash('sha256')
    .update(`${req.method} ${req.path}\n${canonicalJson(req.body)}`)
    .digest('hex');
}

const KEPT_RESPONSE_HEADERS = ['content-type'];

/** A fetch that forwards to `inner` and appends each exchange to `entries`. */
export function createRecordingFetch(entries: CassetteEntry[], inner: typeof fetch = globalThis.fetch): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const request = await describeRequest(input, init);
    const res = await inner(input, init);
    const body = await res.text();
    const headers: Record<string, string> = {};
    for (const h of KEPT_RESPONSE_HEADERS) {
      const v = res.headers.get(h);
      if (v) headers[h] = v;
    }
    const entry: CassetteEntry = {
      seq: entries.length + 1,
      key: requestKey(request),
      request,
      response: { status: res.status, headers, body },
    };
    // A retried request (after a 429/5xx) replaces its failed attempt: replay must see what finally came back.
    const last = entries.at(-1);
    if (last && last.key === entry.key && (last.response.status === 429 || last.response.status >= 500))
      entries[entries.length - 1] = { ...entry, seq: last.seq };
    else entries.push(entry);
    return new Response(body, { status: res.status, headers });
  }) as typeof fetch;
}

/** A fetch that answers from `entries` only; an unknown request throws CassetteError (never reaches the network). */
export function createReplayFetch(entries: CassetteEntry[], file: string): typeof fetch {
  const used = new Set<number>();
  let calls = 0;
  return (async (input: string | URL | Request, init?: RequestInit) => {
    calls++;
    const request = await describeRequest(input, init);
    const key = requestKey(request);
    const next = entries.findIndex((e, i) => !used.has(i) && e.key === key);
    if (next < 0) {
      throw new CassetteError(
        `cassette ${file} is stale: request #${calls} (${request.method} ${request.path}) was not recorded. The prompt, tools, agent or scenario changed; re-record with --record.`,
      );
    }
    used.add(next);
    const e = entries[next]!;
    return new Response(e.response.body, { status: e.response.status, headers: e.response.headers });
  }) as typeof fetch;
}

/** Read a cassette file; a missing file is a CassetteError naming it. */
export function readCassette(file: string): CassetteEntry[] {
  if (!existsSync(file)) throw new CassetteError(`no cassette at ${file}: record it first with --record`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as CassetteEntry;
      } catch {
        throw new CassetteError(`${file}: line ${i + 1} is not valid JSON`);
      }
    });
}

/** Write a cassette file (creating folders). */
export function writeCassette(file: string, entries: CassetteEntry[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : ''));
}
