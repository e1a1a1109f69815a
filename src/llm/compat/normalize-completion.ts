/**
 * A chat.completions body as compatible servers really send it → our ModelResponse. The SDK does not validate
 * responses, so everything here is read as unknown JSON. Normalised: tool calls without `id` (a stable synthesized
 * one) or `type`, arguments as an object or a string (or absent), the legacy `function_call`, `content` null or
 * absent, tool calls with finish_reason "stop"/null/"length", reasoning kept out of the answer, `usage` missing.
 * Refused (returned as a problem, nothing runs): tool calls written as text, a tool call cut off by the output
 * limit, and an empty reply.
 */
import type { FinishReason, ModelResponse, ToolCall } from '../model.js';
import { stripThinking } from './reasoning.js';
import { findTextToolCalls } from './text-tool-calls.js';
import type { ToolCallIds } from './tool-call-ids.js';

/** What a problem needs as a hint: which kind of fix applies. */
export type ProblemKind = 'parser' | 'context' | 'tools' | 'other';

export type Normalized =
  | { kind: 'response'; response: ModelResponse }
  | { kind: 'problem'; message: string; fix: ProblemKind };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** finish_reason → ours. Compatible servers send null, "stop" or "length" with tool calls, or made-up values. */
export function mapFinish(reason: unknown, hasToolCalls: boolean): FinishReason {
  if (hasToolCalls) return 'tool_calls';
  switch (reason) {
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    case 'content_filter':
      return 'content_filter';
    default:
      // "stop", null, absent, or an unknown value ("eos", "end_turn"): the answer ended normally.
      return 'stop';
  }
}

export function normalizeCompletion(body: unknown, offered: ReadonlySet<string>, ids: ToolCallIds): Normalized {
  const choice = isObject(body) && Array.isArray(body.choices) ? body.choices[0] : undefined;
  if (!isObject(choice)) return problem('the server returned a completion without choices');
  const message = isObject(choice.message) ? choice.message : {};
  const finish = choice.finish_reason;

  const used = new Set<string>();
  const rawCalls = Array.isArray(message.tool_calls) ? [...message.tool_calls] : [];
  // The pre-tools API: one `function_call` on the message (some older servers still answer this way).
  if (rawCalls.length === 0 && isObject(message.function_call)) rawCalls.push({ function: message.function_call });
  const toolCalls: ToolCall[] = [];
  for (const raw of rawCalls) {
    if (!isObject(raw)) continue;
    // Only function tools are offered; another type (a custom tool) cannot be answered, so it is not kept.
    if (raw.type !== undefined && raw.type !== null && raw.type !== 'function') continue;
    const fn = isObject(raw.function) ? raw.function : raw;
    toolCalls.push({
      id: ids.assign(raw.id, used),
      name: typeof fn.name === 'string' ? fn.name : '',
      arguments: argumentsText(fn.arguments ?? fn.parameters),
    });
  }

  const rawContent = typeof message.content === 'string' ? message.content : textParts(message.content);
  const content = rawContent === undefined ? '' : stripThinking(rawContent);
  const refusal = typeof message.refusal === 'string' ? message.refusal : '';

  if (finish === 'length' && toolCalls.some((c) => !isCompleteJson(c.arguments))) {
    return problem(
      `the model's reply was cut off by its output or context limit in the middle of a tool call (finish_reason "length"), so nothing was run`,
      'context',
    );
  }
  if (toolCalls.length === 0 && content !== '') {
    const textCalls = findTextToolCalls(content, offered);
    if (textCalls.length > 0) {
      const names = [...new Set(textCalls.map((c) => c.name))].join(', ');
      return problem(
        `the model wrote its tool call (${names}) as text instead of calling the tool, so nothing was run`,
        'parser',
      );
    }
  }
  if (toolCalls.length === 0 && content === '' && refusal === '') {
    const cut = finish === 'length' ? ' (it hit its output limit before answering)' : '';
    return problem(
      `the model sent an empty reply: no text and no tool call${cut}`,
      finish === 'length' ? 'context' : 'tools',
    );
  }

  const text = content !== '' ? content : refusal !== '' ? refusal : null;
  const usage = usageOf(body);
  return {
    kind: 'response',
    response: {
      message:
        toolCalls.length > 0 ? { role: 'assistant', content: text, toolCalls } : { role: 'assistant', content: text },
      finishReason: mapFinish(finish, toolCalls.length > 0),
      ...(usage ? { usage } : {}),
    },
  };
}

const problem = (message: string, fix: ProblemKind = 'other'): Normalized => ({ kind: 'problem', message, fix });

function argumentsText(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? '{}' : value;
  if (value === undefined || value === null) return '{}';
  return JSON.stringify(value);
}

function isCompleteJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** `content` as an array of parts (`[{type:"text",text}]`), joined; undefined when absent. */
function textParts(content: unknown): string | undefined {
  if (!Array.isArray(content)) return undefined;
  return content
    .map((p) => (isObject(p) && typeof p.text === 'string' ? p.text : ''))
    .join('')
    .trim();
}

function usageOf(body: unknown): { inputTokens: number; outputTokens: number } | undefined {
  const usage = isObject(body) && isObject(body.usage) ? body.usage : undefined;
  if (!usage) return undefined;
  const input = usage.prompt_tokens;
  const output = usage.completion_tokens;
  if (typeof input !== 'number' || typeof output !== 'number' || !Number.isFinite(input) || !Number.isFinite(output))
    return undefined;
  return { inputTokens: input, outputTokens: output };
}
