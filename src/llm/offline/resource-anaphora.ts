/**
 * "it" / "its" for the small named resources: "tokens from the supabase jwt template are rejected. Bump its clock
 * skew to 30", "the blog.example.com domain is obsolete, delete it". A clause that does not parse on its own but
 * says it/its borrows the resource phrase named in another clause of the same message (earlier clauses first).
 * Only phrases that name both the resource and which one are borrowed, so nothing is guessed.
 */

const PHRASES = [
  /\b[\w.-]+\s+(?:jwt\s+)?(?:token\s+)?template\b/gi,
  // "the foo tokens expire too fast. make them last a day": a template named by its tokens.
  /\b[a-z][\w.-]*\s+(?:jwts?\s+)?tokens?\b/gi,
  /\b(?:jwt\s+)?template\s+⟦q\d+⟧/gi,
  /⟦h\d+⟧(?:\s+(?:satellite\s+)?domain)?|\b(?:satellite\s+)?domain\s+⟦h\d+⟧/gi,
  // "the satellite domain": a description that still says which one (lexicon.ts rewrites "not the primary one").
  /\bsatellite\s+domain\b/gi,
  /(?:\b[A-Z][\w-]*\s+)+(?:o-?auth\s+)?(?:app|application|client)\b|⟦q\d+⟧\s+(?:o-?auth\s+)?(?:app|application)\b/g,
  // "the app invite we sent out to x@y.test isn't needed, pull it back": an invitation named by its address.
  /\b(?:(?:app|org(?:ani[sz]ation)?)\s+)?invit(?:e|ation)\s+(?:(?:we|i|they|you)\s+sent(?:\s+out)?\s+)?(?:to|for)\s+⟦e\d+⟧/gi,
];
const NOT_A_NAME =
  /^(?:the|a|an|this|that|jwt|o-?auth|our|my|new|its|their|every|each|all|any|which|are|is|session|access|refresh|api|auth|bearer|id|his|her|your|those|these)\s/i;
const IT = /\bits\b|\bit\b|\bthem\b/i;

/** True when the clause refers to something with it / its (or "them": fillResourceAnaphor takes it only for tokens). */
export function hasResourceAnaphor(masked: string): boolean {
  return IT.test(masked);
}

// A resource described by one word of its name rather than the whole name: that still says which one, as
// surely as a name does.
const DESCRIBED =
  /\bo-?auth\s+(?:app|application|client)\s+(?:(?:with|having|that\s+has|which\s+has)\s+(?:the\s+(?:word|text)\s+)?(?:⟦q\d+⟧|[\w.-]+)\s+(?:somewhere\s+)?in\s+(?:its|the)\s+name|whose\s+name\s+(?:contains|includes|mentions|has)\s+(?:⟦q\d+⟧|[\w.-]+))/i;

/** The resource phrase a clause names ("supabase jwt template"), if any. */
export function resourcePhrase(masked: string): string | undefined {
  const described = masked.match(DESCRIBED);
  if (described) return described[0];
  for (const re of PHRASES) {
    for (const m of masked.matchAll(re)) {
      const phrase = m[0].trim();
      if (!NOT_A_NAME.test(phrase) && !/^(?:jwt\s+)?(?:token\s+)?template$/i.test(phrase)) return phrase;
    }
  }
  return undefined;
}

/** Replaces it / its with the phrase borrowed from the nearest other clause; undefined when there is none. */
export function fillResourceAnaphor(masked: string, others: string[]): string | undefined {
  const phrase = others.map(resourcePhrase).find((p) => p !== undefined);
  if (!phrase) return undefined;
  // ("them" only for tokens, which are many: said of anything else it may be people.)
  const tokens = /\btokens?$/i.test(phrase);
  if (!/\bits?\b/i.test(masked) && !(tokens && /\bthem\b/i.test(masked))) return undefined;
  return masked
    .replace(/\bits\b/i, `the ${phrase}'s`)
    .replace(/\bit\b/i, `the ${phrase}`)
    .replace(/\bthem\b/i, (m) => (tokens ? `the ${phrase}` : m));
}

const ENTITY_ANAPHOR =
  /\b(?:that|this|the same|the)\s+(?:(phone\s+)?number|(?:e-?mail\s+)?address|e-?mail|domain|identifier)\b/i;

/**
 * "Add that number to the blocklist": the phone, email or host named in another clause of the message. The token
 * kind must fit the noun (a number is a phone, an address an email), and exactly one such entity must be named.
 */
export function fillEntityAnaphor(masked: string, others: string[]): string | undefined {
  const m = masked.match(ENTITY_ANAPHOR);
  if (!m) return undefined;
  const word = m[0].toLowerCase();
  const kinds = /number/.test(word) ? 'p' : /domain/.test(word) ? 'hw' : /address|mail/.test(word) ? 'e' : 'pehw';
  const tokens = new Set(
    others.flatMap((o) => [...o.matchAll(/⟦([a-z])\d+⟧/g)].filter((t) => kinds.includes(t[1]!)).map((t) => t[0])),
  );
  if (tokens.size !== 1) return undefined;
  return masked.replace(ENTITY_ANAPHOR, [...tokens][0]!);
}
