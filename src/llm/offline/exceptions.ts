/**
 * People kept out of a bulk change: "unban everyone who is banned except X", "lock all @foo.test users but not
 * X and Y", "unban all of them but X", "…, leave X banned", "…, keep X locked". The exception is taken out of the
 * message before it is parsed (so the excepted person can never become the target), and the bulk plan drops the
 * listed users it names (bulk.ts). A request that is not a bulk change keeps the old, fail-closed handling
 * (accounting.ts refuses an exception it cannot apply).
 */
import { type Entities, unmask } from './entities.js';
import type { Ref } from './intent-types.js';
import { toRef } from './refs.js';

const LEAD =
  '(?:except(?:\\s+for)?|skip(?:ping)?|leave\\s+out|leaving\\s+out|omit(?:ting)?|exclude|but\\s+not|other\\s+than|apart\\s+from|aside\\s+from|excluding|not\\s+including|save\\s+for|besides|with\\s+the\\s+exception\\s+of)';
// The people, up to the end of the clause (a sentence end, a semicolon, or a dash), without a trailing "though".
// (A pronoun or a verb after a comma starts a remark about them — ", he stays banned" — not another person.)
const WHO =
  "((?:⟦[eiq]\\d+⟧|[\\w'’.-]+)(?:(?:\\s*,\\s*(?=⟦)|\\s*,?\\s+and\\s+|\\s*&\\s*|\\s+)(?!(?:he|she|they|his|her|their|who|which|that|it|stays?|remains?|is|are|was)\\b)(?:⟦[eiq]\\d+⟧|[\\w'’.-]+)){0,5})";
// (An aside in brackets after the people, "except X (why)", is part of the exception.)
// (", he stays banned (why)", ", his was fraud so he stays": a remark that the excepted person stays as they are
// belongs to the exception too.)
const END =
  '(?:\\s*\\([^()]*\\))?(?:\\s*,\\s*(?:(?:he|she|they|his|her|their|who)\\b|[^.;!?]*?\\b(?:stays?|remains?|staying|keeps?|kept)\\b)[^.;!?]*)?(?:\\s+(?:though|tho|please|pls|obviously|of\\s+course))?\\s*(?=[.;!?]|\\s[-–—]\\s|$)';
const FORMS = [
  // "… except X", "…, but not X", "… other than X and Y"
  new RegExp(`\\s*,?\\s*\\b${LEAD}\\s+${WHO}${END}`, 'i'),
  // "everyone but X", "all of them but X", "every banned user but X": "but" right after the quantified people.
  new RegExp(
    `(?<=\\b(?:all|everyone|everybody|all\\s+of\\s+them|(?:every|all(?:\\s+the)?)\\s+(?:[a-z@⟦][\\w⟧@.-]*\\s+){0,3}(?:users?|accounts?|people|members?))\\b)\\s+but\\s+(?!not\\b)${WHO}${END}`,
    'i',
  ),
  // "…, leave X banned", "…; keep X locked", "… and don't touch X": a person named as staying as they are.
  new RegExp(
    `\\s*[,;]?\\s*(?:(?:but|and|just)\\s+)?(?:leave|keep|don'?t\\s+touch|do\\s+not\\s+touch)\\s+${WHO}\\s+(?:banned|locked|as\\s+(?:is|they\\s+are|he\\s+is|she\\s+is)|alone|untouched|out\\s+of\\s+(?:it|this))${END}`,
    'i',
  ),
];

export interface Exception {
  /** The message without the exception. */
  rest: string;
  /** Who is kept out. */
  refs: Ref[];
}

/** The exception in a masked message, if there is one whose people can all be read. */
export function exceptionIn(masked: string, ents: Entities): Exception | undefined {
  for (const form of FORMS) {
    const m = masked.match(form);
    if (!m) continue;
    const parts = m[1]!
      .split(/\s*,\s*|\s+and\s+|\s*&\s*/i)
      .map((p) => p.trim())
      .filter(Boolean);
    // "except the ones already banned" describes a state, nobody by name: the bulk plan skips those anyway.
    if (/\b(?:already|currently|still)\b|\b(?:banned|locked)$/i.test(m[1]!)) continue;
    const refs = parts.map((p) => toRef(p, ents));
    if (refs.length === 0 || refs.some((r) => !r || !['email', 'id', 'name'].includes(r.kind))) continue;
    return {
      rest: masked.replace(form, '').replace(/\s+([.;!?])/g, '$1'),
      refs: refs as Ref[],
    };
  }
  return undefined;
}

/**
 * The addresses and ids said right after an exception word ("except x@y.test …"), however the rest of the
 * sentence goes on. A backstop for exceptions `exceptionIn` could not read: no change may be aimed at them.
 */
export function keptValues(masked: string, ents: Entities): string[] {
  const out: string[] = [];
  for (const m of masked.matchAll(
    new RegExp(`\\b${LEAD}\\s+((?:⟦[ei]\\d+⟧(?:\\s*,\\s*|\\s+and\\s+|\\s*&\\s*)?)+)`, 'gi'),
  ))
    for (const token of m[1]!.match(/⟦[ei]\d+⟧/g) ?? []) out.push(unmask(token, ents).toLowerCase());
  // "… the row for *@foo.test must stay as it is": an address, id or pattern in a sentence that
  // says it stays as it is. (A list entry had been removed that such a sentence kept.)
  for (const sentence of masked.split(/(?<=[.!?;])\s+/))
    if (STAYS.test(sentence) && !CHANGE_IN_SENTENCE.test(sentence.replace(STAYS, '')))
      for (const token of sentence.match(/⟦[eiw]\d+⟧/g) ?? []) out.push(unmask(token, ents).toLowerCase());
  return out;
}

const STAYS =
  /\b(?:(?:is|are)\s+to\s+)?(?:remains?|stays?|must\s+(?:remain|stay)|should\s+(?:remain|stay)|is\s+to\s+(?:remain|stay))\s+(?:unchanged|untouched|as\s+(?:it|they)\s+(?:is|are)|in\s+place|on\s+(?:the\s+)?(?:list|allowlist|blocklist))\b|\b(?:leave|keep)\s+(?:⟦[eiw]\d+⟧|it|them)\s+(?:as\s+(?:it|they)\s+(?:is|are)|alone|untouched|in\s+place|on\s+(?:the\s+)?(?:list|allowlist|blocklist))\b/i;
// A sentence that also asks for a change on what it names is not one that only keeps.
const CHANGE_IN_SENTENCE = /\b(?:remove|delete|revoke|ban|lock|unban|unlock|drop|take\s+off|add|invite|block)\b/i;
