/**
 * A resource noun shared by the clauses of one sentence: "remove blog.example.com and add status.example.com as a
 * satellite domain" says "domain" once for both. A clause that names a host but no resource borrows the noun from
 * its sentence, so each clause keeps only its own entity (the delete never touches the host being created).
 */

const NOUNS: Array<[RegExp, string]> = [
  [/\b(?:satellite\s+)?domains?\b|\bsatellites?\b/i, 'domain'],
  [/\bjwt\s+templates?\b/i, 'jwt template'],
  [/\bo-?auth\s+(?:app|application|client)s?\b/i, 'oauth app'],
];

/** The resource noun a sentence names, if exactly one kind is named. */
export function sharedNoun(sentence: string): string | undefined {
  const found = NOUNS.filter(([re]) => re.test(sentence)).map(([, noun]) => noun);
  return found.length === 1 ? found[0] : undefined;
}

/** The clause with the noun added when it names an entity but no resource of its own. */
export function withSharedNoun(clause: string, noun: string): string | undefined {
  if (NOUNS.some(([re]) => re.test(clause))) return undefined;
  if (!/⟦[hqi]\d+⟧/.test(clause)) return undefined;
  return `${clause} ${noun}`;
}
