/**
 * A person described by the role they hold ("the admin of Foo", "whoever handles billing in Foo", "the Foo
 * viewer"), when the words name nobody. The sentence readers know a few shapes of such descriptions (refs.ts
 * `roleRef`); people use many more. This reads the evidence instead of the shape: the role words the text has,
 * less the role a change asks for ("… to admin", "make them an admin") — when exactly one is left, the person meant
 * is that role's holder in the one organization the text names (resolve.ts lists the holders: one → them, several
 * → asked, none → not found). "member" describes nobody (everyone in an organization is one).
 */
import { roleKey } from './entities.js';

const HELD = /\b(administrators?|admins?|billing|viewers?|read[\s-]?only)\b/gi;
// The role asked for, not held: "to admin", "as a viewer", "make her an admin", "should be admin".
const WANTED =
  /\b(?:to|as|into|an?|be|become|becomes|get|gets|make\s+(?:him|her|them|it)|bump\s+(?:him|her|them)\s+up\s+to)\s+(?:an?\s+|the\s+)?(?:administrator|admin|billing|viewer|member)\b/gi;

// "leave pepper alone, she's the admin", "Bob stays", "don't touch the admin": the role may describe the person
// kept OUT of the change — the description is then no way to find whom it is for (fail closed: not found, asked).
const KEEPS_OUT =
  /\b(?:leave\s+(?:\S+\s+){0,3}?(?:alone|be|out|as\s+is)|(?:don'?t|do\s+not|never)\s+(?:touch|change|demote|remove|lock|ban)|except|excluding|apart\s+from|other\s+than|but\s+not|stays?|remains?|untouched|unchanged|keep\s+(?:\S+\s+){0,3}?(?:as|where))\b/i;

/** The one role key `text` describes someone by, or undefined (none, or several). `asked` is never it. */
export function heldRole(text: string, asked?: string): string | undefined {
  if (KEEPS_OUT.test(text)) return undefined;
  const described = text.replace(WANTED, ' ');
  const keys = new Set<string>();
  for (const m of described.matchAll(HELD)) {
    const word = m[1]!.toLowerCase();
    const key = /^read/.test(word) ? 'org:viewer' : roleKey(word.replace(/s$/, ''));
    if (key && key !== asked && key !== 'org:member') keys.add(key);
  }
  return keys.size === 1 ? [...keys][0] : undefined;
}
