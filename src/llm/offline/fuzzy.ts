/**
 * Names typed with a slip ("Peter Gibons", "Globx", "supabse") matched against what a lookup returned, by edit
 * distance (the same Damerau–Levenshtein the verb corrector uses). The tolerance grows with the name: none under
 * 5 letters (short names are too close to each other), 1 slip up to 7 letters, 2 beyond. Only the records at the
 * smallest distance are returned, so the caller uses one when exactly one is that close and asks when several
 * are; a name nothing is close to stays "not found". Every change is still shown on its approval card with the
 * record's real name, so a correction is never acted on unseen.
 */
import { distance } from './lexicon.js';

/** Slips allowed for a name of this length. */
export function tolerance(term: string): number {
  const n = term.replace(/\s+/g, '').length;
  return n < 5 ? 0 : n < 8 ? 1 : 2;
}

/** The items whose closest key is nearest to `term`, within tolerance (empty when none is close). */
export function nearest<T>(
  term: string,
  items: readonly T[],
  keys: (item: T) => Array<string | null | undefined>,
): T[] {
  const t = term.toLowerCase().replace(/\s+/g, ' ').trim();
  const max = tolerance(t);
  if (max === 0) return [];
  let best: T[] = [];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const ds = keys(item)
      .filter((k): k is string => typeof k === 'string' && k !== '')
      .map((k) => distance(t, k.toLowerCase()));
    const d = Math.min(...ds);
    if (d > max) continue;
    if (d < bestDistance) [best, bestDistance] = [[item], d];
    else if (d === bestDistance) best.push(item);
  }
  return best;
}

/** The words of a name worth a separate lookup when the whole name found nobody ("Peter Gibons" → Peter, Gibons). */
export function lookupWords(name: string): string[] {
  return name.split(/\s+/).filter((w) => /^[\p{L}'’-]{3,}$/u.test(w));
}
