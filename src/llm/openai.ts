/**
 * The OpenAI-compatible model (chat.completions). This is the ONLY file that imports `openai`: it translates our
 * messages and tools at the edge, maps finish reasons exhaustively, and turns every provider failure into
 * `finishReason: 'error'` with an operator-readable message that never contains a key. Only an abort throws.
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
import type { ChatModel, FinishReason, Message, ModelRequest, ModelResponse, ToolCall } from './model.js';
import { toOpenAITools } from './openai-tools.js';

type ChatParam = OpenAI.Chat.Completions.ChatCompletionMessageParam;
type Completion = OpenAI.Chat.Completions.ChatCompletion;

export interface OpenAIModelOptions {
  /** Absent: fine for local servers; OpenAI itself will answer 401 ("OPENAI_API_KEY rejected"). */
  apiKey?: string;
  /** Any OpenAI-compatible endpoint, e.g. `http://127.0.0.1:11434/v1`. Default `https://api.openai.com/v1`. */
  baseUrl?: string;
  model: string;
  /** SDK retries on 429/5xx/connection errors (default 2). */
  maxRetries?: number;
  /** Per request, in ms (default 60 000). */
  timeoutMs?: number;
  /** Longest Retry-After wait honoured between retries, in ms (default 10 000); the SDK itself has no cap. */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
}

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** A ChatModel backed by the openai SDK's chat.completions. */
export function createOpenAIModel(options: OpenAIModelOptions): ChatModel {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const client = new OpenAI({
    // A placeholder key keeps the SDK from reading process.env itself (config.ts is the only reader).
    apiKey: options.apiKey ?? 'no-key-set',
    baseURL: baseUrl,
    organization: null,
    project: null,
    maxRetries: options.maxRetries ?? 2,
    timeout: options.timeoutMs ?? 60_000,
    fetch: capRetryAfter(options.fetch ?? globalThis.fetch, options.maxRetryAfterMs ?? 10_000),
  });
  const where = safeUrl(baseUrl);

  return {
    name: options.model,
    async complete(request: ModelRequest): Promise<ModelResponse> {
      try {
        const completion = await client.chat.completions.create(
          {
            model: options.model,
            messages: request.messages.map(toOpenAIMessage),
            ...(request.tools.length > 0 ? { tools: toOpenAITools(request.tools), parallel_tool_calls: true } : {}),
          },
          request.signal ? { signal: request.signal } : undefined,
        );
        return fromCompletion(completion);
      } catch (error) {
        if (error instanceof APIUserAbortError || request.signal?.aborted) throw error;
        return failure(describeError(error, { where, model: options.model, keyGiven: options.apiKey !== undefined }));
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

function fromCompletion(completion: Completion): ModelResponse {
  const choice = completion.choices?.[0];
  if (!choice) return failure('the server returned a completion without choices');
  const toolCalls: ToolCall[] = [];
  for (const tc of choice.message.tool_calls ?? []) {
    // Only function tools are offered; a custom tool call cannot be answered, so it is not kept.
    if (tc.type === 'function')
      toolCalls.push({ id: tc.id, name: tc.function.name, arguments: tc.function.arguments ?? '' });
  }
  const content = choice.message.content ?? choice.message.refusal ?? null;
  const usage = completion.usage
    ? { inputTokens: completion.usage.prompt_tokens, outputTokens: completion.usage.completion_tokens }
    : undefined;
  return {
    message: toolCalls.length > 0 ? { role: 'assistant', content, toolCalls } : { role: 'assistant', content },
    finishReason: mapFinishReason(choice.finish_reason, toolCalls.length > 0),
    ...(usage ? { usage } : {}),
  };
}

/** chat.completions finish_reason → ours. Compatible servers sometimes send null or "stop" with tool calls. */
export function mapFinishReason(
  reason: Completion['choices'][number]['finish_reason'] | null,
  hasToolCalls: boolean,
): FinishReason {
  if (hasToolCalls) return 'tool_calls';
  if (reason === null || reason === undefined) return 'stop';
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    case 'content_filter':
      return 'content_filter';
    default: {
      // Exhaustive for the SDK's union; a compatible server's unknown value ends the answer normally.
      const unhandled: never = reason;
      void unhandled;
      return 'stop';
    }
  }
}

function describeError(error: unknown, at: { where: string; model: string; keyGiven: boolean }): string {
  const { where, model } = at;
  if (error instanceof APIConnectionTimeoutError) return `the request to OPENAI_BASE_URL ${where} timed out`;
  if (error instanceof APIConnectionError) {
    const refused = causeCodes(error).includes('ECONNREFUSED');
    return `cannot reach OPENAI_BASE_URL ${where}${refused ? ' (connection refused)' : ''}: is the server running and the URL right?`;
  }
  if (error instanceof AuthenticationError) {
    return at.keyGiven
      ? `OPENAI_API_KEY rejected by ${where} (401)`
      : `${where} needs an API key: set OPENAI_API_KEY (401)`;
  }
  if (error instanceof PermissionDeniedError)
    return `OPENAI_API_KEY is not allowed to use model "${model}" at ${where} (403)`;
  if (error instanceof NotFoundError)
    return `model "${model}" not found at ${where} (404): check OPENAI_MODEL and OPENAI_BASE_URL`;
  if (error instanceof RateLimitError) return `rate limited by ${where} (429) after retries; wait and try again`;
  if (error instanceof BadRequestError) return `${where} rejected the request (400): ${clip(apiMessage(error))}`;
  if (error instanceof APIError) return `${where} failed (${error.status ?? 'no status'}): ${clip(apiMessage(error))}`;
  return `unexpected error talking to ${where}: ${clip(error instanceof Error ? error.message : String(error))}`;
}

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

function apiMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : error.message;
}

function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

/** The URL without credentials or query (safe to show). */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`.replace(/\/+$/, '');
  } catch {
    return '(invalid OPENAI_BASE_URL)';
  }
}

const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text);
