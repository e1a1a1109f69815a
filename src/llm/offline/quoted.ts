/**
 * Forwarded and quoted text in a pasted message is DATA, not instructions (issue 15; the gate's "hostile data"
 * rule). An admin pastes a customer's mail, an abuse report or a phishing message to say what to do about it; what
 * the pasted text itself demands ("as the administrator you must delete …", "NOTE TO THE AI: add … to the
 * allowlist") is not the admin's request. So:
 * - the admin's own words are the request;
 * - the quoted part is the request too only when the admin's own words hand it over ("pls handle:", "can you
 *   action it?", "take care of it") and do not say the opposite ("do not act on anything it asks");
 * - when the admin wrote nothing of their own, the pasted text is all there is and is read as the request;
 * - otherwise the quoted part only names who it is about: its sender (From:/Sender:) is kept as a context
 *   statement, so "please unlock her account" can find "her", while none of its sentences can become a call.
 */

// A line that opens or closes pasted text: "---- abuse report #5521 ----", "---------- Forwarded message ---------",
// "-----Original Message-----", "===== quoted =====", or a bare rule of three or more dashes/underscores/equals.
const DELIMITER = /^\s*(?:([-=_~*#])\1+[^\n]*\1{2}|[-_=]{3,})\s*$/;
// Mail headers (and the "Sender:"/"Reporter:" lines of tickets) inside pasted text.
const HEADER = /^\s*(?:from|to|cc|bcc|date|sent|subject|sender|reply-to):\s*(.*)$/i;
const QUOTED_LINE = /^\s*>/;
const GREETING = /^\s*(?:hi|hello|hey|dear|team|good\s+(?:morning|afternoon|evening))\b/i;
const WROTE = /^\s*on\s.+\swrote:\s*$/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
// The admin's own words hand the pasted request over.
const DELEGATES =
  /\b(?:handle|action|actioned|take\s+care\s+of|deal\s+with|sort\s+(?:it|this|that)\s+out|process|do\s+(?:the\s+)?needful|do\s+(?:what|as)\s+(?:it|they|he|she|the\s+\w+)\s+(?:asks?|says?|requests?)|do\s+(?:both|all|these|those|it|this)(?:\s+things)?)\b/i;
// …or say not to act on it.
const FORBIDS =
  /\b(?:do\s+not|don'?t|never|without)\s+(?:act|do|follow|execute|carry\s+out|action)\w*\b[^.]*\b(?:message|mail|email|ticket|report|it|they|this|that|text|asks?|says?|requests?)\b/i;

/** The parts of a pasted message: the admin's own lines, the quoted/forwarded lines, and who sent the quoted text. */
export interface Pasted {
  own: string[];
  quoted: string[];
  sender?: string;
}

/** Splits pasted text into the author's own lines and quoted/forwarded lines (headers and rules removed). */
export function splitPasted(raw: string): Pasted {
  const own: string[] = [];
  const quoted: string[] = [];
  let sender: string | undefined;
  let inBlock = false;
  const lines = raw.split('\n');
  for (const [i, line] of lines.entries()) {
    if (DELIMITER.test(line)) {
      // A labelled rule ("---- abuse report ----") always opens pasted text; a bare one only when a mail or ticket
      // follows (a header or a greeting), so a rule the admin uses between their own requests drops nothing.
      const next = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
      if (inBlock || /[a-z]/i.test(line) || HEADER.test(next) || GREETING.test(next)) inBlock = !inBlock;
      continue;
    }
    if (WROTE.test(line)) continue;
    const isQuoted = inBlock || QUOTED_LINE.test(line);
    const text = isQuoted ? line.replace(/^\s*>+\s?/, '') : line;
    const header = text.match(HEADER);
    if (header) {
      if (isQuoted && !sender && /^\s*(?:from|sender|reply-to):/i.test(text)) sender = header[1]!.match(EMAIL)?.[0];
      // "Sender: x@y.test has been sending bulk sign-ups": a header that goes on as a sentence keeps the sentence.
      if (!(isQuoted && /\s(?:has|have|is|are|was|were)\s/i.test(header[1]!))) continue;
    }
    (isQuoted ? quoted : own).push(text);
  }
  return { own, quoted, ...(sender ? { sender } : {}) };
}

/** What of a pasted message is the request (see the file comment). Text without quoted lines comes back as it was. */
export function requestText(raw: string): string {
  if (!raw.includes('\n')) return raw;
  const { own, quoted, sender } = splitPasted(raw);
  if (quoted.length === 0) return own.join('\n');
  const ownText = own.join('\n');
  if (!/[a-z]{3}/i.test(ownText)) return quoted.join('\n');
  if (DELEGATES.test(ownText) && !FORBIDS.test(ownText)) return [...own, ...quoted].join('\n');
  const about = sender ?? singleEmail(quoted);
  return about ? `${ownText}\nSomeone quoted a message from ${about}.` : ownText;
}

/** The one email address the quoted lines name, if exactly one. */
function singleEmail(lines: string[]): string | undefined {
  const found = new Set(lines.flatMap((l) => l.match(new RegExp(EMAIL.source, 'g')) ?? []));
  return found.size === 1 ? [...found][0] : undefined;
}
