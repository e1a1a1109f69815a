/**
 * Small helpers for approval-card previews. Previews must never throw, so every helper accepts anything.
 */
import type { PreviewContext } from './define-action.js';

/** "Jane Doe <jane@example.com> (user_1)" when a label is known, else "user user_1" (noun + id; just the id when noun is ""). */
export function named(ctx: PreviewContext | undefined, id: unknown, noun: string): string {
  const key = typeof id === 'string' ? id : String(id ?? '?');
  const labels = ctx?.labels;
  const label = labels && Object.hasOwn(labels, key) ? labels[key] : undefined;
  if (typeof label === 'string' && label.length > 0) return `${label} (${key})`;
  return noun ? `${noun} ${key}` : key;
}

/** A value as short readable text: strings quoted, objects as compact JSON, long values cut. */
export function show(value: unknown, max = 80): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Fields that are set, as `name=value` pairs; `secret` fields show as `(hidden)`. Empty string when none. */
export function fields(args: unknown, keys: readonly string[], secret: readonly string[] = []): string {
  if (typeof args !== 'object' || args === null) return '';
  const record = args as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of keys) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    parts.push(secret.includes(key) ? `${key}=(hidden)` : `${key}=${show(value)}`);
  }
  return parts.join(', ');
}

/** " with a, b" / " setting a, b" style suffix, or "" when `text` is empty. */
export function suffix(prefix: string, text: string): string {
  return text ? ` ${prefix} ${text}` : '';
}
