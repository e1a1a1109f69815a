/**
 * Reasoning kept out of the answer. Reasoning models send their thinking in `reasoning_content` (DeepSeek, vLLM,
 * llama.cpp) or `reasoning` (Ollama, OpenRouter), which we never read as the answer; some templates leave it inline
 * as `<think>…</think>` at the start of `content`, which is stripped here.
 */

/** `content` without `<think>…</think>` blocks (an unclosed block at the start is all thinking). */
export function stripThinking(content: string): string {
  let text = content.replace(/<think>[\s\S]*?<\/think>/g, '');
  if (/^\s*<think>/.test(text)) text = '';
  // Some templates open the block in the prompt, so only the closing tag appears.
  const close = text.indexOf('</think>');
  if (close >= 0) text = text.slice(close + '</think>'.length);
  return text.trim();
}
