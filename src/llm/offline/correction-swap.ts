/**
 * A correction that names what it replaces: "… from her private metadata. Wait, it's in her public metadata, not
 * private", "add it to the foo template. Sorry, not foo, I meant the bar one", "his account got locked… actually
 * no, it was banned, not locked". The correction says a pair — the word meant and the word said — so the request is
 * the sentences before it with that word replaced, and the correction itself is then said. Only a word the earlier
 * sentences contain is replaced; a pair naming nothing said before ("the newest account, not an invitation") only
 * rules out what was never asked, so the request stands as written. Anything else stays a correction the reader
 * could not use (request.ts says so and changes nothing).
 */

// "it's actually X, not Y", "X, not Y": the meant words before ", not", the said word after it.
const MEANT_NOT_SAID =
  /^(?:(?:no|nope|oh|hmm|wait|actually|sorry|i\s+mean|i\s+meant|rather|so)[,!]?\s+)*(?:(?:it'?s|it\s+is|it\s+was|they'?re|that'?s|he\s+was|she\s+was|i\s+mean|i\s+meant)\s+)?(?:actually\s+)?(.+?),?\s+not\s+(?:the\s+|an?\s+|(?:in|on|from)\s+(?:her|his|their|the)\s+)?([^\s,]+)(?:\s+one)?$/i;
// "not Y, I meant X", "not Y but X": the said word first.
const NOT_SAID_MEANT =
  /\bnot\s+(?:the\s+|an?\s+)?([^\s,]+)(?:\s+one)?,?\s+(?:i\s+meant?|but|rather|it'?s|it\s+is)\s+(?:the\s+|an?\s+)?([^\s,]+)/i;

const word = (w: string): RegExp =>
  new RegExp(`(?<![\\w⟦-])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w⟧-])`, 'i');

/**
 * The request with the correction `sentences[index]` applied to the sentences before it, or undefined when the
 * correction does not name a pair. The sentences after the correction are kept.
 */
export function swapCorrection(sentences: string[], index: number): string | undefined {
  // ("…, lock, not ban, because he may come back": the reason after the pair is not part of it.)
  const correction = sentences[index]!.trim().replace(
    /,?\s+(?:because|since|as|so\s+that|given\s+that|cause|cuz)\b.*$/i,
    '',
  );
  let meant: string | undefined;
  let said: string | undefined;
  const late = correction.match(NOT_SAID_MEANT);
  const early = correction.match(MEANT_NOT_SAID);
  if (late) [said, meant] = [late[1]!, late[2]!];
  else if (early) {
    said = early[2]!;
    const words = early[1]!.trim().split(/\s+/);
    meant = words.at(-1);
    // "in her public metadata, not private" where the request said "private metadata": the meant word is the one
    // before the noun both share.
    const earlier = sentences.slice(0, index).join(' ');
    if (words.length > 1 && new RegExp(`${word(said).source}\\s+${word(words.at(-1)!).source}`, 'i').test(earlier))
      meant = words.at(-2);
  }
  if (!meant || !said || meant.toLowerCase() === said.toLowerCase()) return undefined;
  // ("… ban his account - actually no. sorry, lock, not ban": a sentence of correction words alone goes with it.)
  const before = sentences
    .slice(0, index)
    .filter(
      (t) =>
        !/^(?:(?:no|nope|wait|actually|sorry|hmm|oh|scratch\s+that|on\s+second\s+thought)[\s,.!–—-]*)+$/i.test(
          t.trim(),
        ),
    );
  const rest = sentences.slice(index + 1);
  if (!before.some((s) => word(said!).test(s))) return [...before, ...rest].join('. ');
  return [...before.map((s) => s.replace(new RegExp(word(said!).source, 'gi'), meant!)), ...rest].join('. ');
}
