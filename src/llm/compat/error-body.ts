/**
 * The sentence a server meant, from an error body of any shape seen in the wild. The SDK only understands
 * `{"error":{"message":…}}`; everything else became "400 status code (no body)" and the one line that says what to
 * fix was lost. Shapes handled (with where they come from):
 * - `{"error":{"message":"…"}}`                      OpenAI, Ollama /v1, llama.cpp, LiteLLM, Azure
 * - `{"error":"…"}`                                   Ollama native errors (ollama/ollama#14795)
 * - `{"object":"error","message":"…"}`, `{"message":"…","code":500}`   vLLM (vllm-project/vllm#9986), older llama.cpp
 * - `{"detail":"…"}` or `{"detail":[{"loc":[…],"msg":"…"}]}`          FastAPI/pydantic servers (SGLang, TGI, proxies)
 * - plain text, and an HTML page from a proxy or gateway (its title)
 */

const MAX = 300;

/** One clean line (control characters and runs of whitespace collapsed), clipped. */
export function oneCleanLine(text: string, max = MAX): string {
  const flat = text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The message in a parsed JSON error body, or undefined when the shape is unknown. */
function messageFromJson(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const err = b.error;
  if (typeof err === 'string') return err;
  if (err && typeof err === 'object') {
    const m = (err as Record<string, unknown>).message;
    if (typeof m === 'string') return m;
    if (m !== undefined) return JSON.stringify(m);
  }
  if (typeof b.message === 'string') return b.message;
  const detail = b.detail;
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    const parts = detail.map((d) => {
      if (!d || typeof d !== 'object') return String(d);
      const { loc, msg } = d as { loc?: unknown; msg?: unknown };
      const where = Array.isArray(loc) ? loc.join('.') : '';
      return where ? `${where}: ${String(msg)}` : String(msg);
    });
    return parts.join('; ');
  }
  return undefined;
}

/** What an error body says, as one line (`kind` tells a caller whether a proxy page answered). */
export function describeErrorBody(
  text: string,
  contentType: string | null,
): { message: string; kind: 'json' | 'html' | 'text' | 'empty' } {
  const trimmed = text.trim();
  if (trimmed === '') return { message: '', kind: 'empty' };
  if (/html/i.test(contentType ?? '') || /^<(!doctype|html|head|body)/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(trimmed)?.[1];
    const what = title ? `"${oneCleanLine(decodeEntities(title), 120)}"` : 'without a title';
    return {
      message: `an HTML page ${what} answered instead of the model server (a proxy, gateway or login page: check OPENAI_BASE_URL)`,
      kind: 'html',
    };
  }
  try {
    const parsed = JSON.parse(trimmed) as unknown;
    const message = messageFromJson(parsed) ?? trimmed;
    return { message: oneCleanLine(`${message}${contextFields(parsed, message)}`), kind: 'json' };
  } catch {
    return { message: oneCleanLine(trimmed), kind: 'text' };
  }
}

/**
 * llama.cpp's context overflow puts the figures beside the sentence (`"n_ctx":4096,"n_prompt_tokens":9000`);
 * they are what the user needs, so they join the sentence when it does not name them.
 */
function contextFields(body: unknown, message: string): string {
  const err = body && typeof body === 'object' ? (body as Record<string, unknown>).error : undefined;
  const fields = (err && typeof err === 'object' ? err : body) as Record<string, unknown> | null;
  const nCtx = fields?.n_ctx;
  if (typeof nCtx !== 'number' || message.includes(String(nCtx))) return '';
  const prompt = fields?.n_prompt_tokens;
  return ` (n_ctx ${nCtx}${typeof prompt === 'number' ? `, prompt ${prompt} tokens` : ''})`;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
