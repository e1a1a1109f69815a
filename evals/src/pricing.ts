/** Token prices from evals/pricing.json (USD per 1M tokens). An unknown model costs null: never a guess. */
import { existsSync, readFileSync } from 'node:fs';
import { evalsPath } from './paths.js';

/** USD per 1M input and output tokens. */
export interface Price {
  input: number;
  output: number;
}

/** Load the pricing table (an absent or malformed file means every price is unknown). */
export function loadPricing(file = evalsPath('pricing.json')): Map<string, Price> {
  const table = new Map<string, Price>();
  if (!existsSync(file)) return table;
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as {
      models?: Record<string, { input?: unknown; output?: unknown }>;
    };
    for (const [model, p] of Object.entries(raw.models ?? {})) {
      if (typeof p.input === 'number' && typeof p.output === 'number')
        table.set(model, { input: p.input, output: p.output });
    }
  } catch {
    // unreadable table: all prices unknown
  }
  return table;
}

/** Cost in USD, or null when the price or the token counts are unknown. */
export function costUsd(
  prices: Map<string, Price>,
  model: string,
  inputTokens: number | null,
  outputTokens: number | null,
): number | null {
  const p = prices.get(model);
  if (!p || inputTokens === null || outputTokens === null) return null;
  return (inputTokens * p.input + outputTokens * p.output) / 1_000_000;
}
