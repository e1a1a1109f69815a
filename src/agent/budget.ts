/**
 * The context budget: history trimmed to fit the model's window. Token counts come from the one shared tiktoken
 * encoder (src/util/tokens.ts) and each message is costed once: a conversation's messages are new objects on every
 * turn (a RunState is re-parsed when it is resumed), so the count is cached by content as well as by object, in a
 * bounded cache. The history is walked newest first and the walk stops once the budget is spent, so the cost of a
 * step depends on the window the model is sent, not on how long the chat has been going.
 */
import type { Message } from '../llm/model.js';
import { countTokens } from '../util/tokens.js';

/** Rough per-message framing cost in chat formats (role, separators). */
const MESSAGE_OVERHEAD = 4;
/** Characters of message text the content cache may hold as keys; the least recently used are forgotten. */
const CONTENT_CACHE_MAX_CHARS = 8_000_000;

const tokenCache = new WeakMap<Message, number>();
const byteCache = new WeakMap<Message, number>();
/**
 * text → token count. Keyed by the text itself: a re-parsed RunState has new message objects but the very same
 * string values, and V8 keeps a string's hash with the string, so a hit costs no re-hashing of the text. A Map
 * iterates in insertion order, so re-inserting on a hit makes it an LRU; it is bounded by the characters it holds.
 */
const contentCache = new Map<string, number>();
let contentChars = 0;

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

/** Tokens of `text` (tokenizer run once per distinct text while it stays in the cache). */
function textTokens(text: string): number {
  let n = contentCache.get(text);
  if (n !== undefined) {
    contentCache.delete(text);
    contentCache.set(text, n);
    return n;
  }
  n = countTokens(text);
  contentCache.set(text, n);
  contentChars += text.length;
  while (contentChars > CONTENT_CACHE_MAX_CHARS && contentCache.size > 1) {
    const oldest = contentCache.keys().next().value!;
    contentCache.delete(oldest);
    contentChars -= oldest.length;
  }
  return n;
}

/** Tokens one message costs (cached per object and per text: the tokenizer runs once per distinct message). */
export function messageTokens(m: Message): number {
  let n = tokenCache.get(m);
  if (n === undefined) {
    const bytes = messageBytes(m);
    n = bytes > TOKENIZE_MAX_BYTES + MESSAGE_OVERHEAD ? bytes : textTokens(messageText(m)) + MESSAGE_OVERHEAD;
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

const startsCallUnit = (m: Message | undefined) => m?.role === 'assistant' && (m.toolCalls?.length ?? 0) > 0;

/**
 * Splits history into units that must be kept or dropped together: an assistant message that made tool calls
 * travels with its tool results (a provider rejects a tool result without its call, and vice versa).
 */
export function toUnits(messages: readonly Message[]): Message[][] {
  const units: Message[][] = [];
  for (const m of messages) {
    const last = units[units.length - 1];
    if (m.role === 'tool' && last && startsCallUnit(last[0])) last.push(m);
    else units.push([m]);
  }
  return units;
}

/**
 * The units of `messages`, newest first, as [start, end) index ranges: the same units as toUnits, found from
 * the end so a caller can stop early. Tool results with no call before them (orphans) are skipped: they cannot
 * be sent.
 */
function* unitsFromEnd(messages: readonly Message[]): Generator<[number, number]> {
  let end = messages.length;
  while (end > 0) {
    let start = end - 1;
    while (start >= 0 && messages[start]!.role === 'tool') start--;
    if (start < end - 1) {
      // A run of tool results: they belong to the call just before them, if there is one.
      if (start >= 0 && startsCallUnit(messages[start])) yield [start, end];
      else if (start < 0) return;
      else {
        yield [start, start + 1];
      }
      end = start;
      continue;
    }
    yield [start, end];
    end = start;
  }
}

const rangeTokens = (messages: readonly Message[], [start, end]: [number, number]) => {
  let sum = 0;
  for (let i = start; i < end; i++) sum += messageTokens(messages[i]!);
  return sum;
};

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

/** True when the whole history is within `safeBytes` (summed newest first, stopping as soon as it is over). */
function fitsInBytes(messages: readonly Message[], safeBytes: number): boolean {
  let bytes = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    bytes += messageBytes(messages[i]!);
    if (bytes > safeBytes) return false;
  }
  return true;
}

/**
 * The newest part of `messages` that fits the budget, whole units only. The latest user message is always
 * kept (it is what the turn is about); so is the newest unit, even if alone it is over budget.
 */
export function fitHistory(
  messages: readonly Message[],
  limit: HistoryBudget,
): { messages: Message[]; dropped: number } {
  if (fitsInBytes(messages, limit.safeBytes)) return { messages: [...messages], dropped: 0 };
  const budget = limit.tokens();

  let pinned: [number, number] | undefined;
  for (const unit of unitsFromEnd(messages)) {
    if (messages[unit[0]]!.role === 'user') {
      pinned = unit;
      break;
    }
  }
  let used = pinned ? rangeTokens(messages, pinned) : 0;
  const kept: Array<[number, number]> = [];
  for (const unit of unitsFromEnd(messages)) {
    if (pinned && unit[0] === pinned[0]) {
      kept.push(unit);
      continue;
    }
    const cost = rangeTokens(messages, unit);
    if (used + cost > budget && kept.length > 0) break;
    used += cost;
    kept.push(unit);
  }
  // An older pinned user message than the oldest kept unit still goes first.
  if (pinned && !kept.some((u) => u[0] === pinned[0])) kept.push(pinned);
  kept.sort((a, b) => a[0] - b[0]);
  const flat = kept.flatMap(([start, end]) => messages.slice(start, end));
  return { messages: flat, dropped: messages.length - flat.length };
}
