/**
 * Tool calls written as text in `content` instead of `tool_calls`: what a server does when its tool-call parser is
 * off (vLLM/SGLang without `--tool-call-parser`, llama.cpp without `--jinja`, an Ollama template without tool
 * support). Detected, never executed: text is not a call the model committed to through the API, and running it
 * would bypass the contract the approval gate is built on. The caller turns a detection into an actionable error.
 *
 * Forms recognised: Hermes/Qwen `<tool_call>{…}</tool_call>`, Mistral `[TOOL_CALLS][…]`, Llama `<|python_tag|>{…}`,
 * and bare JSON (optionally in a ``` fence) such as `{"name":"x","arguments":{…}}`, `{"name":"x","parameters":{…}}`
 * or `{"type":"function","function":{…}}` (ollama/ollama#7572, vllm-project/vllm#11786). Bare JSON counts only when
 * it names a tool that was offered, so an answer that merely contains JSON is not mistaken for a call.
 */

export interface TextToolCall {
  name: string;
  form: 'hermes' | 'mistral' | 'python_tag' | 'json';
}

/** The tool calls written as text in `content` (empty when there are none). */
export function findTextToolCalls(content: string, offered: ReadonlySet<string>): TextToolCall[] {
  const found: TextToolCall[] = [];
  const hermes = [...content.matchAll(/<tool_call>\s*([\s\S]*?)\s*(?:<\/tool_call>|$)/g)];
  if (hermes.length > 0) {
    for (const m of hermes) found.push({ name: nameOf(parseJson(m[1] ?? '')) ?? '(unreadable)', form: 'hermes' });
    return found;
  }
  const mistral = /\[TOOL_CALLS\]\s*([\s\S]*)$/.exec(content);
  if (mistral) return callsIn(parseJson(mistral[1] ?? ''), () => true).map((name) => ({ name, form: 'mistral' }));
  const pythonTag = /<\|python_tag\|>\s*([\s\S]*)$/.exec(content);
  if (pythonTag)
    return callsIn(parseJson(pythonTag[1] ?? ''), () => true).map((name) => ({ name, form: 'python_tag' }));

  for (const candidate of jsonCandidates(content)) {
    const names = callsIn(parseJson(candidate), (name) => offered.has(name));
    if (names.length > 0) return names.map((name) => ({ name, form: 'json' }));
  }
  return [];
}

/**
 * Where a bare-JSON call can be: the whole content, optionally fenced, or a block that ends the content and starts
 * on its own line after a sentence ("Let me look that up.\n{…}"). JSON in the middle of prose is never a call.
 */
function jsonCandidates(content: string): string[] {
  const out: string[] = [];
  const whole = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(content)?.[1] ?? content;
  out.push(whole.trim());
  const trailingFence = /\n\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(content)?.[1];
  if (trailingFence) out.push(trailingFence.trim());
  const lineStart = content.search(/\n\s*[[{]/);
  if (lineStart >= 0) out.push(content.slice(lineStart).trim());
  return out.filter((c) => c.startsWith('{') || c.startsWith('['));
}

/** Names of call-shaped objects in a parsed value (an object or an array of them). */
function callsIn(value: unknown, accept: (name: string) => boolean): string[] {
  const items = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of items) {
    if (!looksLikeCall(item)) return [];
    const name = nameOf(item);
    if (name === undefined || !accept(name)) return [];
    names.push(name);
  }
  return names;
}

function looksLikeCall(item: unknown): boolean {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return false;
  const o = item as Record<string, unknown>;
  if (o.function && typeof o.function === 'object') return true;
  return typeof o.name === 'string' && ('arguments' in o || 'parameters' in o || 'args' in o);
}

function nameOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const o = value as Record<string, unknown>;
  if (typeof o.name === 'string') return o.name;
  const fn = o.function as Record<string, unknown> | undefined;
  return fn && typeof fn.name === 'string' ? fn.name : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
