/**
 * The mutation step of a plan: emit the calls (with a plan text) when none has a result yet, or summarize them
 * from their results once the loop has executed, denied or skipped each one.
 */
import { callKey } from './conversation.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';
import type { Envelope } from './results.js';
import { planText, summarizeMutations } from './summarize.js';
import { nothingToChange } from './truthful.js';

/** A plain answer (no tool calls). */
export function say(text: string): PlanStep {
  return { kind: 'say', text };
}

/** Emits `calls` or, once they have results, the truthful summary. `notes` go into both texts. */
export function act(ctx: PlanContext, calls: Call[], notes: string[] = []): PlanStep {
  const seen = new Set<string>();
  const unique = calls.filter((c) => {
    const key = callKey(c.name, c.args);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  if (unique.length === 0)
    return say(notes.length > 0 ? `${notes.join('\n')}\nNothing was changed.` : nothingToChange(ctx.turn));
  const unavailable = unique.find((c) => !ctx.has(c.name));
  if (unavailable)
    return say(
      `I can't do that here: the ${unavailable.name} tool is not available in this session. Nothing was changed.`,
    );
  const results = unique.map((c) => ctx.result(c.name, c.args));
  const waiting = unique.filter((_, i) => results[i] === undefined);
  ctx.acted = waiting.length > 0 ? 'proposed' : results.every((r) => r?.status === 'ok') ? 'done' : 'not_done';
  if (waiting.length === unique.length) return { kind: 'calls', calls: unique, text: planText(unique, notes) };
  if (waiting.length > 0) return { kind: 'calls', calls: waiting };
  return say(summarizeMutations(unique, results as Envelope[], notes));
}

/** JSON text for a jsonObject() param (metadata, claims): strict tool schemas take these as strings. */
export function jsonArg(value: unknown): string {
  return JSON.stringify(value ?? {});
}

/** Copies fields, turning object values of the given keys into JSON text. */
export function withJsonArgs(fields: Record<string, unknown>, jsonKeys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields))
    out[k] = jsonKeys.includes(k) && typeof v === 'object' && v !== null ? jsonArg(v) : v;
  return out;
}
