/**
 * Splitting a request into the pieces an admin actually writes: sentences ("The chargeback was resolved. Unban
 * sam@x.test please."), clauses joined before an action verb ("sign him out, remove him from Acme, and ban him")
 * and trailing asides (", it was a mistake"). Splitting happens on the placeholder-masked text, so dots inside
 * emails, hosts, quoted names or JSON never split anything. Each piece becomes its own Sentence with only its
 * own entities.
 */
import { type Entities, emptyEntities, type Sentence } from './entities.js';

/** Verbs that start a new instruction after "and" / "then" / a comma. */
export const ACTION_VERB =
  '(?:ban|unban|block|unblock|lock|unlock|delete|remove|sign|log|revoke|add|invite|make|set|change|rename|update|promote|demote|kick|allow|disallow|create|end|suspend|reinstate|restore|let|give|move|transfer|list|show|tell|send|cancel|disable|enable|drop|put|reset|terminate|kill|lift|get rid of|nuke|scrap|retire|decommission|switch|flip|bump|raise|take|mark|flag|tag|clear|wipe|erase|unset|strip|trim|edit|modify|increase|decrease|lower|extend|shorten|grant|fix|correct|(?:block|allow|white|black)list(?=\\s+(?:[\\w-]+\\s+){0,4}?⟦))';
const EMBEDDED =
  '\\s*,?\\s+(?:and\\s+)?(?:has\\s+|have\\s+)?(?:asked|asks|wants|wanted|would like|needs|needed|requested)\\s+(?:us|me|you)\\s+to\\s+';
// Politeness between clauses ("…, can you unban him") belongs to the next instruction, not to the sentence before.
const FILLER =
  '(?:(?:just|also|please|pls|plz|kindly|then|and|finally|afterwards|after that|(?:can|could|would|will) (?:you|u))\\s+)*';

// Verbs that report (past tense, or a state): "approved", "quit", "was", "is", "left".
const REPORT = '(?:was|were|is|are|has|had|left|quit|went|got|lost|moved|took|gave|ran|sold|bought|told|[a-z]+ed)';

// ", and Foo can have up to 8 people now", ", and her role should be admin": a new subject with a modal after ", and"
// starts a request of its own (what the first clause asked stays the first clause's).
const MODAL_CLAUSE =
  "\\s*,\\s*and\\s+(?=(?:[\\w&'’.⟦⟧-]+\\s+){1,3}(?:can|should|must|may|will|needs?\\s+to|has\\s+to)\\s+(?:now\\s+|also\\s+)?(?:have|be|get|go)\\b)";

/** One piece of a request. `verbLed`: it was split off because it starts with an action verb. */
export interface Unit {
  masked: string;
  verbLed: boolean;
}

/** Sentences of a masked request (". ", "! ", "? ", "; " and ": " before an action verb). */
const QUESTION = '(?:which|what|who|whom|whose|when|where|how|is|are|was|were|does|do|did|has|have|can|could)';

// "ban x - no wait, just lock him", "delete it, actually no, lock it": a correction mid-sentence starts a new
// sentence, so the correction rule (request.ts) replaces what came before it.
const SELF_CORRECTION =
  '(?:(?:no|nope|hmm|oh)[,!]?\\s+)*(?:wait|actually|scratch\\s+that|on\\s+second\\s+thought|i\\s+mean|sorry)\\b';

export function splitSentences(masked: string): string[] {
  // "She's locked out - please unlock her account": a spaced dash before an instruction ends a sentence too, and
  // so does a colon before a question ("Access review, no changes: which organizations is X in?"), a "+" between
  // two instructions, and an inline numbered item ("two things: 1) … 2) …").
  const parts = masked.split(
    new RegExp(
      `(?<=[.!?;])\\s+|:\\s+(?=${FILLER}${ACTION_VERB}\\b)|\\s+[-–—]+\\s+(?=${FILLER}${ACTION_VERB}\\b)|:\\s+(?=${QUESTION}\\s)|\\s+\\+\\s+(?=${FILLER}${ACTION_VERB}\\b)|[:,;]?\\s+\\d{1,2}\\)\\s+|(?:\\s+[-–—]+|,|\\.{3}|…)\\s*(?=${SELF_CORRECTION})`,
      'i',
    ),
  );
  return parts
    .map((p) =>
      p
        .trim()
        .replace(/[.!?;]+$/, '')
        .trim(),
    )
    .filter((p) => p !== '');
}

