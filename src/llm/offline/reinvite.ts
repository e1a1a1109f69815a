/**
 * Replacing a mistyped invitation: "the invite to newdev@x.test had a typo, the right address is new.dev@x.test —
 * cancel the old one and send a fresh invite". The old address is the one not called right; the new invitation
 * goes to the same organization (or the app) with the same role as the old one unless a role is named.
 */
import type { Sentence } from './entities.js';
import { roleKey } from './entities.js';
import type { Intent, Ref } from './intent-types.js';
import { orgMention } from './org-context.js';

const RIGHT =
  /\b(?:right|correct|proper|actual|real|new|fixed)\s+(?:e-?mail\s+)?(?:address|e-?mail)\s+(?:is|should be|was supposed to be)\s+⟦e(\d+)⟧|\bshould(?: have)? (?:be|been)\s+⟦e(\d+)⟧|\binstead of\s+⟦e(\d+)⟧/i;
const REPLACE =
  /\b(?:cancel|revoke|withdraw|delete|replace|re-?send|resend|re-?invite|send (?:a |them a )?(?:fresh|new|another|corrected))\b/i;
const INVITED_TO =
  /\binvit\w*\s+(?:⟦e\d+⟧\s+)?(?:to|for|into)\s+(?:join\s+)?(?:the\s+)?([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?)/;
const PRONOUN = /^(?:We|I|You|They|He|She|It|Please|Can|Could|So)$|^$/;
const INVITED_ORG = /\b(?:The\s+)?([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?)\s+(?:org(?:ani[sz]ation)?\s+)?invit(?:e|ation)\b/;

/** The replace-an-invitation request, or undefined. */
export function parseReinvite(whole: Sentence): Intent | undefined {
  const c = whole.masked;
  if (whole.ents.emails.length !== 2 || !/\binvit/i.test(c) || !REPLACE.test(c)) return undefined;
  const m = c.match(RIGHT);
  if (!m) return undefined;
  // "use X instead of Y": Y is the old one; otherwise the address called right is the new one.
  const insteadOf = m[3] !== undefined;
  const named = Number(m[1] ?? m[2] ?? m[3]);
  const other = named === 0 ? 1 : 0;
  const [newIdx, oldIdx] = insteadOf ? [other, named] : [named, other];
  const orgName = [c.match(INVITED_ORG)?.[1], c.match(INVITED_TO)?.[1], orgMention(c)]
    .map((n) => n?.replace(/^(?:The|Our|An?|That|This)\s+/, '').trim())
    .find((n) => n && !PRONOUN.test(n));
  const app = /\bapp(?:lication)?\s+invit/i.test(c);
  const org: Ref | undefined = !app && orgName ? { kind: 'name', value: orgName } : undefined;
  const roleWord = c.match(/\bas\s+(?:an?\s+)?(admin|administrator|member|billing|viewer|org:[\w:-]+)\b/i)?.[1];
  const role = roleWord ? roleKey(roleWord) : undefined;
  return {
    kind: 'reinvite',
    oldEmail: whole.ents.emails[oldIdx]!,
    newEmail: whole.ents.emails[newIdx]!,
    ...(org ? { org } : {}),
    ...(role ? { role } : {}),
  };
}
