/**
 * Reading the conversation statelessly: which user message is the request being worked on, which later user
 * messages are answers to questions we asked about it, and which tool calls already have results. Everything the
 * offline model "remembers" is recomputed from the messages on every call.
 */
import type { Message } from '../model.js';
import { analyze } from './entities.js';
import { parseRequest } from './request.js';
import { parseEnvelope, type Envelope } from './results.js';
import { hadFailure, isRetry } from './retry.js';
import { fieldFollowUp, withField } from './follow-up.js';

/** The request in progress, with what has happened since it was made. */
export interface Turn {
  request: string;
  /** Answers to our clarifying questions, oldest first. */
  answers: string[];
  /** Results of calls made since the request, by call key (see callKey). */
  results: Map<string, Envelope>;
  /** Assistant messages that carried tool calls, in the whole conversation (call ids stay unique). */
  toolSteps: number;
  /** True when the latest answer was "never mind" / "cancel". */
  cancelled: boolean;
  /** Messages before the request, oldest first (earlier turns). */
  earlier: Message[];
  /** The user said "try again" but nothing of the previous request failed. */
  nothingToRetry?: boolean;
}

const CANCEL =
  /^(?:never ?mind|nevermind|cancel|stop|forget it|abort|no(?:pe)?|nothing|none|skip it|don'?t|leave it)\b/i;
const MAX_QUESTIONS = 4;

/** Canonical key of a call: name + JSON of the args with sorted keys. */
export function callKey(name: string, args: unknown): string {
  return `${name} ${canonical(args)}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** True when an assistant message is a question we asked (no tool calls, ends with "?"). */
function isQuestion(m: Message | undefined): boolean {
  return (
    m !== undefined &&
    m.role === 'assistant' &&
    !(m.toolCalls && m.toolCalls.length > 0) &&
    typeof m.content === 'string' &&
    m.content.trim().endsWith('?')
  );
}

/** A reply that is a whole new request rather than an answer ("list banned users" after "which Chris?"). */
function isNewRequest(text: string): boolean {
  const s = analyze(text);
  const bare = /^[\s,;]*(?:(?:⟦[eiqwh]\d+⟧|and|or|the|one|user|org)[\s,;]*)+$/i.test(s.masked.replace(/[.!?]+$/, ''));
  if (bare) return false;
  // (The sentence readers alone: a reply only the frame reader finds an action in — "she should be a regular
  // member" — is an answer to the question asked.)
  const kind = parseRequest(text, 0, false).kind;
  return kind !== 'unknown' && kind !== 'smalltalk';
}

/** Finds the request in progress. Undefined when there is no user message. */
export function readConversation(messages: Message[]): Turn | undefined {
  const userIdx = messages.map((m, i) => (m.role === 'user' ? i : -1)).filter((i) => i >= 0);
  if (userIdx.length === 0) return undefined;
  let k = userIdx.length - 1;
  const answers: string[] = [];
  // Walk back over "question → answer" pairs to the request that started them.
  while (k > 0 && answers.length < MAX_QUESTIONS) {
    const idx = userIdx[k]!;
    const text = (messages[idx] as { content: string }).content;
    const before = lastAssistantBefore(messages, idx);
    if (!isQuestion(before) || isNewRequest(text)) break;
    answers.unshift(text);
    k--;
  }
  const requestIdx = userIdx[k]!;
  const results = new Map<string, Envelope>();
  const calls = new Map<string, string>();
  for (const m of messages.slice(requestIdx + 1)) {
    if (m.role === 'assistant') {
      for (const tc of m.toolCalls ?? []) {
        let args: unknown = {};
        try {
          args = JSON.parse(tc.arguments);
        } catch {
          args = tc.arguments;
        }
        calls.set(tc.id, callKey(tc.name, args));
      }
    } else if (m.role === 'tool') {
      const key = calls.get(m.toolCallId);
      if (key) results.set(key, parseEnvelope(m.content));
    }
  }
  const latest = answers[answers.length - 1];
  const turn: Turn = {
    request: (messages[requestIdx] as { content: string }).content,
    answers,
    results,
    toolSteps: messages.filter((m) => m.role === 'assistant' && (m.toolCalls?.length ?? 0) > 0).length,
    cancelled: latest !== undefined && CANCEL.test(latest.trim()),
    earlier: messages.slice(0, requestIdx),
  };
  if (isRetry(turn.request)) return retried(messages, requestIdx, turn);
  const fix = answers.length === 0 ? fieldFollowUp(turn.request) : undefined;
  return fix ? (corrected(messages, requestIdx, turn, fix) ?? turn) : turn;
}

/** "Use acme-labs as the slug then" after a failure: the failed request again, with that value replaced. */
function corrected(
  messages: Message[],
  idx: number,
  turn: Turn,
  fix: { field: string; value: string },
): Turn | undefined {
  const prev = readConversation(messages.slice(0, idx));
  if (!prev || !hadFailure(messages, prev.earlier.length, idx)) return undefined;
  return { ...turn, request: withField(prev.request, fix.field, fix.value), answers: [], earlier: prev.earlier };
}

/** "Try again": the previous request, with only the results gathered since the retry (so calls are re-made). */
function retried(messages: Message[], retryIdx: number, turn: Turn): Turn {
  const prev = readConversation(messages.slice(0, retryIdx));
  if (!prev) return turn;
  if (!hadFailure(messages, prev.earlier.length, retryIdx)) return { ...turn, nothingToRetry: true };
  return { ...turn, request: prev.request, answers: [...prev.answers, ...turn.answers], earlier: prev.earlier };
}

function lastAssistantBefore(messages: Message[], idx: number): Message | undefined {
  for (let i = idx - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.role === 'assistant') return m;
    if (m.role === 'user') return undefined;
  }
  return undefined;
}
