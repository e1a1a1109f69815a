/**
 * A record's new name said in prose (the frame reader's rename half): "the X app - could you update its name into 'Y'",
 * "the organization 'X' is to be renamed 'Y'", "renaem the x organisation to Y pls, slug can stay". The sentence
 * readers want "rename X to Y"; this reads the evidence instead — a naming word, the kind of record the message
 * names (organization, OAuth application, JWT template), and the new name: a quoted name said after the naming
 * word (the last one), else the words after "to/into/in/as" up to where a name ends (new-name.ts). The record is
 * found by listing and looking for its name in the text without the new name (a `mention`), so the new name can
 * never pick the record. No naming word, no record kind, or no value → no reading.
 */
import { type Sentence, unmask } from './entities.js';
import type { Intent } from './intent-types.js';
import { CREATES_ORG } from './field-frames.js';
import { endOfName } from './new-name.js';

const NAMING =
  /\b(?:re-?name[ds]?|renaming|re-?titled?|(?:change|changing|update|updating|fix|correct)\s+(?:the\s+|its\s+|their\s+)?(?:display\s+)?name|new\s+name|(?:be|is)\s+(?:now\s+)?(?:called|named|renamed))\b/i;
const KIND: Array<{ re: RegExp; kind: 'org' | 'oauth' | 'jwt' }> = [
  { re: /\b(?:organi[sz]ations?|orgs?|workspaces?|company)\b/i, kind: 'org' },
  { re: /\b(?:oauth|apps?|applications?|integrations?|clients?)\b/i, kind: 'oauth' },
  { re: /\b(?:jwt|templates?)\b/i, kind: 'jwt' },
];

/** The rename a message asks for, or undefined. */
export function recordRename(said: Sentence): Intent | undefined {
  const masked = said.masked;
  const naming = masked.match(NAMING);
  // (A name given to an organization being created is no rename of one that exists.)
  if (!naming || CREATES_ORG.test(masked)) return undefined;
  const kinds = KIND.filter((k) => k.re.test(masked));
  if (kinds.length !== 1) return undefined;
  const after = masked.slice((naming.index ?? 0) + naming[0].length);
  const quotes = [...after.matchAll(/⟦q(\d+)⟧/g)];
  let value: string | undefined;
  let said_: string | undefined;
  if (quotes.length > 0) {
    const last = quotes.at(-1)!;
    value = said.ents.quoted[Number(last[1])];
    said_ = last[0];
  } else if (/(?:called|named)$/i.test(naming[0]) && /^\s+[A-Z]/.test(after)) {
    // "it is now called Foo Bar. Please put the new name in": the name right after "called" is the new one.
    said_ = endOfName(after.trim());
    value = unmask(said_, said.ents).trim();
  } else {
    const m = after.match(/^(?:.*?\s)?(?:to|into|in|as)\s+(.+)$/i);
    if (m) {
      said_ = endOfName(m[1]!);
      value = unmask(said_, said.ents).trim();
    }
  }
  if (!value || !said_ || /⟦/.test(value) || value.split(/\s+/).length > 6) return undefined;
  if (/^(?:it|that|this|the|a|an|something|whatever)\b/i.test(value)) return undefined;
  const rest = unmask(masked.replace(said_, ' '), said.ents);
  const ref = { kind: 'mention' as const, value: rest };
  const kind = kinds[0]!.kind;
  return kind === 'org'
    ? { kind: 'org_update', org: ref, fields: { name: value } }
    : { kind: 'named_update', resource: kind, ref, fields: { name: value } };
}
