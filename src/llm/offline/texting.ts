/**
 * Chat-speak, spelt out: contractions typed without the apostrophe ("shouldnt", "hes", "dont") and the
 * abbreviations people type on a phone ("yday", "thru", "w/", "b/c", "acct"). One table, applied to the masked
 * message before typo correction, so every later rule reads ordinary English. Words that are also real words
 * ("ill", "wont", "its", "lets") are left alone unless their place in the sentence says which one it is.
 */

const CONTRACTIONS: Record<string, string> = {
  shouldnt: "shouldn't",
  couldnt: "couldn't",
  wouldnt: "wouldn't",
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  isnt: "isn't",
  arent: "aren't",
  wasnt: "wasn't",
  werent: "weren't",
  hasnt: "hasn't",
  havent: "haven't",
  hadnt: "hadn't",
  cant: "can't",
  mustnt: "mustn't",
  neednt: "needn't",
  hes: "he's",
  shes: "she's",
  theyre: "they're",
  theyve: "they've",
  weve: "we've",
  youre: "you're",
  thats: "that's",
  whats: "what's",
  theres: "there's",
  im: "I'm",
  ive: "I've",
  id: "I'd",
};

const ABBREVIATIONS: Record<string, string> = {
  yday: 'yesterday',
  ytd: 'yesterday',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  thru: 'through',
  rn: 'right now',
  b4: 'before',
  abt: 'about',
  acct: 'account',
  accnt: 'account',
  accts: 'accounts',
  accnts: 'accounts',
  usr: 'user',
  tmpl: 'template',
  tmpls: 'templates',
  acc: 'account',
  accs: 'accounts',
  admn: 'admin',
  giv: 'give',
  usrs: 'users',
  mbr: 'member',
  mbrs: 'members',
  perms: 'permissions',
  recd: 'received',
  ppl: 'people',
  smth: 'something',
  sth: 'something',
  cuz: 'because',
  coz: 'because',
  bc: 'because',
  bcz: 'because',
  msg: 'message',
  pw: 'password',
  pwd: 'password',
  mgr: 'manager',
  grp: 'group',
  kik: 'kick',
  kil: 'kill',
  bam: 'ban',
  idk: "I don't know",
  em: 'them',
  dunno: "don't know",
  imo: 'in my opinion',
  every1: 'everyone',
  any1: 'anyone',
  some1: 'someone',
  no1: 'no one',
  al: 'all',
  w: 'with',
  cn: 'can',
  ad: 'add',
};

