/**
 * Wraps provider-neutral tool specs in the OpenAI chat.completions `tools` shape. Plain data: no SDK import, so
 * `clerk-agent tools --json` and the token benchmark can print exactly what the model is sent without loading openai.
 */
import type { JsonSchema } from './model.js';

/** One entry of the chat.completions `tools` array, strict function calling on. */
export interface OpenAIFunctionTool {
  type: 'function';
  function: { name: string; description: string; parameters: JsonSchema; strict: true };
}

/** `[{ type: 'function', function: { name, description, parameters, strict: true } }]` for the given specs. */
export function toOpenAITools(
  specs: readonly { name: string; description: string; parameters: JsonSchema }[],
): OpenAIFunctionTool[] {
  return specs.map((spec) => ({
    type: 'function',
    function: { name: spec.name, description: spec.description, parameters: spec.parameters, strict: true },
  }));
}
