/**
 * "her profile shows a small tag reading tier: gold … please remove that tag": people who do not
 * know the word metadata see a key and its value on a profile as a note, label or tag. Taking "that note" off is
 * removing that key from the public metadata (a null, which deletes it); the card says which key, so the admin sees
 * exactly what will go. Only when the message shows the note as "key: value" and asks for exactly that note to go.
 */
const NOTE =
  /\b(?:note|label|tag|flag|entry|line|field|setting)\b[^.?!]{0,40}?\b(?:says?|saying|reads?|reading|shows?|showing|with)\s+["“']?([a-z][a-z0-9_]{0,40})["”']?\s*[:=]\s*["“']?[\w.-]+/i;
const TAKE_OFF =
  /\b(?:take|remove|delete|drop|clear|get\s+rid\s+of)\s+(?:that|the|this)\s+(?:little\s+|old\s+)?(?:note|label|tag|flag|entry|line)(?:\s+off)?\b/gi;

export function withNoteRemoval(masked: string): string {
  const key = masked.match(NOTE)?.[1];
  if (!key) return masked;
  return masked.replace(TAKE_OFF, `remove the ${key} key from their public metadata`);
}
