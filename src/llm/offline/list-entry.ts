/**
 * An allowlist/blocklist entry named by a word of it rather than the identifier itself (issue 15, round 4): "nuke
 * the mailinator thing from the blocklist", "our partner uses guerilla mail … unblock that domain", "take the
 * foo one off the allowlist". The entry is the one listed identifier whose name part (the domain without its
 * ending, or the address) the admin's message names — as a word, two words run together ("guerilla mail"), or
 * with a slip (fuzzy.ts tolerance). Exactly one such entry is used (its real identifier is on the approval card);
 * several or none are said, and nothing is removed.
 */
import { tolerance } from './fuzzy.js';
import { distance } from './lexicon.js';

// Words that describe the entry's kind or the request, never its name.
const NOT_NAME = new Set(
  'the a an that this thing one entry entries domain domains address addresses email emails from off on of to in our their allowlist blocklist list block unblock remove delete nuke drop take please pls can you could it we they is are was for and with uses use using test com org net io co'.split(
    ' ',
  ),
);

/** The parts of an identifier a message may name it by: "*@guerrillamail.test" → guerrillamail; an address whole. */
export function entryNames(identifier: string): string[] {
  const lower = identifier.toLowerCase();
  const host = lower.replace(/^.*@/, '');
  const labels = host
    .split('.')
    .slice(0, -1)
    .filter((l) => l.length >= 4 && !NOT_NAME.has(l));
  return [...new Set([...(lower.includes('@') && !lower.startsWith('*') ? [lower] : []), ...labels])];
}

/** The words of a message (and each two adjacent words run together), for naming an entry. */
function candidates(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9@.*-]+/)
    .map((w) => w.replace(/^[.*-]+|[.*-]+$/g, ''))
    .filter((w) => w !== '');
  const out = words.filter((w) => !NOT_NAME.has(w) && w.length >= 4);
  for (let i = 0; i + 1 < words.length; i++)
    if (!NOT_NAME.has(words[i]!) && !NOT_NAME.has(words[i + 1]!)) out.push(`${words[i]}${words[i + 1]}`);
  return out;
}

/** The listed entries the message names (exact first, else the nearest within tolerance). */
export function namedEntries<T>(text: string, items: readonly T[], identifier: (item: T) => string): T[] {
  const words = candidates(text);
  const scored = items.map((item) => {
    const names = entryNames(identifier(item));
    let best = Number.POSITIVE_INFINITY;
    for (const n of names)
      for (const w of words) {
        if (w === n || (w.includes('@') && w.endsWith(`@${n}`))) best = 0;
        else if (tolerance(n) > 0 && Math.abs(w.length - n.length) <= tolerance(n)) {
          const d = distance(w, n);
          if (d <= tolerance(n)) best = Math.min(best, d);
        }
      }
    return { item, best };
  });
  const min = Math.min(...scored.map((s) => s.best));
  return Number.isFinite(min) ? scored.filter((s) => s.best === min).map((s) => s.item) : [];
}
