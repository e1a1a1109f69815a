/**
 * The OpenAI-compatible model (chat.completions). This is the ONLY file that imports `openai`: it translates our
 * messages and tools at the edge and turns every provider failure into `finishReason: 'error'` with an
 * operator-readable line that never contains a key. Only an abort by the caller throws.
 *
 * Compatible servers as people really run them (Ollama, vLLM, llama.cpp, LM Studio, Azure, proxies) differ from
 * OpenAI; the compatibility layer in ./compat/ absorbs the differences, detected by behaviour, not per server:
 * - every request has one overall deadline covering headers AND body (compat/deadline.ts);
 * - error bodies of any shape reach the user as the server's own sentence plus our hint (compat/error-body*.ts,
 *   compat/hints.ts); a model that is not found lists what `GET /models` offers (compat/list-models.ts);
 * - what comes back is normalised and anything unsafe is refused, never executed (compat/normalize-completion.ts);
 * - optional request fields a server rejects are dropped once and remembered (compat/optional-fields.ts).
 */
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import { redact } from '../util/secrets.js';
import { formatMs, startDeadline } from './compat/deadline.js';
import { untilAborted } from '../util/until-aborted.js';
import { causeCodes } from './compat/cause-codes.js';
import { oneCleanLine } from './compat/error-body.js';
import { normalizeErrorBodies } from './compat/error-body-fetch.js';
import { CONTEXT_HINT, DOCTOR, hintFor, isAzure, NEEDS_TOOLS_HINT, PARSER_HINT } from './compat/hints.js';
import { listModels, type ModelList, nameList } from './compat/list-models.js';
import { mapFinish, type Normalized, normalizeCompletion } from './compat/normalize-completion.js';
import { type OptionalField, rejectedFields } from './compat/optional-fields.js';
import { createToolCallIds } from './compat/tool-call-ids.js';
import type { ChatModel, FinishReason, Message, ModelRequest, ModelResponse } from './model.js';
import { toOpenAITools } from './openai-tools.js';
import { shownUrl } from '../util/shown-url.js';

type ChatParam = OpenAI.Chat.Completions.ChatCompletionMessageParam;
type Completion = OpenAI.Chat.Completions.ChatCompletion;
type CreateBody = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

export interface OpenAIModelOptions {
  /** Absent: fine for local servers; OpenAI itself will answer 401 ("OPENAI_API_KEY rejected"). */
  apiKey?: string;
  /** Any OpenAI-compatible endpoint, e.g. `http://127.0.0.1:11434/v1`. Default `https://api.openai.com/v1`. */
  baseUrl?: string;
  model: string;
  /** SDK retries on 429/5xx/connection errors (default 2), all inside the one deadline. */
  maxRetries?: number;
  /** The whole request, retries, headers and body included, in ms (default 30 000; CLERK_AGENT_MODEL_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Longest Retry-After wait honoured between retries, in ms (default 10 000); the SDK itself has no cap. */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
  /** Verbose output: called once per compatibility adjustment (e.g. "retried without `strict`"). */
  onNotice?: (line: string) => void;
}

/** The OpenAI-compatible ChatModel plus what `clerk-agent doctor` needs to know about the server. */
export interface OpenAIModel extends ChatModel {
  /** Optional request fields this server rejected; they are no longer sent in this session. */
  readonly dropped: ReadonlySet<OptionalField>;
  /** `GET /models` (bounded). */
  listModels(timeoutMs?: number): Promise<ModelList>;
}

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
const DEFAULT_MODEL_TIMEOUT_MS = 30_000;

