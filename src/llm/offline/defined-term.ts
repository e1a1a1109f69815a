/**
 * A defined term, as contracts and formal letters use them (issue 15, round 16): "the JWT template named "foo"
 * (the "Template") … the Template's lifetime …", "the organisation Initech (the "Organisation") …". The readers
 * know records by their names, so every later "the Template" is said as "the template "foo"" and the definition in
 * brackets goes. Only a capitalised single word in quotes right after a name is a definition.
 */
import type { Entities } from './entities.js';

const DEFINITION =
  /(⟦[qe]\d+⟧|\b[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})\s*\(\s*(?:(?:hereinafter|hereafter)\s+(?:(?:called|referred\s+to\s+as)\s+)?)?(?:the\s+)?⟦q(\d+)⟧\s*\)/g;

/** The masked message with each defined term replaced by what it names. */
export function withDefinedTerms(masked: string, ents: Entities): string {
  let out = masked;
  for (const m of [...masked.matchAll(DEFINITION)]) {
    const term = ents.quoted[Number(m[2])]?.trim();
    if (!term || !/^[A-Z][a-z]+$/.test(term)) continue;
    out = out
      .replace(m[0], m[1]!)
      .replace(new RegExp(`\\b(?:the|this|said)\\s+${term}\\b`, 'g'), `the ${term.toLowerCase()} ${m[1]!}`);
  }
  return out;
}
