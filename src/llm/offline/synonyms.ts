/**
 * Verb synonyms: admins say "get rid of", "nuke", "scrap", "retire" or "decommission" for delete. The clause's
 * leading verb is rewritten to the word every intent parser already knows, so each parser need not list them all.
 */

const DELETE = /^(?:get rid of|do away with|nuke|scrap|retire|decommission|trash|axe)\b/i;

// "take that one off the blocklist", "take her out of Acme": removal from a list or an organization.
const TAKE_OFF = /^(?:take|kick)\s+(.+?)\s+(?:off(?:\s+of)?|out\s+of|off\s+from)\s+/i;

/** The core of a clause with a synonym verb at its start replaced by the canonical verb. */
export function canonicalVerb(c: string): string {
  return c.replace(DELETE, 'delete').replace(TAKE_OFF, 'remove $1 from ');
}
