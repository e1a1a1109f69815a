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

// "the members picked "Foo Society" … please rename the club to that", "the company is now "Foo Pharma" … change
// the org's name to this / to reflect this": a name the message says was chosen (or is now the name), then pointed
// at. Only a quoted name after a word of choosing, and only when the message chose one.
const CHOSEN =
  /\b(?:settled\s+on|decided\s+on|agreed\s+on|opted\s+for|voted\s+for|chose|chosen|picked|went\s+with|go\s+with|new\s+name\s+(?:is|will\s+be|shall\s+be)|(?:is|are)\s+(?:now|henceforth)(?:\s+(?:called|named|known\s+as))?|now\s+(?:is|are)|(?:to\s+be|is\s+now|will\s+be|be)\s+(?:known|called|named)\s+(?:(?:henceforth|from\s+now\s+on|hereafter)\s+)?(?:as\s+)?|(?:henceforth|hereafter)\s+(?:as|be))\s+(⟦q\d+⟧)/gi;
const TO_POINTER =
  /\b((?:name|rename|call|change|update|retitle)\b[^.!?;]{0,60}?\b(?:to|as|into))\s+(?:(?:reflect|match|mirror)\s+(?:that|this|it|the\s+change)|that|this|it|the\s+new\s+(?:name|one|title)|the\s+one\s+(?:we|they)\s+(?:chose|picked|agreed\s+on))\b/gi;

/** The masked message with "rename it to that" filled in with the one name it says was chosen. */
export function withChosenName(masked: string): string {
  const chosen = [...new Set([...masked.matchAll(CHOSEN)].map((m) => m[1]!))];
  if (chosen.length !== 1) return masked;
  return masked.replace(TO_POINTER, (m, head: string, at: number) =>
    masked.indexOf(chosen[0]!) < at ? `${head} ${chosen[0]}` : m,
  );
}
