/**
 * Questions about one field of one named record: "what/which <field> does <record> have/need", "<field> of
 * <record>". Rule: the field word says which resource is meant (scopes are OAuth, CNAMEs are domains, claims are
 * JWT templates), so the record needs no resource noun; the answer shows the record with the asked fields first.
 */
import type { Sentence } from './entities.js';
import { unmask } from './entities.js';
import type { Intent, NamedResource } from './intent-types.js';

const FIELDS: Array<{ re: RegExp; resource: NamedResource; field: string }> = [
  { re: /scopes?|permissions/i, resource: 'oauth', field: 'scopes' },
  { re: /redirect (?:uris?|urls?)|callback(?: urls?)?s?/i, resource: 'oauth', field: 'redirect_uris' },
  { re: /client ids?/i, resource: 'oauth', field: 'client_id' },
  {
    re: /cnames?(?: records?| targets?)?|dns(?: records?| entries| settings)?|records?/i,
    resource: 'domain',
    field: 'cname_targets',
  },
  { re: /claims/i, resource: 'jwt', field: 'claims' },
  { re: /lifetime|ttl/i, resource: 'jwt', field: 'lifetime' },
  { re: /clock skew|skew/i, resource: 'jwt', field: 'allowed_clock_skew' },
];
const FIELD =
  '((?:the\\s+)?(?:cnames?(?:\\s+records?|\\s+targets?)?|dns(?:\\s+records?|\\s+entries|\\s+settings)?|records?|scopes?|permissions|redirect\\s+(?:uris?|urls?)|callback(?:\\s+urls?)?s?|client\\s+ids?|claims|lifetime|ttl|(?:clock\\s+)?skew))';
const ASK = "(?:what|which|what are|what is|what's|list|show(?:\\s+me)?|tell me|pull up|get(?:\\s+me)?|give me)";
const NOUN = /\s+(?:o-?auth\s*2?\s*)?(?:app|application|client|integration|domain|jwt\s+template|template)s?$/i;

/** A named_get for a question about a field of one record, or undefined. */
export function parseFieldQuestion(c: string, s: Sentence): Intent | undefined {
  // Rule: a question may be reported inside a sentence ("<someone> is asking what …"); read it from the wh-word on.
  const q = c.replace(/^.*?\b(?:asking|asks|asked|wants to know|wondering|know)\s+(?=(?:what|which)\s)/i, '');
  const m =
    q.match(
      new RegExp(
        `^${ASK}\\s+${FIELD}\\s+(?:does|do|did|is|are|will|would|should)\\s+(?:the\\s+)?(.+?)\\s+(?:have|need|use|require|get|ask for|request|carry|include|contain|got)\\b`,
        'i',
      ),
    ) ??
    q.match(
      new RegExp(
        `^${ASK}\\s+${FIELD}\\s+(?:the\\s+)?(.+?)\\s+(?:has|needs|uses|requires|gets|asks for|requests|carries|includes|contains)\\b`,
        'i',
      ),
    ) ??
    q.match(new RegExp(`^${ASK}\\s+${FIELD}\\s+(?:of|for|on|in)\\s+(?:the\\s+)?(.+)$`, 'i'));
  if (!m) return undefined;
  const word = m[1]!.replace(/^the\s+/i, '');
  const spec = FIELDS.find((f) => new RegExp(`^(?:${f.re.source})$`, 'i').test(word));
  if (!spec) return undefined;
  const chunk = m[2]!.trim();
  const host = chunk.match(/⟦h(\d+)⟧/);
  if (spec.resource === 'domain') {
    return host
      ? {
          kind: 'named_get',
          resource: 'domain',
          ref: { kind: 'name', value: s.ents.hosts[Number(host[1])]! },
          fields: [spec.field],
        }
      : undefined;
  }
  const name = unmask(chunk, s.ents)
    .replace(/^(?:the|our|my|that|this)\s+/i, '')
    .replace(NOUN, (n) => (/integration/i.test(n) ? n : ''))
    .trim();
  if (!name || /⟦/.test(name) || /^(?:it|they|them|each|every|all|any)\b/i.test(name)) return undefined;
  return { kind: 'named_get', resource: spec.resource, ref: { kind: 'name', value: name }, fields: [spec.field] };
}
