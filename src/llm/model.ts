/**
 * Our own model interface and message types. The agent speaks only these; provider code (openai.ts) translates
 * at the edge, and the offline and scripted models implement the same interface.
 */

/** One tool call as the model emitted it. `arguments` is the raw JSON text: it may be malformed. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface SystemMessage {
  role: 'system';
  content: string;
}
export interface UserMessage {
  role: 'user';
  content: string;
}
export interface AssistantMessage {
  role: 'assistant';
  content: string | null;
  toolCalls?: ToolCall[];
}
/** The result of one tool call, always JSON text (see agent/tool-result.ts for the envelope). */
export interface ToolMessage {
  role: 'tool';
  toolCallId: string;
  content: string;
}
export type Message = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

/** A JSON Schema object (strict-ready: all properties required, optionals nullable, no additional properties). */
export type JsonSchema = { [key: string]: unknown };

/** A tool as offered to a model, provider-neutral. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: JsonSchema;
}

export type FinishReason = 'stop' | 'tool_calls' | 'length' | 'content_filter' | 'error';

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

export interface ModelRequest {
  messages: Message[];
  tools: ToolSpec[];
  signal?: AbortSignal;
}

export interface ModelResponse {
  message: AssistantMessage;
  finishReason: FinishReason;
  usage?: Usage;
  /** Set when finishReason is 'error': what went wrong, written for the operator (never contains secrets). */
  errorMessage?: string;
}

/**
 * A chat model.
 * Contract: `complete` should not throw for provider failures; it returns finishReason 'error' with an
 * errorMessage. It may throw only on abort (signal) or programmer error.
 */
export interface ChatModel {
  /** e.g. `offline`, `gpt-4o-mini`, `scripted`. */
  readonly name: string;
  complete(request: ModelRequest): Promise<ModelResponse>;
}
