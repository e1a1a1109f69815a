/**
 * A value said once and then pointed at: "Foo's vendor number is ab_77 … record that number in its metadata",
 * "the new reference is R-1180. Store this reference as ref_no …". "that <noun>" after a verb that writes is the
 * one value the message gave right after the same noun; when it gave none, or more than one, the words stay as
 * they are (the readers then ask for the value rather than guess).
 */

const NOUNS = 'reference|number|id|code|value|identifier|key';
const POINTER = new RegExp(
  `\\b((?:store|record|save|keep|put|add|write|log|note|file|set|use)\\s+)(?:that|this|the\\s+same)\\s+(${NOUNS})\\b`,
  'gi',
);
// A value: a word with a digit or an underscore in it ("ab_77", "R-1180"), not a placeholder.
const VALUE = '([A-Za-z0-9][\\w.-]*[\\d_][\\w-]*(?:\\.[\\w-]+)*)';

/** The masked message with "record that number" filled in with the number, when exactly one was given. */
export function withValueAnaphor(masked: string): string {
  return masked.replace(POINTER, (m, verb: string, noun: string, at: number) => {
    const before = masked.slice(0, at);
    const said = new RegExp(
      `\\b${noun}\\s+(?:(?:number|no\\.?|id|code)\\s+)?(?:is\\s+(?:now\\s+)?|of\\s+|:\\s*|=\\s*)?${VALUE}`,
      'gi',
    );
    const values = [...new Set([...before.matchAll(said)].map((g) => g[1]!.replace(/\.$/, '')))];
    return values.length === 1 ? `${verb}${values[0]}` : m;
  });
}
