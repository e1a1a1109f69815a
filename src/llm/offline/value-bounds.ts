/**
 * Where an unquoted name ends. "her surname is Okoro since the wedding, please update it", "now called Foo Group
 * as of Monday": a person's or an organization's new name, said without quotes, is its capitalised words; the lower-case
 * words after them say why or when ("following", "after", "as of", "because"), not the name. And "updated to
 * match" names no value at all: a step whose only value is such a word is dropped when another step of the same
 * request sets that field to a real value (the record it names may be the new name said in passing); otherwise it
 * stays, and the card shows it for the admin to deny.
 */
import type { Intent } from './intent-types.js';

const NAME_FIELDS = ['first_name', 'last_name', 'name'] as const;
// A lower-case word that starts a reason or a time after a name.
const TAIL =
  /\s+(?:following|after|before|because|since|as\s+of|as|from|for|due|effective|starting|per|once|when|with|on|in|to|so|and|but|which|who|please|pls|thanks)\b.*$/;
// Words that stand for a value said elsewhere ("to match", "accordingly").
const NO_VALUE = /^(?:match|suit|fit|accordingly|reflect\s+(?:this|that|it)|the\s+new\s+one)$/i;

function bounded(value: string): string {
  // Only a capitalised value is cut: "acme labs west" typed in lower case has no boundary to see.
  if (!/^[\p{Lu}\d]/u.test(value)) return value;
  return value.replace(TAIL, '').trim() || value;
}

function withBounds(intent: Intent): Intent {
  if (intent.kind !== 'user_update' && intent.kind !== 'org_update') return intent;
  let fields = intent.fields;
  for (const key of NAME_FIELDS) {
    const v = fields[key];
    if (typeof v === 'string' && bounded(v) !== v) fields = { ...fields, [key]: bounded(v) };
  }
  return fields === intent.fields ? intent : { ...intent, fields };
}

/** The intent with unquoted names bounded and value-less duplicate steps dropped. */
export function boundValues(intent: Intent): Intent {
  if (intent.kind !== 'sequence') return withBounds(intent);
  const steps = intent.steps.map(withBounds);
  const kept = steps.filter((st, i) => {
    if (st.kind !== 'org_update' && st.kind !== 'user_update') return true;
    const empty = Object.entries(st.fields).filter(([, v]) => typeof v === 'string' && NO_VALUE.test(v));
    if (empty.length === 0) return true;
    return !steps.some((other, k) => {
      if (k === i || other.kind !== st.kind || (other.kind !== 'org_update' && other.kind !== 'user_update'))
        return false;
      return empty.every(([key]) => {
        const v = other.fields[key];
        return typeof v === 'string' && !NO_VALUE.test(v);
      });
    });
  });
  return kept.length === 1 ? kept[0]! : { ...intent, steps: kept };
}
