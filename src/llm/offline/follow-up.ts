/**
 * A follow-up that fixes one value of a request that failed: "Use acme-labs as the slug then", "try the slug
 * acme-2 instead", "name it Acme Research instead". The failed request is planned again with that value replaced
 * (its mutation is proposed again as a new call, so it needs a new approval). Only after a failure: otherwise the
 * message is read as a request of its own.
 */

const FIELDS = '(slug|name|username|user ?name|role|email(?: address)?|domain)';
// A value is one token ("acme-labs") or a capitalised name ("Wayne Labs").
const VALUE = '([\\w.@+-]+(?:\\s+[A-Z][\\w.-]*)*)';
const PATTERNS = [
  new RegExp(
    `\\b(?:use|try|go with|pick|take|make it)\\s+["'“]?${VALUE}["'”]?\\s+(?:as|for)\\s+(?:the\\s+)?(?:new\\s+)?${FIELDS}\\b`,
    'i',
  ),
  new RegExp(
    `\\b(?:use|try|go with|pick|take|make it|set)\\s+(?:the\\s+|a\\s+)?(?:new\\s+)?${FIELDS}\\s+(?:to\\s+|of\\s+)?["'“]?${VALUE}["'”]?`,
    'i',
  ),
  new RegExp(
    `^(?:(?:ok(?:ay)?|then|so|fine)[,\\s]+)*${FIELDS}\\s+["'“]?([\\w.@+-]+)["'”]?\\s+(?:instead|then)\\b`,
    'i',
  ),
];

/** The field and value a follow-up sets, e.g. { field: 'slug', value: 'acme-labs' }. */
export function fieldFollowUp(text: string): { field: string; value: string } | undefined {
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const t = sentence.trim().replace(/[.!?]+$/, '');
    for (const [n, re] of PATTERNS.entries()) {
      const m = t.match(re);
      if (!m) continue;
      const [field, raw] = n === 0 ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
      // The regex is case-insensitive, so keep only the capitalised words after the first ("instead" is not a name).
      const words = raw.split(/\s+/);
      const end = words.findIndex((w, i) => i > 0 && !/^[A-Z]/.test(w));
      const value = (end < 0 ? words : words.slice(0, end)).join(' ');
      if (/^(?:it|that|this|one|the|a|an)$/i.test(value)) continue;
      return {
        field: field
          .toLowerCase()
          .replace(/\s+/g, '')
          .replace(/address$/, ''),
        value,
      };
    }
  }
  return undefined;
}

/** The earlier request with the field's value replaced ("…with the slug acme" → "…with the slug acme-labs"). */
export function withField(request: string, field: string, value: string): string {
  const word = field === 'username' ? 'user ?name' : field;
  const re = new RegExp(`(\\b${word}\\s+(?:to\\s+|of\\s+|is\\s+|=\\s*|:\\s*)?)["'“]?[\\w.@+-]+["'”]?`, 'i');
  if (re.test(request)) return request.replace(re, `$1${value}`);
  return `${request.replace(/[.!?\s]+$/, '')} with ${field} ${value}`;
}
