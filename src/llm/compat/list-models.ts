/**
 * `GET /models` on an OpenAI-compatible server: which model names it offers. Used to say what to put in
 * OPENAI_MODEL when a model is not found, and by `clerk-agent doctor`. Plain fetch (no SDK), bounded by a deadline.
 */
import { causeCodes } from './cause-codes.js';
import { startDeadline } from './deadline.js';
import { describeErrorBody } from './error-body.js';

export type ModelList =
  | { ok: true; ids: string[] }
  | { ok: false; status?: number; message: string; refused?: boolean; timedOut?: boolean };

export async function listModels(options: {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}): Promise<ModelList> {
  const deadline = startDeadline(options.timeoutMs);
  try {
    const response = await (options.fetch ?? globalThis.fetch)(modelsUrl(options.baseUrl), {
      headers: { accept: 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
      signal: deadline.signal,
    });
    const text = await response.text();
    if (!response.ok) {
      const { message } = describeErrorBody(text, response.headers.get('content-type'));
      return { ok: false, status: response.status, message: message || `${response.status} ${response.statusText}` };
    }
    const body = JSON.parse(text) as unknown;
    // OpenAI shape `{data:[{id}]}`; some servers answer `{models:[{name}]}` or a bare array.
    const items = Array.isArray(body)
      ? body
      : ((body as { data?: unknown; models?: unknown }).data ?? (body as { models?: unknown }).models);
    if (!Array.isArray(items)) return { ok: false, status: response.status, message: 'the model list has no `data`' };
    const ids = items
      .map((m) =>
        typeof m === 'string' ? m : ((m as { id?: unknown; name?: unknown })?.id ?? (m as { name?: unknown })?.name),
      )
      .filter((id): id is string => typeof id === 'string');
    return { ok: true, ids };
  } catch (error) {
    if (deadline.expired()) return { ok: false, message: `no answer within ${options.timeoutMs} ms`, timedOut: true };
    const refused = causeCodes(error).includes('ECONNREFUSED');
    const message =
      error instanceof SyntaxError ? 'the model list is not JSON' : refused ? 'connection refused' : errorText(error);
    return { ok: false, message, refused };
  } finally {
    deadline.clear();
  }
}

/** `<base>/models`, keeping a query the base URL carries (Azure's `?api-version=…`). */
function modelsUrl(baseUrl: string): string {
  const u = new URL(baseUrl);
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/models`;
  return u.toString();
}

/** "a, b, c" (at most `max` names, then "and N more"). */
export function nameList(ids: readonly string[], max = 8): string {
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}

function errorText(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } })?.cause?.message;
  const base = error instanceof Error ? error.message : String(error);
  const text = typeof cause === 'string' && cause !== '' ? `${base} (${cause})` : base;
  // fetch's own messages may quote the URL; ours already names it without credentials or query.
  return text.replace(/\bhttps?:\/\/\S+/g, '(the URL)');
}
