/**
 * A person described as whoever sent an invitation: "whoever sent the Acme invite to x@y.test", "the admin who
 * invited x@y.test to Foo", "whichever of our admins issued the invitation for x@y.test". Clerk records who sent
 * an organization invitation (its `inviter_id`), so the person is found by reading the organization invitations to
 * that address. `withInviterDescribed` says the description as one token, "the inviter~ann~at~x.test" or
 * "…~in~Acme" (the address spelt out inside the token, so it is never taken for the person, and survives the clause
 * splitting that re-reads placeholders); `inviterRef` reads the token as a reference, and resolve.ts finds the one
 * sender (none or several → nobody is guessed, and the reply says where it looked).
 */
import type { Ref } from './intent-types.js';

const WHO =
  '(?:whoever|whichever\\s+(?:of\\s+(?:our|the|their)\\s+)?(?:admins?|people|users|members|colleagues)|(?:the|that)\\s+(?:[\\w-]+\\s+)?(?:person|user|one|admin|member|colleague|guy|lady|individual)\\s+(?:who|that))';
const SENT = '(?:sent(?:\\s+out)?|issued|created|made|fired\\s+off)';
const ORG = "([A-Z][\\w&'’-]*(?:\\s+[A-Z][\\w&'’-]*)?)";

const FORMS: readonly RegExp[] = [
  // "whoever sent the (pending) (Acme) (org) invite(ation) to/for ⟦e0⟧ (to join Acme)"
  new RegExp(
    `\\b${WHO}\\s+(?:originally\\s+|actually\\s+)?${SENT}\\s+(?:the|that|this|an?)\\s+(?:pending\\s+|open\\s+|outstanding\\s+)?(?:${ORG}\\s+)?(?:org(?:ani[sz]ation)?\\s+)?invit(?:e|ation)\\s+(?:to|for)\\s+⟦e(\\d+)⟧(?:\\s+(?:to|into)\\s+(?:join\\s+)?${ORG})?`,
    'gi',
  ),
  // "the admin who invited ⟦e0⟧ (to Acme)"
  new RegExp(`\\b${WHO}\\s+(?:originally\\s+)?invited\\s+⟦e(\\d+)⟧(?:\\s+(?:to|into)\\s+(?:the\\s+)?${ORG})?`, 'gi'),
];

/** The message with a person described by an invitation they sent said as one token ("the inviter~…"). */
export function withInviterDescribed(masked: string, emails: readonly string[]): string {
  const token = (n: string, org: string | undefined): string => {
    const email = emails[Number(n)];
    if (!email) return `⟦e${n}⟧`;
    const spelt = email.toLowerCase().replace('@', '~at~');
    // ("the org invite": a word of the noun phrase, not an organization's name.)
    const named = org && /^[A-Z]/.test(org) && !/^(?:Org|Organi[sz]ation|Pending|Open)$/i.test(org) ? org : undefined;
    return `the inviter~${spelt}${named ? `~in~${named.replace(/\s+/g, '_')}` : ''}`;
  };
  return masked
    .replace(FORMS[0]!, (m, before?: string, n?: string, after?: string) => (n ? token(n, before ?? after) : m))
    .replace(FORMS[1]!, (_m, n: string, org?: string) => token(n, org));
}

/** The token as it stands in a masked sentence (request.ts reads it as a described person, like "the profiled~…"). */
export const INVITER_TOKEN = /\bthe\s+inviter~[\w.+-]+~at~[\w.-]+(?:~in~[\w&'’.-]+)?/;

/** "the inviter~ann~at~x.test[~in~Org]" as a reference, or undefined. */
export function inviterRef(chunk: string): Ref | undefined {
  const m = chunk.trim().match(/^(?:the\s+)?inviter~([\w.+-]+)~at~([\w.-]+?)(?:~in~([\w&'’.-]+?))?(?:'s|’s)?$/i);
  if (!m) return undefined;
  return { kind: 'inviter', value: `${m[1]}@${m[2]}`, ...(m[3] ? { org: m[3].replace(/_/g, ' ') } : {}) };
}
