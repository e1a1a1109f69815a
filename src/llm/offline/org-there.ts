/**
 * "Ana starts with the Wayne team on Monday, so add her there", "Rui has left the Foo group, please
 * take him out of it": "there" / "it" after a membership verb is the one organization the same sentence names as a
 * group ("the Wayne team", "the Foo org"). With none, or two, named in that sentence the words stay as they are.
 */

const ORG_NOUN = '(?:org|organi[sz]ation|group|team|class|cohort|workspace|company)';
const NAMED_ORG = new RegExp(`\\b[Tt]he\\s+([A-Z][\\w&'’-]*(?:\\s+[A-Z][\\w&'’-]*)?)\\s+${ORG_NOUN}\\b`, 'g');
const THERE =
  /\b((?:added|add|put|moved|move|invited|invite|placed)\b(?:\s+(?:him|her|them|⟦[ei]\d+⟧))?(?:\s+(?:back\s+)?in)?)\s+there\b|\b((?:take|took|taken|pull|pulled|remove|removed|kick|kicked)\s+(?:him|her|them|⟦[ei]\d+⟧)\s+(?:out\s+of|off|from))\s+it\b/g;

/** The masked message with "there" / "out of it" spelt as the organization its sentence names. */
export function withOrgThere(masked: string): string {
  return masked
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => {
      const orgs = [...new Set([...sentence.matchAll(NAMED_ORG)].map((m) => m[1]!))];
      if (orgs.length !== 1) return sentence;
      const org = orgs[0]!;
      return sentence.replace(THERE, (_m, add: string | undefined, remove: string | undefined) =>
        add ? `${add.replace(/\s+in$/, '')} to ${org}` : `${remove} ${org}`,
      );
    })
    .join(' ');
}