// "w/ admin", "w/o a role", "b/c she left": slash forms, which \b-word tables cannot hold.
const SLASHED: Array<[RegExp, string]> = [
  [/\bw\/o\b/gi, 'without'],
  [/\bw\/\s*(?=[a-z⟦])/gi, 'with '],
  [/\bb\/c\b/gi, 'because'],
  // "organization(s)", "user(s)": the plural.
  [/\b([a-z]{3,})\(s\)/gi, '$1s'],
  // "X's contact, i.e. whoever holds the role, …": an apposition after "i.e." says the same again (its dots would
  // otherwise split the sentence there). Elsewhere "i.e." keeps ending what came before it.
  [/\bi\.\s?e\.,?\s+(?=whoever\b|the\s+(?:one|person)\b)/gi, 'that is '],
  // "ban 'em all": the clipped object pronoun.
  [/(?<=\s)['’]em\b/gi, 'them'],
  // "un-bann", "un-lock": the prefix typed apart is the same verb.
  [/\bun-(?=(?:ban|lock|block|freeze|suspend)\w*\b)/gi, 'un'],
  // "can ya lock him", "could ya pls": "ya" after a modal is "you" (alone it may be "yes").
  [/\b(can|could|would|will|won't|do|did|if|thank|cheers|can't)\s+ya\b/gi, '$1 you'],
];

// "id" is an identifier word in this domain ("user id", "the id"): only "id" where a verb follows it as a
// subject ("id like to", "id rather") is "I'd". "w" alone is "with" only between two words ("w admin role").
const GUARDED: Record<string, RegExp> = {
  id: /^(?:like|love|prefer|rather|appreciate|want|need|say|think|be)\b/i,
  w: /^(?:the|a|an|admin|member|viewer|role|access|their|his|her)\b/i,
  // ("Al" is also a name: "al" is "all" only before "of", "the", "his", "her", "their".)
  al: /^(?:of|the|his|her|their|those|these)\b/i,
  // ("bam" is "ban" only before whom: an address, a pronoun or a name.)
  bam: /^(?:⟦[ei]\d+⟧|him|her|them|that|this|the|[A-Za-z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*)?\s*(?:$|[,.;!?]|pls|please|asap|now))/i,
  // ("em" is "them" only where an object ends: "ban em", "lock em all", "kick em out of Foo".)
  em: /^(?:$|[,.;!?)]|all\b|both\b|out\b|up\b|down\b|off\b|back\b|over\b|to\b|too\b|now\b|asap\b|pls\b|please\b|from\b|for\b|in\b|on\b|and\b|then\b|thx\b|ty\b)/i,
  // ("cn u unban …": "cn" is "can" only before "you"/"u"/"someone".)
  cn: /^(?:u|you|ya|someone|somebody|we|i)\b/i,
  // ("ad" is an advert elsewhere: "add" only where a person and then "to" follow — "ad richard hendriks to Foo".)
  ad: /^(?:⟦[ei]\d+⟧|him|her|them|[A-Za-z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,2})\s+(?:to|into)\b/i,
  // ("kil" is "kill" only before what a kill ends: sessions, logins, "all of …", a possessive.)
  kil: /^(?:all|every|each|the|his|her|their|its|any|[\w.'’]+'s?\s+(?:sess|log))/i,
};

// "ill resend it", "ill do it": "I'll" only at a clause start, before a word that cannot follow the adjective.
const ILL =
  /(?<=^|[.,;:!?]\s*|\b(?:and|so|then|but|or|ok|okay)\s+)ill(?=\s+(?:just\s+|also\s+|then\s+)?(?:do|send|resend|redo|re-?invite|invite|check|ask|add|handle|take|fix|try|let|tell|get|make|set|update|follow|ping|reach|sort|look|be|need|have)\b)/gi;

function keepCase(from: string, to: string): string {
  return /^[A-Z]/.test(from) && to[0] !== 'I' ? to[0]!.toUpperCase() + to.slice(1) : to;
}

/**
 * "sooo", "pleaseee", "yesss": a letter typed three times or more is one letter (no English word has three). Only
 * plain words: an address, URL, id or slug ("aaa@x.test", "team-zzz") keeps its letters.
 */
export function unstretched(text: string): string {
  return text.replace(/(?<![\w@./:-])[a-z]*([a-z])\1{2,}[a-z]*(?![\w@./:-]|\.\w)/gi, (word) =>
    word.replace(/([a-z])\1{2,}/gi, '$1'),
  );
}

/** The message with chat-speak spelt out (the masked text: emails, ids and quoted names are placeholders). */
export function spellOutTexting(text: string): string {
  // (Stretched words were already spelt plainly by readMessage, before masking: see unstretched.)
  let out = text;
  for (const [re, to] of SLASHED) out = out.replace(re, to);
  out = out.replace(ILL, "I'll");
  return out.replace(/\b[a-z][a-z0-9]*\b/gi, (word, at: number, whole: string) => {
    const key = word.toLowerCase();
    const to = CONTRACTIONS[key] ?? ABBREVIATIONS[key];
    if (!to) return word;
    const guard = GUARDED[key];
    if (guard && !guard.test(whole.slice(at + word.length).trimStart())) return word;
    // A word glued to an apostrophe, a dot, an @ or a joiner is part of something else (a contraction, an address,
    // an id or a slug: "acct-991", "ppl_ops"), never one of these.
    const before = whole[at - 1] ?? '';
    const after = whole[at + word.length] ?? '';
    if (/['’.@_/-]/.test(before) || /['’@_/-]/.test(after)) return word;
    return keepCase(word, to);
  });
}
