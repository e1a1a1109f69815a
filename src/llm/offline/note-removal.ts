/**
 * "her profile shows a small tag reading tier: gold … please remove that tag": people who do not
 * know the word metadata see a key and its value on a profile as a note, label or tag. Taking "that note" off is
 * removing that key from the public metadata (a null, which deletes it); the card says which key, so the admin sees
 * exactly what will go. Only when the message shows the note as "key: value", or says what the key is called ("the
 * key is called cohort"), and asks for exactly that note to go.
 */
const NOTE =
  /\b(?:note|label|tag|flag|entry|line|field|setting)\b[^.?!]{0,40}?\b(?:says?|saying|reads?|reading|shows?|showing|with)\s+["“']?([a-z][a-z0-9_]{0,40})["”']?\s*[:=]\s*["“']?[\w.-]+/i;
const TAKE_OFF =
  /\b(?:take|remove|delete|drop|clear|get\s+rid\s+of)\s+(?:that|the|this)\s+(?:little\s+|old\s+)?(?:note|label|tag|flag|entry|line)(?:\s+off)?\b/gi;

// "his account carries a beta flag in the public metadata … drop that flag": the key named by what it is.
const NAMED_KEY =
  /\b(?:an?|the)\s+["“']?([a-z][a-z0-9_]{1,40})["”']?\s+(?:flag|key|field|entry|setting|value|property)\s+(?:in|on)\s+(?:its|her|his|their|the)\s+(?:public\s+)?(?:metadata|profile)\b/i;
const TAKE_KEY_OFF =
  /\b(?:take|remove|delete|drop|clear|get\s+rid\s+of|erase)\s+(?:that|the|this)\s+(?:key|flag|field|entry|setting|property)(?:\s+off)?\b/gi;

// "… I think the key is called shift", "the field is named cohort": the key said by name, wherever in the message.
const KEY_CALLED =
  /\b(?:the\s+)?(?:key|field|entry|setting|property)\s+(?:(?:(?:is|'s|’s)\s+)?(?:called|named)|is)\s+["“']?([a-z][a-z0-9_]{0,40})\b(?![@⟦]|\.\w)(?<!\b(?:called|named))/i;
// "in the private part of her profile": which metadata the note is in (public unless the message says private).
const PRIVATE_PART = /\bprivate\s+(?:part|section|side|area|bit|metadata|notes?)\b/i;

export function withNoteRemoval(masked: string): string {
  const called = masked.match(KEY_CALLED)?.[1];
  if (called && !/^(?:the|a|an|it|that|this|what|something)$/i.test(called)) {
    const where = PRIVATE_PART.test(masked) ? 'private' : 'public';
    const removal = `remove the ${called} key from their ${where} metadata`;
    const out = masked.replace(TAKE_OFF, removal).replace(TAKE_KEY_OFF, removal);
    if (out !== masked) return out;
  }
  const named = masked.match(NAMED_KEY)?.[1];
  // ("… clear that flag for him": the key, never the person — a person is no key to get rid of.)
  const out = named ? masked.replace(TAKE_KEY_OFF, `remove the ${named} key from their public metadata`) : masked;
  const key = out.match(NOTE)?.[1];
  if (!key) return out;
  return out.replace(TAKE_OFF, `remove the ${key} key from their public metadata`);
}
