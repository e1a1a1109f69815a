/**
 * The new name a request gives a named record (OAuth application, JWT template), said in any of the usual ways:
 * "rename X to V", "X should (now) be called V", "X needs to be renamed to V", "call it V". Rule (issue 15, round
 * 4): a name is a short run of words, so the value ends where the sentence goes on — a comma, a full stop, a
 * courtesy ("please", "thanks"), a purpose or reason ("so …", "because …"), or "and" followed by another request
 * ("… to 'Foo' and give it …"). A quoted name is taken whole and nothing after it belongs to it.
 */
import { type Sentence, unmask } from './entities.js';

export interface NewName {
  /** The new name, unmasked. */
  name: string;
  /** The clause before the naming phrase (where the record's current name is). */
  head: string;
  /** The clause after the new name (other changes said in the same breath). */
  tail: string;
}

// The phrases that introduce a new name; the longer ones first so "be called" never leaves "called" in the value.
const NAMING =
  /^(.*?)\b(?:rename\s+(?!to\b|as\b)(.+?)\s+(?:to|as)|(?:should|must|will|shall|can)\s+(?:now\s+|instead\s+|from\s+now\s+on\s+)?(?:be\s+)?(?:called|named|renamed(?:\s+to)?|known\s+as|re-?titled(?:\s+to)?)|(?:needs?|has|have|is|are)\s+to\s+be\s+(?:called|named|renamed(?:\s+to)?|known\s+as)|be\s+renamed\s+(?:to|as)|(?:call|name)\s+it)\s+(.+)$/i;

// Where a free-text name ends. (A one-word bracket right after it, at the end — "Zapier (legacy)", "Foo (old)" — is
// part of the name.)
const NAME_END =
  /\s*(?:[,;]|\s[-–—]+\s|\((?![\w-]{1,15}\)\s*(?:$|[,.;!?]|[-–—]\s))|[.!?](?:\s|$)|\s+(?:please|pls|plz|thanks|thank\s+you|thx|so|because|since|as\s+(?:they|we|the|it|per)|instead|going\s+forward|from\s+now\s+on|if|when|nothing\s+else|and\s+(?:(?:also|then|please|pls)\s+)*(?:give|grant|add|drop|remove|set|make|change|update|enable|disable|require|turn|keep|leave|also|then|its?|their|the)\b|(?:too|as\s+well|now|today|asap)\b)).*$/i;

/** `text` up to where a free-text name in it ends (a comma, a courtesy, a reason, another request). */
export function endOfName(text: string): string {
  return text.replace(NAME_END, '');
}

/** The new name a clause gives, or undefined. `name` is never empty, a pronoun, or longer than six words. */
export function readNewName(c: string, s: Sentence): NewName | undefined {
  const m = c.match(NAMING);
  if (!m) return undefined;
  const said = m[3]!.trim();
  const quoted = said.match(/^["'“‘]?⟦q(\d+)⟧["'”’]?/);
  const head = `${m[1]!}${m[2] !== undefined ? ` ${m[2]}` : ''}`.trim();
  if (quoted) {
    const name = s.ents.quoted[Number(quoted[1])];
    return name ? { name, head, tail: said.slice(quoted[0].length).trim() } : undefined;
  }
  const cut = said.replace(NAME_END, '');
  const name = unmask(cut, s.ents)
    .replace(/^(?:just|simply|only)\s+/i, '')
    .replace(/^["'“‘]|["'”’]$/g, '')
    .trim();
  if (!name || /⟦/.test(name) || name.split(/\s+/).length > 6) return undefined;
  if (/^(?:it|that|this|something|whatever|the\s+new\s+\w+)$/i.test(name)) return undefined;
  return { name, head, tail: said.slice(cut.length).trim() };
}
