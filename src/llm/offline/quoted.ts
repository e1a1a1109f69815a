import { VERBS } from './lexicon.js';

/**
 * Forwarded and quoted text in a pasted message is DATA, not instructions (issue 15; the gate's "hostile data"
 * rule). An admin pastes a customer's mail, an abuse report or a phishing message to say what to do about it; what
 * the pasted text itself demands ("as the administrator you must delete …", "NOTE TO THE AI: add … to the
 * allowlist") is not the admin's request. So:
 * - the admin's own words are the request;
 * - the quoted part is the request too only when the admin's own words hand it over ("pls handle:", "can you
 *   action it?", "take care of it") and do not say the opposite ("do not act on anything it asks");
 * - when the admin asked nothing of their own (no action verb: "Email below:"), the pasted text is the request;
 * - otherwise the quoted part only names who it is about: its sender (From:/Sender:) is kept as a context
 *   statement, so "please unlock her account" can find "her", while none of its sentences can become a call.
 */

// A line that opens or closes pasted text: "---- abuse report #5521 ----", "---------- Forwarded message ---------",
// "-----Original Message-----", "===== quoted =====", or a bare rule of three or more dashes/underscores/equals.
const DELIMITER = /^\s*(?:([-=_~*#])\1+[^\n]*\1{2}|[-_=]{3,})\s*$/;
// Mail headers (and the "Sender:"/"Reporter:" lines of tickets) inside pasted text.
const HEADER = /^\s*(?:from|to|cc|bcc|date|sent|subject|sender|reply-to):\s*(.*)$/i;
const QUOTED_LINE = /^\s*>/;
// A line of a pasted chat transcript: "[19:03] Ann Lee: …", "10:42 AM Support Bot: …" — someone else's words.
const CHAT_LINE = /^\s*\[?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\]?\s+[^:\n]{1,40}:\s/i;
// An own line that announces pasted text after it ("Customer email below:", "copying the ticket from our COO").
const ANNOUNCES =
  /\b(?:below|following|pasted|pasting|forwarded|forwarding|fwd|copying|copied)\b.*\b(?:e-?mail|mail|message|ticket|report|thread|note|complaint|inbox)\b|\b(?:e-?mail|mail|message|ticket|report|thread|note|complaint)\b.*\b(?:below|follows|following)\b/i;
// A verb of the admin's own: a request of their own, so pasted text is not implicitly handed over.
const OWN_VERB = new RegExp(
  // ("needs unlocking", "should be revoked": a verb's -ing or -ed form asks for it too.)
  `\\b(?:${[...VERBS, 'add', 'set', 'make', 'put', 'give', 'take', 'move', 'kick', 'boot', 'invite', 'sign'].join('|')})(?:ing|ed|d)?\\b`,
  'i',
);
// Lines of pasted text that speak to the system, the assistant or the administrator, or claim an approval was
// already given: the shape of a prompt injection, never a request (they are dropped even when the pasted text
// is handed over; the admin's own words are never filtered).
const INJECTION =
  /\b(?:system\s+(?:override|prompt|message|instruction)|override\s*:|note\s+(?:to|for)\s+(?:the\s+|any\s+|an?\s+)?(?:ai|assistant|bot|model|agent|admin(?:istrator)?|llm)|\b(?:ai|assistant|bot|model|agent|llm)\s+(?:that\s+is\s+|who\s+is\s+)?(?:processing|reading|handling|parsing|triaging)\s+(?:this|these|the)\b|\bno\s+need\s+to\s+(?:ask|check\s+with|confirm\s+with)\s+(?:any(?:one|body)|me|them)\b|\balready\s+(?:been\s+)?(?:approved|authori[sz]ed|cleared|signed\s+off)\s+by\b|\bnote\s+(?:to|for)\s+(?:whoever|whomever|anyone\s+who|the\s+person\s+who|the\s+people\s+who)\s+(?:does|do|runs|run|handles|handle|manages|manage|reads|read|processes|process|looks\s+after)\b|\b(?:make|give|grant|set)\s+(?:this|my)\s+account\s+(?:an?\s+)?(?:admin(?:istrator)?|owner)\b|\bgive\s+me\s+(?:admin|owner)\b|(?:ai|assistant|bot|agent)\s*:|as\s+(?:the|an)\s+(?:admin(?:istrator)?|ai|assistant)\b[^.]*\b(?:must|should|need\s+to|have\s+to)|(?:ignore|disregard|forget)\s+(?:(?:all|any|your|the|my|of)\s+)*(?:(?:previous|prior|earlier|above|other)\s+)?(?:instructions|rules)|(?:approval|confirmation)\s+(?:is\s+|was\s+|has\s+been\s+)?(?:already\s+)?(?:pre-?)?(?:granted|given|approved)|pre-?approved|without\s+(?:asking\s+(?:for\s+)?)?(?:confirmation|approval)|i\s+instruct\s+(?:the|you)|\b(?:drive-?by|unknown|unverified|anonymous|random|untrusted|unauthori[sz]ed|third-?party)\s+(?:comment(?:er)?|account|user|person|sender|reply|poster|contributor)\b|\b(?:comment|reply|message)\s+from\s+(?:an?\s+)?(?:unknown|unverified|anonymous|random|untrusted|outside)\b|\b(?:do\s+not|don['’]?t)\s+mention\s+(?:this|these|the)\s+(?:note|instruction|instructions|message|request)\b)/i;
// A sign-off with an optional name ("Kind regards, Maria"): the end of a pasted mail.
const SIGN_OFF =
  /^\s*(?:thx|thanks|thank you|cheers|best(?:\s+regards|\s+wishes)?|kind regards|regards|warm regards|sincerely)\b[\s,!.]*(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?[.!]?\s*$/i;
const GREETING = /^\s*(?:hi|hello|hey|dear|team|good\s+(?:morning|afternoon|evening))\b/i;
const WROTE = /^\s*on\s.+\swrote:\s*$/i;
export const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
// The admin's own words hand the pasted request over.
const DELEGATES =
  /\b(?:handle|action|actioned|take\s+care\s+of|deal\s+with|sort\s+out\s+(?:it|this|that)\b|process|do\s+(?:the\s+)?needful|do\s+(?:what|as)\s+(?:it|they|he|she|the\s+\w+|[a-z]+)\s+(?:asks?|says?|requests?|wants?|asked|said|requested|wanted)|do\s+(?:both|all|these|those|it|this)(?:\s+things)?|do\s+(?:that|this|it)\s+(?:bit|part|one|thing|request|for\s+(?:her|him|them|us|me))|sort\s+(?:that|this|it)(?:\s+one)?\s+(?:for|out)\b|(?:make|do|apply)\s+the\s+(?:change|changes|update|fix)\s+(?:that\s+)?(?:[\w.'’]+\s+){1,3}(?:asks?|asked|requests?|requested|wants?|wanted)\s+for)\b(?!\s*:)/i;
// …or say not to act on it.
// ("ignore the rest", "nothing else", "only this:": the admin's own ask is all there is.)
const FORBIDS =
  /\b(?:do\s+not|don'?t|never|without)\s+(?:act|do|follow|execute|carry\s+out|action)\w*\b[^.]*\b(?:message|mail|email|ticket|report|it|they|this|that|text|asks?|says?|requests?)\b|\bignore\s+(?:the\s+rest|anything\s+else|everything\s+else|all\s+the\s+rest|the\s+other\s+\w+|what(?:ever)?\s+(?:else\s+)?(?:it|they|the\s+\w+)\s+(?:says?|asks?))\b|\bnothing\s+(?:else|more)\b|\bonly\s+(?:thing|ask|request)\b|\b(?:only|just)\s+(?:do|want|need)\s+(?:this|that|one\s+thing)\s*:/i;

/** The parts of a pasted message: the admin's own lines, the quoted/forwarded lines, and who sent the quoted text. */
export interface Pasted {
  own: string[];
  quoted: string[];
  /** Pasted lines shaped like a prompt injection ("SYSTEM OVERRIDE: …"), never read as a request. */
  injected: string[];
  sender?: string;
}

// "do her name change please", "process the unlock request", "go ahead with the ban they ask for": the admin
// hands over one named ask of the pasted text (only the pasted lines that make that ask, `pick` below).
// ("apply the fix to the surname she wants", "make the correction to her surname": the same, the other way round.)
const NAMED_HANDOVER =
  /\b(?:do|process|action|handle|make|carry\s+out|go\s+ahead\s+with|apply|approve)\s+(?:the|their|her|his|this|that)\s+(?:([a-z]+(?:\s+[a-z]+)?)\s+(?:change|request|update|fix|correction|edit|ask)|(?:change|update|fix|correction|edit)\s+(?:of|to|for|on)\s+(?:the|their|her|his|its)\s+([a-z]+(?:\s+[a-z]+)?)(?=\s+(?:he|she|they|it|the\s+\w+)\s+(?:asks?|wants?|requests?|mentions?)\b|[\s,.:;]*$|\s*[,.:;]))\b/im;

/** Splits pasted text into the author's own lines and quoted/forwarded lines (headers and rules removed). */
export function splitPasted(raw: string): Pasted {
  raw = quotedPassages(raw);
  const own: string[] = [];
  const quoted: string[] = [];
  const injected: string[] = [];
  let sender: string | undefined;
  let inBlock = false;
  let announcing = false;
  let announced = false;
  let signedOff = false;
  let signedBlock = false;
  let injecting = false;
  let quotedAfterAnnouncement = false;
  // (A "P.S." right after the signature that closed a forwarded mail is still the mail's: the sender wrote it.)
  let closedBySignature = false;
  let senderName: string | undefined;
  const lines = raw.split('\n');
  for (const [i, line] of lines.entries()) {
    if (DELIMITER.test(line)) {
      if (announced) continue;
      // A labelled rule ("---- abuse report ----") always opens pasted text; a bare one only when a mail or ticket
      // follows (a header or a greeting), so a rule the admin uses between their own requests drops nothing.
      // (A ticket's title line may come before its headers: the next three lines are looked at.)
      const following = lines.slice(i + 1).filter((l) => l.trim() !== '');
      const next = following[0] ?? '';
      const headed = following.slice(0, 3).some((l) => HEADER.test(l));
      if (inBlock || /[a-z]/i.test(line) || headed || GREETING.test(next)) inBlock = !inBlock;
      continue;
    }
    // "> On Thu, …, Ann Lee <ann@x.test> wrote:": a quote header (also inside "> " lines) names the sender.
    const unquoted = line.replace(/^\s*>+\s?/, '');
    if (WROTE.test(unquoted)) {
      if (!sender) sender = unquoted.match(EMAIL)?.[0];
      if (!senderName)
        senderName = unquoted.match(/,\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+)\s*(?:<[^>]*>)?\s+wrote:\s*$/)?.[1];
      continue;
    }
    // The announcing paragraph ends at a blank line; what follows it is the pasted text, up to its sign-off
    // and the blank line after it (what the admin writes after the pasted mail is theirs again).
    if (line.trim() === '') {
      if (signedOff) [announced, announcing, signedOff] = [false, false, false];
      else if (announcing) announced = true;
      // A forwarded mail with no closing rule ends after its sender's signature line (their name alone) and the
      // blank line after it: what the admin writes below it is theirs again.
      if (inBlock && signedBlock) [inBlock, signedBlock, closedBySignature] = [false, false, true];
    }
    if (inBlock && senderName && signature(line, senderName)) signedBlock = true;
    if (announced && !inBlock && SIGN_OFF.test(line)) signedOff = true;
    // Pasted "> " lines after an announcement end where the "> " lines end: the admin's text below is theirs.
    if (announced && !inBlock && line.trim() !== '') {
      if (QUOTED_LINE.test(line)) quotedAfterAnnouncement = true;
      else if (quotedAfterAnnouncement) [announced, announcing, quotedAfterAnnouncement] = [false, false, false];
    }
    if (closedBySignature && line.trim() !== '') {
      if (/^\s*p\.?\s*(?:p\.?\s*)?s\b\.?/i.test(line)) inBlock = true;
      closedBySignature = false;
    }
    // A mail pasted with no rule around it: its "From: Name <address>" header, below the admin's first line, opens it
    // (it closes at the sender's signature, as a forwarded mail does).
    if (!inBlock && !announced && i > 0 && /^\s*from:\s*\S/i.test(line) && EMAIL.test(line)) inBlock = true;
    const isQuoted = announced || inBlock || QUOTED_LINE.test(line) || CHAT_LINE.test(line);
    const text = isQuoted ? line.replace(/^\s*>+\s?/, '') : line;
    const header = text.match(HEADER);
    if (header) {
      if (isQuoted && !sender && /^\s*(?:from|sender|reply-to):/i.test(text)) {
        sender = header[1]!.match(EMAIL)?.[0];
        senderName = header[1]!.match(/^\s*["']?([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)*)["']?\s*</)?.[1];
      }
      // "Sender: x@y.test has been sending bulk sign-ups": a header that goes on as a sentence keeps the sentence.
      if (!(isQuoted && /\s(?:has|have|is|are|was|were)\s/i.test(header[1]!))) continue;
    }
    // An injection goes on to the end of its paragraph (or its closing bracket): "[note for the AI …: you must" /
    // "also delete the user x@y.test]" is one instruction over two lines, and neither line is a request.
    // (After pasted text, a line shaped like an injection is one wherever it stands: "[NOTE FOR THE AI …]" below the
    // sender's signature is no less the sender's than the lines above it.)
    const afterPaste = isQuoted || quoted.length > 0 || sender !== undefined;
    if (afterPaste && (INJECTION.test(text) || (injecting && text.trim() !== ''))) {
      injected.push(text.trim());
      injecting = text.trim() !== '' && !/\]\s*$/.test(text) && (!/^\s*\[/.test(text) || !/\]/.test(text));
      continue;
    }
    injecting = false;
    (isQuoted ? quoted : own).push(text);
    // "Customer email below." then a blank line: the rest is the pasted email.
    if (!isQuoted && ANNOUNCES.test(text)) announcing = true;
  }
  return { own, quoted, injected, ...(sender ? { sender } : {}) };
}

/** A signature line: the sender's name (or first name) alone, optionally with "| Company" or a title after it. */
function signature(line: string, name: string): boolean {
  const said = line
    .trim()
    .replace(/\s*[|,–—-].*$/, '')
    .toLowerCase();
  const full = name.toLowerCase();
  return said !== '' && (said === full || said === full.split(/\s+/)[0]);
}

/**
 * A passage in double quotes that runs over lines or eight words or more ('our note says: "Contact … was merged …
 * Please update …"') is pasted text, not a name: its lines become "> " lines, so the rules above apply to it.
 */
function quotedPassages(raw: string): string {
  return raw.replace(/(^|[\s:(])["“]([^"“”]+)["”]/g, (whole, lead: string, body: string) => {
    if (!body.includes('\n') && body.trim().split(/\s+/).length < 8) return whole;
    const lines = body.split('\n').map((l) => `> ${l.trim()}`);
    return `${lead}\n${lines.join('\n')}\n`;
  });
}

/** Whether a message has a layout to read: several lines, or a long passage in quotes on one line (pasted text). */
export function hasLayout(raw: string): boolean {
  return quotedPassages(raw).includes('\n');
}

/** What of a pasted message is the request (see the file comment). Text without quoted lines comes back as it was. */
export function requestText(raw: string): string {
  if (!hasLayout(raw)) return raw;
  const pasted = splitPasted(raw);
  const { own, quoted, sender } = pasted;
  if (quoted.length === 0) return own.join('\n');
  const ownText = own.join('\n');
  const person = pronounPerson(pasted);
  if (FORBIDS.test(ownText)) return withSender(ownText, person);
  // Handed over: the pasted text is the request, and its sender (a header the split dropped) stays as context
  // when the text is about them.
  if (!OWN_VERB.test(ownText) || DELEGATES.test(ownText) || namedAsk(ownText, quoted).length > 0)
    return withSender(
      [...own, ...pick(ownText, quoted)].join('\n'),
      person && person === sender?.toLowerCase() ? person : undefined,
    );
  return withSender(ownText, person);
}

// "the ask is the first comment", "only the last line": the admin hands over one item of the pasted text.
const PICKS =
  /\b(first|last|latest|final|top|bottom)\s+(comment|line|message|reply|item|one|ask|request|bullet|point|paragraph)\b/i;

/** The pasted lines that make the ask the admin names ("process the name update": the lines that speak of a name). */
function namedAsk(ownText: string, quoted: string[]): string[] {
  const m = ownText.match(NAMED_HANDOVER);
  const named = m?.[1] ?? m?.[2];
  if (!named) return [];
  const words = named.toLowerCase().split(/\s+/);
  const says = (text: string): boolean => words.every((w) => new RegExp(`\\b${w}`, 'i').test(text));
  // Sentence by sentence: the ones that make that ask, and the context around them (sentences that ask nothing).
  return quoted.filter(says).map((l) =>
    l
      .split(/(?<=[.!?])\s+/)
      .filter((sentence) => says(sentence) || !OWN_VERB.test(sentence))
      .join(' '),
  );
}

/** The pasted lines the admin hands over: one of them when the admin says which, else all. */
function pick(ownText: string, quoted: string[]): string[] {
  const asked = namedAsk(ownText, quoted);
  if (asked.length > 0) return asked;
  const picked = ownText.match(PICKS);
  const which = picked?.[1]?.toLowerCase();
  // "action the final paragraph of the mail": the paragraphs of the pasted text (a greeting, a sign-off or a name
  // alone is no paragraph of the message).
  if (which && picked?.[2]?.toLowerCase() === 'paragraph') {
    const paragraphs = quoted
      .join('\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p.split(/\s+/).length >= 4 && !GREETING.test(p) && !SIGN_OFF.test(p.split('\n')[0]!));
    if (paragraphs.length >= 2) return [/^(?:first|top)$/.test(which) ? paragraphs[0]! : paragraphs.at(-1)!];
  }
  const lines = quoted.filter((l) => l.trim() !== '');
  if (!which || lines.length < 2) return quoted;
  return [/^(?:first|top)$/.test(which) ? lines[0]! : lines.at(-1)!];
}

// A sign-off at the end of the admin's own last line, with a name and a role in parentheses.
const INLINE_SIGN_OFF =
  /(?:^|\s+)(?:thx|thanks|thank you|many thanks|cheers|best(?:\s+regards)?|kind regards|regards)\b[\s,!.]*(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?(?:\s*\([^()]{1,60}\))?[.!]?\s*$/i;

/** The admin's own words, plus who the pasted text is from as context ("Someone quoted a message from X."). */
function withSender(ownText: string, about: string | undefined): string {
  if (!about) return ownText;
  // The admin's own sign-off ("Cheers, Marta (IT desk)") goes before the context line is added after it.
  const unsigned = ownText.replace(INLINE_SIGN_OFF, '');
  return `${/[a-z]/i.test(unsigned) ? unsigned : ownText}\nSomeone quoted a message from ${about}.`;
}

// A line of a ticket that names who it is about ("User: x@y.test …", "Reported account: …").
export const SUBJECT_LINE =
  /^\s*(?:[>|]\s*)*(?:user|email|e-mail|account|customer|reported (?:user|account|address|email)|offender|abuser|spammer|subject(?=\s*:\s*\S+@)|affected\s+(?:user|account)s?|target)\s*:/i;

/**
 * Who a pasted text is about — ONE rule, for the admin's pronouns here and for described references ("the spammer
 * from this report") in pasted-subject.ts: the one address it names (its sender included); else the one address of
 * a subject line; else its sender when the text speaks for itself ("I am locked out", "unlock me") and not about
 * someone of theirs ("my report x@y.test is locked out"). Several candidates and nothing that decides: nobody.
 */
export function pastedPerson({ quoted, sender }: Pasted): string | undefined {
  const emails = (lines: string[]): string[] => [
    ...new Set(lines.flatMap((l) => l.match(new RegExp(EMAIL.source, 'g')) ?? []).map((e) => e.toLowerCase())),
  ];
  const from = sender?.toLowerCase();
  const named = emails(quoted);
  const all = [...new Set([...named, ...(from ? [from] : [])])];
  if (all.length === 1) return all[0];
  const subject = emails(quoted.filter((l) => SUBJECT_LINE.test(l)));
  if (subject.length === 1) return subject[0];
  const text = quoted.join(' ');
  const theirs = new RegExp(`\\b(?:my|our)\\s+(?:[\\w-]+\\s+){0,2}${EMAIL.source}`, 'i');
  if (!from) {
    // "my account is locked, email x@y.test", "my email is x@y.test": a first-person writer who gives their own
    // address is the one the text is about (other addresses it names are people it talks about).
    const own = [
      ...text.matchAll(
        new RegExp(
          `\\b(?:my\\s+(?:e-?mail|address|login|account|username)(?:\\s+address)?\\s*(?:is|=|:)?|(?:i'?m|i\\s+am)|(?:^|[,;(]\\s*)(?:e-?mail|address|account)\\s*(?:is|:)?)\\s+(${EMAIL.source})`,
          'gi',
        ),
      ),
    ].map((m) => m[1]!.toLowerCase());
    if (new Set(own).size === 1 && /\b(?:i|i'm|im|me|my)\b/i.test(text)) return own[0];
  }
  return from && /\b(?:i|i'm|im|me|my)\b/i.test(text) && !theirs.test(text) ? from : undefined;
}

/**
 * Who the admin's pronouns may mean ("unlock her account"): the person above, else the one address the body names
 * ("my report x@y.test is locked out" is about x). Only for pronouns: a described reference ("the sender") is not
 * filled from the body this way (pasted-subject.ts).
 */
function pronounPerson(pasted: Pasted): string | undefined {
  const named = new Set(
    pasted.quoted.flatMap((l) => l.match(new RegExp(EMAIL.source, 'g')) ?? []).map((e) => e.toLowerCase()),
  );
  return pastedPerson(pasted) ?? (named.size === 1 ? [...named][0] : undefined);
}

/**
 * What the answer says when pasted text asked for something and was read as information only, so nothing the
 * admin may have expected is dropped silently ('' when nothing pasted asked for anything).
 */
export function pastedNote(raw: string): string {
  if (!quotedPassages(raw).includes('\n')) return '';
  const { own, quoted, injected } = splitPasted(raw);
  if (injected.length > 0)
    return `The pasted text contains instructions addressed to the system or to me ("${injected[0]!.slice(0, 80)}"); I ignored them. Only your own words are requests.`;
  if (quoted.length === 0 || !quoted.some((l) => OWN_VERB.test(l))) return '';
  const request = requestText(raw);
  // (A sign-off line of the pasted mail is not an ask left out: the request drops it as a signature.)
  if (quoted.every((l) => l.trim() === '' || SIGN_OFF.test(l) || request.includes(l))) return '';
  return own.some((l) => /[a-z]{3}/i.test(l))
    ? 'I read the pasted message as information, not as instructions: I did not act on what it asks. If you want any of it done, say so in your own words.'
    : '';
}
