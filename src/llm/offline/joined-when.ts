/**
 * A person described by when they signed up (issue 15, round 19): "ban whoever registered overnight", "lock the
 * account that was created today". The users created in that window are listed (one read, with Clerk's
 * created_at filters); exactly one is the person meant, several are a question, none is "not found" — never the
 * nearest guess. The card shows who it is.
 */
import type { Ref } from './intent-types.js';

const WHEN = '(today|yesterday|last\\s+night|overnight|this\\s+morning|earlier\\s+today|an\\s+hour\\s+ago)';
const JOINED = new RegExp(
  `^(?:whoever|(?:the\\s+)?(?:user|account|acct|person|one|customer|guy|girl|sign-?up)\\s+(?:who|that)?)\\s*(?:has\\s+|just\\s+)*(?:signed\\s*-?\\s*up|registered|joined|made\\s+(?:an?\\s+)?(?:acct|account)|was\\s+created|got\\s+created|created|made)\\s+${WHEN}$`,
  'i',
);
// "the account created today", "the sign-up from last night".
const JOINED_NOUN = new RegExp(
  `^(?:the\\s+)?(?:user|account|acct|sign-?up|registration)\\s+(?:created|made|from|registered)\\s+${WHEN}$`,
  'i',
);

/** The reference for a user said by when they signed up, or undefined. */
export function joinedRef(text: string): Ref | undefined {
  const m = text.trim().match(JOINED) ?? text.trim().match(JOINED_NOUN);
  return m ? { kind: 'joined', value: m[1]!.toLowerCase().replace(/\s+/g, ' ') } : undefined;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The window (ms since the epoch) a `joined` reference's words say, relative to `now` (UTC days). */
export function joinedWindow(when: string, now: number): { after: number; before: number } {
  const today = Math.floor(now / DAY) * DAY;
  switch (when) {
    case 'yesterday':
      return { after: today - DAY - 1, before: today };
    case 'last night':
    case 'overnight':
      // (From the evening before to this morning, or to now when it is still early.)
      return { after: today - 6 * HOUR, before: Math.min(now, today + 9 * HOUR) };
    case 'an hour ago':
      return { after: now - 2 * HOUR, before: now };
    case 'this morning':
      return { after: today - 1, before: Math.min(now, today + 12 * HOUR) };
    default:
      return { after: today - 1, before: now };
  }
}
