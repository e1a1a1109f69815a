/**
 * What to do about the known failures of OpenAI-compatible servers, by what the server said. Detection is by
 * behaviour and message, not by a per-server profile: the same sentence means the same fix wherever it comes from.
 * Sources: ollama/ollama#6027 and #14795 (model without tools), vllm-project/vllm#9986 (auto tool choice),
 * llama.cpp `--jinja` (tools param requires --jinja), context overflows as OpenAI, vLLM, llama.cpp and LM Studio word them.
 */

/** Appended to every error line about configuration. */
export const DOCTOR = 'Run `clerk-agent doctor` to check the whole setup.';

export const PARSER_HINT =
  'the server is not turning tool calls into `tool_calls`: vLLM/SGLang: start it with --enable-auto-tool-choice --tool-call-parser <parser for your model, e.g. hermes>; llama.cpp: start llama-server with --jinja; Ollama/LM Studio: use a model whose template supports tools';

export const NEEDS_TOOLS_HINT =
  'the agent needs a model that can call tools (Ollama: e.g. qwen2.5, llama3.1, mistral-nemo; LM Studio: a model with the tool-use badge); set OPENAI_MODEL to one';

export const CONTEXT_HINT =
  'start the server with a bigger context (Ollama: OLLAMA_CONTEXT_LENGTH=16384; llama.cpp: -c 16384; vLLM: --max-model-len 16384; LM Studio: raise Context Length) or lower CLERK_AGENT_MAX_STEPS so less history is sent';

/** The fix for a server message, or undefined when we know none. */
export function hintFor(message: string, at: { status?: number; baseUrl: string; model: string }): string | undefined {
  if (/(does ?n[o']t|not) support (tools|tool use|tool calling|function calling)/i.test(message)) {
    return `model "${at.model}" cannot use tools: ${NEEDS_TOOLS_HINT}`;
  }
  if (/enable-auto-tool-choice|tool-call-parser/i.test(message)) return PARSER_HINT;
  if (/requires? --jinja|unsupported param: tools|tools param/i.test(message)) {
    return 'restart llama-server with --jinja (llama.cpp needs it for tool calling)';
  }
  const context = contextFigure(message);
  if (context !== undefined) {
    const figure = context === null ? "the model's context window" : `the model's context of ${context} tokens`;
    return `the request does not fit in ${figure}: ${CONTEXT_HINT}`;
  }
  if (isAzure(at.baseUrl) && (at.status === 404 || /deployment/i.test(message))) {
    return 'on Azure OpenAI, OPENAI_MODEL must be your deployment name (not the model name) and OPENAI_BASE_URL https://<resource>.openai.azure.com/openai/v1';
  }
  return undefined;
}

/**
 * The context size named in an overflow message: a number when one is given, null when the message is an overflow
 * without a figure, undefined when it is not about context at all.
 */
export function contextFigure(message: string): number | null | undefined {
  if (
    !/context (length|size|window)|maximum context|n_ctx|exceeds? the available context|prompt is too long|too many tokens/i.test(
      message,
    )
  ) {
    return undefined;
  }
  const patterns = [
    /maximum context length is (\d+)/i, // OpenAI, vLLM
    /context (?:length|size|window)(?: of)?(?: only)?(?: is)? (\d+)/i, // LM Studio, generic
    /n_ctx(?:_slot)?\D{0,4}(\d+)/i, // llama.cpp
    /(\d{3,7}) tokens/i,
  ];
  for (const p of patterns) {
    const n = p.exec(message)?.[1];
    if (n) return Number(n);
  }
  return null;
}

export function isAzure(baseUrl: string): boolean {
  try {
    return /\.openai\.azure\.com$|\.cognitiveservices\.azure\.com$|\.services\.ai\.azure\.com$/i.test(
      new URL(baseUrl).hostname,
    );
  } catch {
    return false;
  }
}
