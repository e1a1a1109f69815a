/**
 * A user described by what their profile says: "the CFO of Foo", "the Foo person from the Legal department",
 * "somebody with tier = gold in his public metadata". Apps keep titles, departments and hints in public
 * metadata, so the description is a value there. `withMetaDescribed` says such a description as one token, "the
 * profiled~<value>" or "the profiled~<key>~<value>" (one word, so no key/value reader can take it for a metadata
 * edit); `metaRef` reads that as a reference, and resolve.ts lists the users and takes the one whose public
 * metadata holds it — exactly one, or nobody is guessed. The card shows who it is.
 */
import type { Ref } from './intent-types.js';

// Job titles said as acronyms: "the CEO of Hooli", "Acme's CTO".
const TITLE = '(CEO|CTO|CFO|COO|CIO|CISO|CMO|CPO|VP(?:\\s+of\\s+[A-Z][a-z]+)?)';
const ORG = "([A-Z][\\w&'’-]*(?:\\s+[A-Z][\\w&'’-]*)?)";
const FORMS: ReadonlyArray<[RegExp, (...m: string[]) => string]> = [
  [new RegExp(`\\b(?:the\\s+)?${TITLE}\\s+(?:of|at|from)\\s+${ORG}\\b`, 'g'), (_m, t) => `the profiled~${t}`],
  [new RegExp(`\\b${ORG}(?:'s|’s)\\s+${TITLE}\\b`, 'g'), (_m, _o, t) => `the profiled~${t}`],
  // Typed in lower case: "the hooli ceo", "the ceo of hooli", "hooli's cto" (the acronym is the title).
  [
    /\b(?:the\s+)?(?:[a-z][\w&'’-]*\s+)?(ceo|cto|cfo|coo|cio|ciso|cmo|cpo)\b(?:\s+(?:of|at|from)\s+[a-z][\w&'’-]*)?(?:['’]s\s+(?:account|login|profile))?/g,
    (_m, t) => `the profiled~${t.toUpperCase()}`,
  ],
  // "the Foo member from the Legal department", "the person in Sales team".
  [
    /\b(?:the\s+)?(?:[A-Z][\w&'’-]*\s+)?(?:user|person|one|member|guy|lady|employee)\s+(?:(?:who|that)\s+(?:is|was|works|sits)\s+)?(?:from|in|of)\s+(?:the\s+)?([A-Z][a-z]+)\s+(?:department|dept|team)\b/g,
    (_m, d) => `the profiled~department~${d}`,
  ],
  // "somebody having tier: gold in his metadata".
  [
    /\b(?:someone|somebody|some1|the\s+(?:one|user|person|account))\s+(?:with|who\s+has|that\s+has|having)\s+([a-z][\w-]*)\s*(?:=|:|set\s+to|of)\s*([\w.-]+)\s+in\s+(?:their|his|her|the)\s+(?:public\s+)?(?:metadata|md)\b/gi,
    (_m, k, v) => `the profiled~${k}~${v}`,
  ],
];

/** The message with a user described by a metadata value said as "the user whose metadata says …". */
export function withMetaDescribed(masked: string): string {
  let out = masked;
  for (const [re, to] of FORMS) out = out.replace(re, to as (m: string, ...rest: string[]) => string);
  // "… downgrade that person to member": in a message that describes one such user and names nobody else, "that
  // person / that user / that one" after the description is that user.
  const described = [...new Set(out.match(/\bthe\s+profiled~[\w.~-]+/g) ?? [])];
  if (described.length !== 1 || /⟦[ei]\d+⟧/.test(out)) return out;
  const at = out.indexOf(described[0]!) + described[0]!.length;
  return (
    out.slice(0, at) +
    out.slice(at).replace(/\b(?:that|this|the\s+said)\s+(?:person|user|one|account|employee|member)\b/gi, described[0]!)
  );
}

/** "the profiled~X" (or "~k~v") as a reference. */
export function metaRef(chunk: string): Ref | undefined {
  const m = chunk.trim().match(/^(?:the\s+)?profiled~([\w.-]+?)(?:~([\w.-]+?))?(?:'s|’s)?$/i);
  if (!m) return undefined;
  return { kind: 'meta', value: m[2] !== undefined ? `${m[1]}=${m[2]}` : m[1]! };
}

/** Whether a user's public metadata holds the described value ("CEO", or "department=Finance"). */
export function metaHolds(metadata: unknown, value: string): boolean {
  if (!metadata || typeof metadata !== 'object') return false;
  const entries = Object.entries(metadata as Record<string, unknown>);
  const [key, v] = value.includes('=') ? value.split('=', 2) : [undefined, value];
  return entries.some(
    ([k, x]) =>
      (key === undefined || k.toLowerCase() === key!.toLowerCase()) &&
      (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') &&
      String(x).toLowerCase() === v!.toLowerCase(),
  );
}
