/**
 * A ticket that says whom it is about on a subject line ("Subject: x@y", "User: x@y") and lists its steps with no
 * object ("1. remove from Foo org", "2. ban account"): each such step acts on that one address. Read on the raw text,
 * before the pasted block is reduced to its request, so a subject line a mail header reader would drop still says
 * whom the steps mean. Only with exactly one address on subject lines, and only for a step whose verb acts on a
 * user and that names nobody itself; the reporter's or requester's address is never a subject line.
 */
import { EMAIL, SUBJECT_LINE } from './quoted.js';

const EMAILS = new RegExp(EMAIL.source, 'g');
const STEP =
  /^(\s*(?:[>|]\s*)*(?:\d+[.)]|[-*•])\s*)(remove|kick|ban|unban|lock|unlock|delete|suspend|offboard)\b(?!\s+(?:him|her|them|the\s+user\s+\S+@))(?:\s+(?:the\s+)?(?:account|acct|user|login))?(\s+(?:from|out\s+of)\b[^@\n]*)?\s*$/i;

/** The raw message with objectless ticket steps given the one address its subject line names. */
export function withTicketSubject(raw: string): string {
  const lines = raw.split('\n');
  const subjects = [
    ...new Set(
      lines.filter((l) => SUBJECT_LINE.test(l)).flatMap((l) => (l.match(EMAILS) ?? []).map((e) => e.toLowerCase())),
    ),
  ];
  if (subjects.length !== 1) return raw;
  const who = subjects[0]!;
  return lines
    .map((l) => {
      const m = l.match(STEP);
      return m ? `${m[1]}${m[2]} ${who}${m[3] ?? ''}` : l;
    })
    .join('\n');
}