/** Clauses of one sentence: action-verb clauses, and asides that start with a subject pronoun. */
export function splitClauses(sentence: string): Unit[] {
  // Case-sensitive on purpose: "Rename Acme to Make and Ban Inc" names a company; a new instruction is lowercase.
  // "… got married and asked us to change her last name": the request embedded after "asked us to" is a clause.
  const verbSplit = new RegExp(
    `(?:\\s*,\\s*(?:and\\s+)?(?:so\\s+)?(?:then\\s+)?|\\s+[-–—]+\\s+|\\s+and\\s+(?:then\\s+)?|\\s+(?:and\\s+)?so\\s+|\\s+then\\s+|\\s+but\\s+(?=(?:can|could|would|will|pls|please)\\s)|${EMBEDDED})(?=${FILLER}${ACTION_VERB}\\b)|${MODAL_CLAUSE}`,
    'g',
  );
  // ", her trial expired", ", the old alert was noise": a report after a comma is an aside.
  // ", legal approved it", ", and sam is still an admin there": a subject and a report, not an instruction.
  // (", and they'll re-invite the ones they want": what someone else will do is an aside too.)
  // (", who signed in last?" asks a question: a wh-word is never the subject of an aside.)
  const asideSplit = new RegExp(
    `\\s*,\\s*(?=(?:it|he|she|they|we|i|this|that|there)(?:'s|'re|'ve|'ll)?\\s|(?:and|but)\\s+(?:they|he|she)(?:'ll|’ll|\\s+will)\\s|(?:(?:and|but)\\s+)?(?!(?:and|but|then|so|also|please|pls|or|just|not|no|who|which|what|whose)\\b|${FILLER}${ACTION_VERB}\\b)(?:[\\w&'’.-]+\\s+){1,4}(?:still\\s+|already\\s+|just\\s+)?${REPORT}\\b(?!\\s+(?:to|by|from|for|with|that)\\b))`,
    'gi',
  );
  const units: Unit[] = [];
  for (const piece of sentence.split(asideSplit)) {
    // "how many X …, and of those how many are banned?": each question is its own clause.
    // A question followed by "and what/which/who/when/how …" asks two questions: each is its own clause.
    const asks = /^(?:how|what|which|who|when|where|is|are|does|do)\b/i.test(piece.trim());
    const nextQuestion = asks
      ? /\s*,?\s+and\s+(?=(?:how|what|which|who|when|where)\b|(?:is|are|does|do|has|have|was)\s+(?:he|she|they|it|⟦[ei]\d+⟧)\b|(?:is|are|was)\s+\S+(?:\s+\S+)?\s+(?:also\s+)?(?:one\s+of|among)\s+(?:them|those|these)\b)/i
      : /\s*,?\s+and\s+(?=how many\b)/i;
    const clauses = alsoSplit(piece)
      .flatMap((c) => c.split(verbSplit))
      .flatMap((c) => c.split(nextQuestion))
      .map((c) => c.trim())
      .filter((c) => c !== '');
    // "promote X there first, then …", "lock her too": order and addition words, not targets.
    const trimmed = clauses.map((c) => c.replace(/\s+(?:first|next|afterwards|after that|as well|too)$/i, ''));
    trimmed.forEach((c, k) =>
      units.push({ masked: c.replace(new RegExp(`^${FILLER}`, 'i'), '').trim() || c, verbLed: k > 0 }),
    );
  }
  return units;
}

// "lock him, and also Dana Fox changed tiers so her record should read gold from today": "and also" before a
// clause long enough to be a request of its own (a report and an ask) starts one. A short tail ("lock X and also
// Y") is the same request's second target, and stays with it.
const AND_ALSO = /\s*,\s*and\s+also\s+|\s*,\s*also\s*,\s*/i;
const ASK_MARKER = /\b(?:so|please|pls|can\s+you|could\s+you|needs?\s+to|should|has\s+to|must)\b/i;
function alsoSplit(piece: string): string[] {
  const m = piece.match(AND_ALSO);
  if (!m || m.index === undefined) return [piece];
  const tail = piece.slice(m.index + m[0].length);
  if (tail.split(/\s+/).length < 8 || !ASK_MARKER.test(tail)) return [piece];
  return [piece.slice(0, m.index), ...alsoSplit(tail)];
}

/** A Sentence for one piece of a masked request, with its entities renumbered from 0. */
export function subSentence(whole: Sentence, masked: string): Sentence {
  const ents = emptyEntities();
  const lists: Record<string, keyof Entities> = {
    e: 'emails',
    w: 'wildcards',
    i: 'ids',
    q: 'quoted',
    j: 'json',
    x: 'badJson',
    u: 'urls',
    h: 'hosts',
    p: 'phones',
  };
  const seen = new Map<string, number>();
  const renumbered = masked.replace(/⟦([a-z])(\d+)⟧/g, (token, kind: string, n: string) => {
    const key = lists[kind];
    if (!key) return token;
    if (!seen.has(token)) {
      const target = ents[key] as unknown[];
      target.push((whole.ents[key] as unknown[])[Number(n)]);
      seen.set(token, target.length - 1);
    }
    return `⟦${kind}${seen.get(token)!}⟧`;
  });
  for (const m of renumbered.matchAll(/(?<![\w⟦.])(\d+)(?![\w.]|⟧)/g)) ents.numbers.push(Number(m[1]));
  return { raw: masked, text: masked, masked: renumbered, ents };
}
