/**
 * A record the message names without saying which kind of reference it is: "… a staging copy of the internal
 * dashboard. Could the OAuth app for it …", "Initech rebranded — rename their organisation …". When a request's
 * target is only a pronoun or a bare noun ("it", "their organisation"), the target is the one listed record whose
 * whole name the message contains anywhere. One rule for every resource the planner lists by name; several or
 * none named means the planner asks, so nothing is guessed.
 */

/** True when `text` contains `name` as whole words, case-insensitively (names shorter than 4 letters never count). */
export function mentions(text: string, name: string): boolean {
  if (name.trim().length < 4) return false;
  return new RegExp(`(?<![\\w.-])${namePattern(name)}(?![\\w-])`, 'i').test(text);
}

/** `text` with every character a regular expression gives a meaning to escaped. */
export const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `text` says `word` as a whole word (no letter or digit on either side), case-insensitively. */
export function saysWord(text: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}\\d])${escapeRe(word)}(?![\\p{L}\\d])`, 'iu').test(text);
}

/** A name as a pattern: its characters escaped, any run of spaces, "_" or "-" matching any other such run. */
export function namePattern(name: string): string {
  return escapeRe(name.trim()).replace(/[\s_-]+/g, '[\\s_-]+');
}

/**
 * The one item `text` names (by any of its `keys`, e.g. name and slug); an item whose name only appears inside
 * another named item's name ("Acme" in "Acme Labs") does not count twice.
 */
export function mentionedOne<T>(text: string, items: T[], keys: (item: T) => string[]): T | undefined {
  const named = items.filter((i) => keys(i).some((k) => k !== '' && mentions(text, k)));
  // A name said short, without its last word ("Vance & Sons" for "Vance & Sons Hardware"), elsewhere than inside a
  // name said whole, names that record too: two records named is a question, never the one said in full.
  const rest = named.reduce(
    (t, i) => keys(i).reduce((u, k) => (k === '' ? u : u.replace(new RegExp(namePattern(k), 'gi'), ' ')), t),
    text,
  );
  const short = items.filter(
    (i) =>
      !named.includes(i) &&
      keys(i).some((k) => {
        const words = k.trim().split(/\s+/);
        return words.length >= 3 && mentions(rest, words.slice(0, -1).join(' '));
      }),
  );
  const all = [...named, ...short];
  return all.length === 1 ? all[0] : undefined;
}