/** A ChatModel backed by the openai SDK's chat.completions. */
export function createOpenAIModel(options: OpenAIModelOptions): OpenAIModel {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  // A query in the base URL (Azure's `?api-version=…`) must go on every request, not before the path.
  const { path: basePath, query: defaultQuery } = splitQuery(baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS;
  const rawFetch = options.fetch ?? globalThis.fetch;
  const client = new OpenAI({
    // A placeholder key keeps the SDK from reading process.env itself (config.ts is the only reader).
    apiKey: options.apiKey ?? 'no-key-set',
    baseURL: basePath,
    ...(defaultQuery ? { defaultQuery } : {}),
    organization: null,
    project: null,
    maxRetries: options.maxRetries ?? 2,
    timeout: timeoutMs,
    fetch: capRetryAfter(normalizeErrorBodies(rawFetch), options.maxRetryAfterMs ?? 10_000),
  });
  const where = shownUrl(baseUrl, '(invalid OPENAI_BASE_URL)');
  const at = { where, baseUrl, model: options.model, keyGiven: options.apiKey !== undefined };
  const dropped = new Set<OptionalField>();
  const ids = createToolCallIds();
  const list = (ms: number) =>
    listModels({ baseUrl, timeoutMs: ms, fetch: rawFetch, ...(options.apiKey ? { apiKey: options.apiKey } : {}) });

  const buildBody = (request: ModelRequest): CreateBody => {
    const body: CreateBody = { model: options.model, messages: request.messages.map(toOpenAIMessage) };
    if (request.tools.length > 0) {
      const tools = toOpenAITools(request.tools);
      body.tools = dropped.has('strict')
        ? tools.map((t) => ({ type: t.type, function: { ...t.function, strict: undefined } }))
        : tools;
      if (!dropped.has('parallel_tool_calls')) body.parallel_tool_calls = true;
    }
    // `stream_options` is never sent: the agent does not stream (so no server has to support streaming).
    return body;
  };
  const sentOptional = (body: CreateBody): OptionalField[] => {
    const sent: OptionalField[] = [];
    if (body.tools?.some((t) => t.type === 'function' && t.function.strict === true)) sent.push('strict');
    if (body.parallel_tool_calls !== undefined) sent.push('parallel_tool_calls');
    if ('stream_options' in body) sent.push('stream_options');
    return sent;
  };

  return {
    name: options.model,
    dropped,
    listModels: (ms = Math.min(timeoutMs, 5_000)) => list(ms),
    async complete(request: ModelRequest): Promise<ModelResponse> {
      const deadline = startDeadline(timeoutMs, request.signal);
      const offered = new Set(request.tools.map((t) => t.name));
      try {
        let retried: { fields: OptionalField[]; message: string } | undefined;
        for (;;) {
          const body = buildBody(request);
          try {
            // Raced against the deadline: the SDK's sleeps between retries do not listen to the signal.
            const completion = await untilAborted(
              client.chat.completions.create(body, { signal: deadline.signal }),
              deadline.signal,
            );
            return fromNormalized(normalizeCompletion(completion, offered, ids), at);
          } catch (error) {
            if (!(error instanceof BadRequestError)) throw error;
            const message = apiMessage(error);
            if (retried) {
              // The same 400 without the fields: they were not the problem; send them again next time.
              if (message === retried.message) for (const f of retried.fields) dropped.delete(f);
              throw error;
            }
            const fields = rejectedFields(message, sentOptional(body));
            if (fields.length === 0) throw error;
            for (const f of fields) dropped.add(f);
            retried = { fields, message };
            options.onNotice?.(
              redact(
                `${where} rejected ${fields.map((f) => `\`${f}\``).join(', ')} (400: "${oneCleanLine(message, 160)}"); retried without ${fields.length > 1 ? 'them' : 'it'}, and will not send ${fields.length > 1 ? 'them' : 'it'} again this session`,
              ),
            );
          }
        }
      } catch (error) {
        if (deadline.expired()) {
          return failure(
            `no complete answer from the model at ${where} within ${formatMs(timeoutMs)}, so the request was stopped: is the server hung or overloaded? (a slow local model may need a larger CLERK_AGENT_MODEL_TIMEOUT_MS). ${DOCTOR}`,
          );
        }
        if (error instanceof APIUserAbortError || request.signal?.aborted) throw error;
        // Bounded so a "model not found" stays quick (1 s under doctor's 5 s probe, 3 s in chat).
        return failure(await describeError(error, at, () => list(Math.min(3_000, Math.max(500, timeoutMs / 5)))));
      } finally {
        deadline.clear();
      }
    },
  };
}

/** Our message → the chat.completions message. */
function toOpenAIMessage(m: Message): ChatParam {
  switch (m.role) {
    case 'system':
      return { role: 'system', content: m.content };
    case 'user':
      return { role: 'user', content: m.content };
    case 'tool':
      return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
    case 'assistant': {
      const calls = (m.toolCalls ?? []).map((c) => ({
        id: c.id,
        type: 'function' as const,
        function: { name: c.name, arguments: c.arguments },
      }));
      return calls.length > 0
        ? { role: 'assistant', content: m.content, tool_calls: calls }
        : { role: 'assistant', content: m.content ?? '' };
    }
  }
}

type At = { where: string; baseUrl: string; model: string; keyGiven: boolean };

function fromNormalized(result: Normalized, at: At): ModelResponse {
  if (result.kind === 'response') return result.response;
  const hint =
    result.fix === 'parser'
      ? `Tool calls must arrive as real calls: ${PARSER_HINT}.`
      : result.fix === 'context'
        ? `Give the model more room: ${CONTEXT_HINT}.`
        : result.fix === 'tools'
          ? `Either the prompt with the tool descriptions did not fit (Ollama cuts it silently: ${CONTEXT_HINT}) or ${NEEDS_TOOLS_HINT}.`
          : '';
  return failure(`${result.message} (model "${at.model}" at ${at.where}). ${hint} ${DOCTOR}`.replace(/ {2,}/g, ' '));
}

/** chat.completions finish_reason → ours. Compatible servers sometimes send null or "stop" with tool calls. */
export function mapFinishReason(
  reason: Completion['choices'][number]['finish_reason'] | null,
  hasToolCalls: boolean,
): FinishReason {
  return mapFinish(reason, hasToolCalls);
}

async function describeError(error: unknown, at: At, models: () => Promise<ModelList>): Promise<string> {
  const { where, model } = at;
  if (error instanceof APIConnectionTimeoutError) return `the request to OPENAI_BASE_URL ${where} timed out. ${DOCTOR}`;
  if (error instanceof APIConnectionError) {
    const refused = causeCodes(error).includes('ECONNREFUSED');
    return `cannot reach OPENAI_BASE_URL ${where}${refused ? ' (connection refused)' : ''}: is the server running and the URL right? ${DOCTOR}`;
  }
  if (error instanceof AuthenticationError) {
    return at.keyGiven
      ? `OPENAI_API_KEY rejected by ${where} (401). ${DOCTOR}`
      : `${where} needs an API key: set OPENAI_API_KEY (401). ${DOCTOR}`;
  }
  if (error instanceof RateLimitError) return `rate limited by ${where} (429) after retries; wait and try again`;
  if (!(error instanceof APIError)) {
    const text = error instanceof Error ? error.message : String(error);
    const notJson =
      error instanceof SyntaxError ? ' (the answer was not JSON: is OPENAI_BASE_URL the /v1 endpoint?)' : '';
    return `unexpected error talking to ${where}: ${oneCleanLine(text)}${notJson}. ${DOCTOR}`;
  }
  const said = oneCleanLine(apiMessage(error));
  const status = error.status;
  const hint = hintFor(said, { ...(status !== undefined ? { status } : {}), baseUrl: at.baseUrl, model });
  const quoted = said ? `: "${said}"` : '';
  if (error instanceof PermissionDeniedError) {
    return `OPENAI_API_KEY is not allowed to use model "${model}" at ${where} (403)${quoted}. ${DOCTOR}`;
  }
  if (error instanceof NotFoundError) {
    const offered = await models();
    const choice =
      offered.ok && offered.ids.length > 0
        ? ` The server offers: ${nameList(offered.ids)}; set OPENAI_MODEL to one of them.`
        : ' Check OPENAI_MODEL and OPENAI_BASE_URL.';
    const azure = isAzure(at.baseUrl) && hint ? ` ${capitalize(hint)}.` : '';
    return `model "${model}" not found at ${where} (404)${quoted}.${choice}${azure} ${DOCTOR}`;
  }
  const what = error instanceof BadRequestError ? 'rejected the request' : 'failed';
  const tail = hint ? ` ${capitalize(hint)}.` : '';
  return `${where} ${what} (${status ?? 'no status'})${quoted}.${tail} ${DOCTOR}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const failure = (message: string): ModelResponse => ({
  message: { role: 'assistant', content: null },
  finishReason: 'error',
  errorMessage: redact(message),
});

/**
 * Wraps fetch so that a Retry-After longer than `capMs` is shortened to `capMs`: the SDK sleeps for whatever the
 * server says (`retry-after: 3600` would stall a chat for an hour).
 */
function capRetryAfter(inner: typeof fetch, capMs: number): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.ok) return response;
    const wait = retryAfterMs(response.headers);
    if (wait === undefined || wait <= capMs) return response;
    const headers = new Headers(response.headers);
    headers.delete('retry-after');
    headers.set('retry-after-ms', String(capMs));
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

function retryAfterMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms;
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? date - Date.now() : undefined;
}

/** The server's own sentence (error-body-fetch.ts has put every body shape into `error.message`). */
function apiMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : error.message;
}

/** `https://h/p?a=1` → path `https://h/p` and query `{a:'1'}` (undefined when there is none). */
function splitQuery(url: string): { path: string; query?: Record<string, string> } {
  try {
    const u = new URL(url);
    if (u.search === '') return { path: url };
    const query = Object.fromEntries(u.searchParams);
    u.search = '';
    return { path: u.toString().replace(/\/+$/, ''), query };
  } catch {
    return { path: url };
  }
}
