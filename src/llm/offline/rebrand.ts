/**
 * A rebrand reported, then the rename asked for in other words (issue 15, round 19): "Foo rebranded, they're "Foo
 * Labs" now — can you change the name on their account", "we've rebranded, so "Foo" should now read "Foo Labs" on
 * your side. fix it". The new name is said as a fact, the old one as who rebranded (or as the quoted value that
 * "should now read" the new one), and the ask names no value ("change the name", "fix it", "update it"). Said as
 * "rename <old> to <new>" in place of the ask, so the rename readers take it; the card shows the record's real name.
 * All three parts or nothing: a rebrand reported with no ask stays a report.
 */

const PRONOUN = /^(?:we|they|i|he|she|it|you|the\s+client|the\s+customer|our\s+client|our\s+customer)$/i;
// "Foo rebranded", "Foo has just rebranded to "Foo Labs"".
const REBRANDED =
  /(?:^|[.!?,;]\s*|\b(?:so|and|but)\s+)((?:⟦q\d+⟧|[A-Za-z][\w&'’-]*)(?:\s+[A-Za-z][\w&'’-]*){0,2}?)\s+(?:(?:has|have|had|just|recently|finally)\s+)*(?:rebranded|re-branded|changed\s+(?:its|their)\s+name)(?:\s+(?:to|as)\s+(⟦q\d+⟧))?/i;
// "they're "Foo Labs" now", "it is called "Foo Labs" now", "the new name is "Foo Labs"".
const NOW_CALLED =
  /\b(?:they(?:['’]re|\s+are)|theyre|it(?:['’]s|\s+is)|its|(?:the|their|its)\s+new\s+name\s+is)\s+(?:now\s+)?(?:called\s+|named\s+|known\s+as\s+)?(⟦q\d+⟧)(?:\s+now)?/i;
// ""Foo" should now read "Foo Labs"": the old and the new name, quoted.
const SHOULD_READ = /(⟦q\d+⟧)\s+(?:should|must|needs\s+to|has\s+to)\s+(?:now\s+)?(?:read|be|say|show)\s+(⟦q\d+⟧)/i;
// The ask, naming no value: "change the name on their account", "fix it", "update that".
const ASK =
  /(?:^|(?<=[.!?;]\s*))\s*(?:(?:can|could|would)\s+(?:you|u)\s+|(?:please|pls|plz|kindly)\s+)*(?:change|update|fix|correct|edit|amend|rename|sort)\b(?:\s+(?:the|their|its|that|this|it)\b)?(?:\s+(?:company\s+|org\s+|display\s+)?name\b)?(?:\s+(?:on|of|for|in)\s+(?:their|its|the)\s+[\w\s]{0,30}?(?:acct|account|org|organi[sz]ation|workspace|portal|profile|record))?(?:\s+(?:on\s+your\s+side|please|pls|thanks|for\s+(?:me|us)))*\s*[?!.]?(?=\s|$)/i;

/** The message with a reported rebrand and a value-less ask said as the rename. */
export function withRebrand(masked: string): string {
  const read = masked.match(SHOULD_READ);
  const rebranded = masked.match(REBRANDED);
  if (!read && !rebranded) return masked;
  const subject = rebranded?.[1]?.trim();
  const old = read?.[1] ?? (subject && !PRONOUN.test(subject) ? subject : undefined);
  const renamed = read?.[2] ?? rebranded?.[2] ?? masked.match(NOW_CALLED)?.[1];
  if (!old || !renamed) return masked;
  const ask = masked.match(ASK);
  if (!ask || ask.index === undefined) return masked;
  return `${masked.slice(0, ask.index)} rename ${old} to ${renamed}.${masked.slice(ask.index + ask[0].length)}`
    .replace(NOW_CALLED, ' ')
    .replace(SHOULD_READ, 'the name changes')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
