/**
 * The context budget: history trimmed to fit the model's window. Token counts come from the one shared tiktoken
 * encoder (src/util/tokens.ts) and are cached per message object, so a long conversation is counted once.
 */
import type { Message } from '../llm/model.js';
import { countTokens } from '../util/tokens.js';

/** Rough per-message framing cost in chat formats (role, separators). */
const MESSAGE_OVERHEAD = 4;

const tokenCache = new WeakMap<Message, number>();
const byteCache = new WeakMap<Message, number>();

function messageText(m: Message): string {
  if (m.role !== 'assistant') return m.content;
  const calls = (m.toolCalls ?? []).map((c) => `${c.id} ${c.name} ${c.arguments}`).join('\n');
  return `${m.content ?? ''}\n${calls}`;
}

/**
 * Above this many UTF-8 bytes a message is costed by its byte count (an upper bound) instead of the tokenizer:
 * tiktoken's BPE is quadratic in an unbroken run of characters (100 KB of "x" takes ~13 s, 32 KB ~1 s) and crashes its WASM
 * ("unreachable") at ~2 MB, which would end every later turn of the conversation with a model error.
 */
const TOKENIZE_MAX_BYTES = 32 * 1024;

/** Tokens one message costs (cached per object). */
export function messageTokens(m: Message): number {
  let n = tokenCache.get(m);
  if (n === undefined) {
    const bytes = messageBytes(m);
    n = bytes > TOKENIZE_MAX_BYTES + MESSAGE_OVERHEAD ? bytes : countTokens(messageText(m)) + MESSAGE_OVERHEAD;
    tokenCache.set(m, n);
  }
  return n;
}

/** An upper bound on a message's tokens that needs no tokenizer: a BPE token covers at least one UTF-8 byte. */
function messageBytes(m: Message): number {
  let n = byteCache.get(m);
  if (n === undefined) {
    n = Buffer.byteLength(messageText(m)) + MESSAGE_OVERHEAD;
    byteCache.set(m, n);
  }
  return n;
}

/**
 * Splits history into units that must be kept or dropped together: an assistant message that made tool calls
 * travels with its tool results (a provider rejects a tool result without its call, and vice versa).
 */
export function toUnits(messages: readonly Message[]): Message[][] {
  const units: Message[][] = [];
  for (const m of messages) {
    const last = units[units.length - 1];
    if (m.role === 'tool' && last && last[0]?.role === 'assistant' && (last[0].toolCalls?.length ?? 0) > 0)
      last.push(m);
    else units.push([m]);
  }
  return units;
}

const unitTokens = (unit: readonly Message[]) => unit.reduce((sum, m) => sum + messageTokens(m), 0);

/** How much history fits: a tokenizer-free bound that covers short conversations, and the exact token budget. */
export interface HistoryBudget {
  /** History of at most this many UTF-8 bytes always fits (bytes bound tokens from above). */
  safeBytes: number;
  /** Tokens left for history; counted lazily (the tokenizer takes ~0.5 s to load). */
  tokens(): number;
}

/** The budget for a context window of `contextTokens`, after `fixed` texts (system prompt, tool list) and an answer reserve. */
export function createHistoryBudget(contextTokens: number, fixed: readonly string[]): HistoryBudget {
  const reserve = Math.min(4_096, Math.floor(contextTokens / 8));
  const fixedBytes = fixed.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  let tokens: number | undefined;
  return {
    safeBytes: contextTokens - reserve - fixedBytes,
    tokens() {
      tokens ??= Math.max(1_000, contextTokens - reserve - fixed.reduce((sum, t) => sum + countTokens(t), 0));
      return tokens;
    },
  };
}

/**
 * The newest part of `messages` that fits the budget, whole units only. The latest user message is always
 * kept (it is what the turn is about); so is the newest unit, even if alone it is over budget.
 */
export function fitHistory(
  messages: readonly Message[],
  limit: HistoryBudget,
): { messages: Message[]; dropped: number } {
  const bytes = messages.reduce((sum, m) => sum + messageBytes(m), 0);
  if (bytes <= limit.safeBytes) return { messages: [...messages], dropped: 0 };
  const budget = limit.tokens();

  const units = toUnits(messages).filter((u) => u[0]?.role !== 'tool'); // orphaned results cannot be sent
  let pinned = -1;
  for (let i = units.length - 1; i >= 0; i--) {
    if (units[i]![0]!.role === 'user') {
      pinned = i;
      break;
    }
  }
  let used = pinned >= 0 ? unitTokens(units[pinned]!) : 0;
  let start = units.length;
  for (let i = units.length - 1; i >= 0; i--) {
    if (i === pinned) {
      start = i;
      continue;
    }
    const cost = unitTokens(units[i]!);
    if (used + cost > budget && start < units.length) break;
    used += cost;
    start = i;
  }
  const kept = units.slice(start);
  if (pinned >= 0 && pinned < start) kept.unshift(units[pinned]!);
  const flat = kept.flat();
  return { messages: flat, dropped: messages.length - flat.length };
}
