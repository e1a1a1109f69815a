/**
 * A correction that says only the new value (issue 15, round 4): "set Foo's slug to foo-eu. no wait, foo-emea",
 * "cap it at 40 — sorry, I meant 45", "rename the app to Sync. actually make that Sync Pro". Rule: when the
 * correction sentence is a lead word ("no wait", "sorry", "actually", "I mean", "correction") followed by nothing
 * but a value, and the request before it is a field change with exactly one value of the same shape (a number for
 * a number, one token for one token, a name for a name), that value is replaced. Anything else is left to the
 * caller, which changes nothing (request.ts: an unreadable correction takes back what came before it).
 */
import { type Sentence, unmask } from './entities.js';
import type { Intent } from './intent-types.js';

const LEAD =
  /^(?:(?:no|nope|hmm|ok|okay|oh|argh|ugh|oops|whoops)[,.!]*\s+)*(?:(?:wait|actually|scratch\s+that|on\s+second\s+thought|sorry|correction|my\s+bad|i\s+mean|i\s+meant|typo)[,.!:]*\s+)?(?:(?:no|i\s+mean|i\s+meant|rather|it\s+should\s+be|should\s+be|make\s+(?:that|it)|use|not\s+that)[,.!:]*\s+)*/i;

type FieldChange = Extract<Intent, { kind: 'org_update' | 'user_update' | 'named_update' }>;

/** The value a correction sentence says and nothing else, or undefined. */
export function correctionValue(sentence: string, s: Sentence): string | undefined {
  const lead = sentence.trim().match(LEAD);
  if (!lead) return undefined;
  const rest = sentence
    .trim()
    .slice(lead[0].length)
    // ("…, she's keeping both lol": a remark about the value after it, not part of it.)
    .replace(/\s*,\s*(?:she|he|they|it|that|this|we)(?:['’]s|['’]re|\s+is|\s+are|\s+was|\s+wants?)\b.*$/i, '')
    .replace(/\s+(?:lol|haha|lmao)\s*$/i, '')
    .replace(/\s*(?:instead|then|please|pls|sorry)?[.!]*$/i, '')
    .trim();
  const quoted = rest.match(/^["'“]?⟦q(\d+)⟧["'”]?$/);
  if (quoted) return s.ents.quoted[Number(quoted[1])];
  if (/⟦/.test(rest)) return undefined;
  // One token ("foo-emea", "45"), or a short capitalised name ("Foo Labs").
  if (/^[\w.-]+$/.test(rest) || /^[A-Z][\w&.'-]*(?:\s+[A-Z0-9][\w&.'-]*){0,3}$/.test(rest)) return unmask(rest, s.ents);
  return undefined;
}

/** The field change with its one value replaced by the corrected value, or undefined when it does not fit. */
export function withCorrectedValue(intent: Intent, value: string): Intent | undefined {
  // "rename Foo to Foo Corp. actually, make that Foo Group": the new name is the value.
  if (intent.kind === 'rename_any') return /^\d+$/.test(value) ? undefined : { ...intent, newName: value };
  if (intent.kind !== 'org_update' && intent.kind !== 'user_update' && intent.kind !== 'named_update') return undefined;
  const change = intent as FieldChange;
  const keys = Object.keys(change.fields).filter((k) => ['string', 'number'].includes(typeof change.fields[k]));
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  const was = change.fields[key];
  if (typeof was === 'number') {
    if (!/^\d+$/.test(value)) return undefined;
    return { ...change, fields: { ...change.fields, [key]: Number(value) } } as Intent;
  }
  // A one-token value (slug, username) is corrected by one token; a name by a name.
  if (/^\d+$/.test(value) || (!/\s/.test(String(was)) && /\s/.test(value))) return undefined;
  return { ...change, fields: { ...change.fields, [key]: value } } as Intent;
}
