/**
 * Benchmark: what the tool list costs. Tokens (o200k_base) of JSON.stringify(the OpenAI tool list) — the 48 strict
 * function schemas sent with every model call — the average per tool, the largest tools, and how long building
 * the schemas takes. Target: ≤ 5,000 tokens for all 48.
 */
import { allActions } from '../src/actions/index.js';
import { toStrictJsonSchema } from '../src/actions/json-schema.js';
import { toOpenAITools } from '../src/llm/openai-tools.js';
import { countTokens } from '../src/util/tokens.js';

const TARGET = 5_000;

/** Prints the figures through `log`. */
export async function run(log: (line: string) => void): Promise<void> {
  const started = performance.now();
  // Uncached on purpose: this measures the conversion, not toolSpecs()'s cache.
  const specs = allActions.map((a) => ({
    name: a.name,
    description: a.description,
    parameters: toStrictJsonSchema(a.params),
  }));
  const buildMs = performance.now() - started;
  const tools = toOpenAITools(specs);
  const json = JSON.stringify(tools);
  const total = countTokens(json);
  const perTool = tools.map((t) => ({ name: t.function.name, tokens: countTokens(JSON.stringify(t)) }));
  const fmt = (n: number) => n.toLocaleString('en-US');
  log(
    `tools: ${tools.length} tools — ${fmt(total)} tokens (o200k_base, JSON of the OpenAI tool list, ${fmt(json.length)} chars), ` +
      `avg ${(total / tools.length).toFixed(1)} tokens/tool; target ≤ ${fmt(TARGET)}: ${total <= TARGET ? 'met' : 'MISSED'}`,
  );
  const largest = [...perTool].sort((a, b) => b.tokens - a.tokens).slice(0, 5);
  log(`tools: largest — ${largest.map((t) => `${t.name} ${t.tokens}`).join(', ')}`);
  const reads = tools.filter((_, i) => allActions[i]!.risk === 'read');
  log(`tools: read-only subset (${reads.length} tools) — ${fmt(countTokens(JSON.stringify(reads)))} tokens`);
  log(`tools: zod → strict JSON Schema for all ${tools.length} actions — ${buildMs.toFixed(1)} ms (cold)`);
}
