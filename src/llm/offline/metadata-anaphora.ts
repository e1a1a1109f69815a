/**
 * A metadata key named in one clause and removed in another (issue 15, round 4): "X's private metadata still has
 * crm_ref from the old CRM. Remove that key.", "the legacy_id field in her metadata is stale - can you strip it
 * out?". Rule: a clause whose only object is a pointer ("it", "that key", "this field", "the entry") after a
 * removal verb, and that does not parse on its own, becomes "remove the <key> key from <owner's> metadata" when the
 * other clauses that talk about metadata name exactly one key (a snake_case/camelCase/dotted identifier, a quoted
 * name, or "the <word> key/field/entry"). Several candidate keys, or none, fill nothing (the clause stays not
 * understood and is reported), so a key is never guessed. Clerk deletes a key set to null in a merge, so the
 * planner's usual metadata merge does the rest.
 */

const REMOVAL =
  /^(?:(?:please|pls|can\s+you|could\s+you|would\s+you|kindly|just|then|so|and)\s+)*(?:remove|delete|drop|clear|unset|erase|strip|wipe|purge|nuke|kill|get\s+rid\s+of|take)\s+(?:out\s+|off\s+)?(?:it|that|this|them|those|(?:that|this|the|said)\s+(?:one|key|field|entry|value|property|attribute|setting|flag)s?)(?:\s+(?:out|off|away))?(?:\s+(?:too|as\s+well|please|pls|for\s+me|now))*\s*[?.!]?$/i;

// An identifier written as code: "stripe_customer_id", "crmRef", "billing.plan".
const IDENTIFIER = /\b[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+\b|\b[a-z]+[A-Z][A-Za-z0-9]*\b/g;
const NAMED_KEY = /\bthe\s+(⟦q\d+⟧|[A-Za-z][\w.-]*)\s+(?:key|field|entry|property|attribute)\b/gi;
const QUOTED_KEY = /⟦q\d+⟧(?=\s+(?:key|field|entry|property|attribute)\b)|\b(?:key|field|entry)\s+(⟦q\d+⟧)/gi;
// Whose metadata: a placeholder, a name or a pronoun right before "(public|private|unsafe) metadata".
const OWNER =
  /(⟦[ei]\d+⟧(?=(?:'s|’s)?\s)|\b(?:his|her|their|its)|\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?(?:'s|’s))(?:'s|’s)?\s+(?:(public|private|unsafe)\s+)?metadata\b/;

/** The clause rewritten to name the one key the other clauses name, or undefined. */
export function fillMetadataKey(masked: string, others: string[]): string | undefined {
  if (!REMOVAL.test(masked.trim())) return undefined;
  const about = others.filter((o) => /\bmetadata\b/i.test(o));
  const keys = new Set(about.flatMap(keysOf));
  if (keys.size !== 1) return undefined;
  const key = [...keys][0]!;
  const owner = about.map((o) => o.match(OWNER)).find((m) => m !== null);
  const whose = owner ? ownerPhrase(owner[1]!) : 'the';
  const which = owner?.[2]
    ? `${owner[2].toLowerCase()} `
    : /\bprivate\s+metadata\b/i.test(about.join(' '))
      ? 'private '
      : '';
  return `remove the ${key} key from ${whose} ${which}metadata`;
}

function keysOf(clause: string): string[] {
  const out = new Set<string>();
  for (const m of clause.matchAll(IDENTIFIER)) if (!/^(?:e\.g|i\.e|etc)$/i.test(m[0])) out.add(m[0]);
  for (const m of clause.matchAll(NAMED_KEY))
    if (!/^(?:same|old|new|one|metadata|public|private|whole|entire)$/i.test(m[1]!)) out.add(m[1]!);
  for (const m of clause.matchAll(QUOTED_KEY)) out.add(m[1] ?? m[0]);
  return [...out];
}

function ownerPhrase(said: string): string {
  if (/^⟦/.test(said)) return `${said}'s`;
  return said;
}

/**
 * "wipe that entry" read as deleting a user called "entry": a reading whose target is only the pointer word
 * itself is no reading, and the metadata key is tried instead.
 */
export function targetsPointer(intent: { kind: string; targets?: Array<{ kind: string; value: string }> }): boolean {
  const targets = intent.targets ?? [];
  return (
    targets.length > 0 &&
    targets.every(
      (t) =>
        t.kind === 'name' &&
        /^(?:it|that|this|them|those|one|key|field|entry|value|property|attribute|setting|flag)s?$/i.test(t.value),
    )
  );
}

const LABEL = /^(?:(?:the|her|his|their|its)\s+)?(public|private|unsafe)?\s*(?:metadata|md)\s*$/i;

/**
 * "private metadata: set k to v" split into a label sentence and the change: the change is said of the labelled
 * metadata ("set k to v in the private metadata"). The label sentence stays (it reads as nothing on its own).
 */
export function withMetadataLabels(sentences: string[]): string[] {
  return sentences.map((sentence, i) => {
    const label = sentences[i - 1]?.trim().replace(/[.:]$/, '').match(LABEL);
    if (!label || /\bmetadata\b/i.test(sentence)) return sentence;
    return `${sentence.replace(/[.!]\s*$/, '')} in the ${label[1] ? `${label[1].toLowerCase()} ` : ''}metadata`;
  });
}
