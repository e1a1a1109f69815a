/**
 * "Block all signups from foo.test", "stop new registrations using foo.test": future sign-ups from a domain, which
 * only the blocklist can stop (a wildcard entry, *@foo.test) — not a ban of the users who exist there, which the
 * readers would otherwise refuse as a bulk ban from one sentence. Existing accounts are never touched by it.
 */
import type { Sentence } from './entities.js';
import type { Intent } from './intent-types.js';

const SIGNUPS =
  /\b(?:block|stop|prevent|disallow|ban|forbid)\b[^.;]{0,30}?\b(?:sign[\s-]?ups?|signups|registrations?|new\s+(?:accounts|users|sign[\s-]?ups))\b[^.;]{0,20}?\b(?:from|at|on|using|with|via)\s+(?:an?\s+|the\s+)?(?:@?⟦h(\d+)⟧|⟦w(\d+)⟧)/i;

/** The blocklist entry a message asks for to stop sign-ups from a domain, or undefined. */
export function parseSignupBlock(said: Sentence): Intent | undefined {
  const m = said.masked.match(SIGNUPS);
  if (!m) return undefined;
  const domain =
    m[1] !== undefined ? said.ents.hosts[Number(m[1])] : said.ents.wildcards[Number(m[2])]?.replace(/^\*?@/, '');
  return domain ? { kind: 'list_add', list: 'blocklist', identifiers: [`*@${domain}`] } : undefined;
}
