/**
 * OAuth scope lists said in prose (issue 15, round 4). Rule: Clerk grants a fixed set of scopes (REFERENCE.md:
 * profile, email, public_metadata, private_metadata, openid, offline_access), so in a list said after "scopes" the
 * items are those names — "public metadata" spelt with a space included — and any other word ("too", "also",
 * "anymore", a name) ends or is no part of the list. "Give/grant it the X scope (too)", "X scope as well",
 * "also allow X" add to the app's scopes; the planner keeps the ones it has.
 */
import { type Sentence, unmask } from './entities.js';

/** One scope name as people write it. */
export const SCOPE_NAME = '(?:profile|email|public[_ ]metadata|private[_ ]metadata|openid|offline[_ ]access)';
/** A list of scope names (separated by commas, "and", "+", "/" or spaces). */
export const SCOPE_LIST = `${SCOPE_NAME}(?:\\s*(?:,|\\+|&|/|\\band\\b|\\bplus\\b|\\s)\\s*(?:the\\s+)?${SCOPE_NAME})*`;

/** The scope names a piece of text says, in order, written as Clerk writes them. */
export function scopeNames(said: string): string[] {
  return [...said.matchAll(new RegExp(`\\b${SCOPE_NAME}\\b`, 'gi'))].map((m) => m[0].toLowerCase().replace(' ', '_'));
}

/**
 * The list given after the word "scopes": known scope names only. A quoted list is taken as written. Undefined when
 * the words after "scopes" name no scope ("the scope too", "scopes of the app").
 */
export function scopeListAfter(said: string, s: Sentence): string | undefined {
  const quoted = said.match(/^["'“]?⟦q(\d+)⟧/);
  if (quoted) return s.ents.quoted[Number(quoted[1])];
  const m = unmask(said, s.ents).match(new RegExp(`^(?:only\\s+|just\\s+|exactly\\s+)?:?\\s*(${SCOPE_LIST})\\b`, 'i'));
  return m ? scopeNames(m[1]!).join(' ') : undefined;
}

// "hand it the offline_access scope too", "grant openid and email as well", "also allow the private metadata scope".
const ADDED = new RegExp(
  `\\b(?:give|grant|hand|add|include|allow|enable)\\s+(?:(?:it|them)\\s+|(?:the|our|that|this)\\s+(?:[\\w.-]+\\s+){0,4}?(?:o-?auth\\s+)?(?:app|application|integration|client)\\s+)?(?:access\\s+to\\s+)?(?:the\\s+)?(${SCOPE_LIST})(?:\\s+scopes?)?(?=\\s+(?:too|also|as\\s+well|scopes?)\\b|\\s*$|\\s*[,.;]|\\s+(?:to|on|for)\\b)`,
  'i',
);

/** The scopes a clause adds anywhere in it ("… and grant it openid as well"), or undefined. */
export function addedScopes(c: string): string[] | undefined {
  const m = c.match(ADDED);
  if (!m) return undefined;
  // Only when the clause talks about scopes (the word, or the app's access): "add email to …" alone is not one.
  if (!/\bscopes?\b|\btoo\b|\bas\s+well\b|\baccess\b/i.test(c)) return undefined;
  const names = scopeNames(m[1]!);
  return names.length > 0 ? names : undefined;
}

// "drop public_metadata", "remove the openid scope too": a scope edit that names no app (the message names it).
// Only the API's own spelling ("public_metadata") or the word "scope" makes a bare name a scope, so "drop his
// public metadata" stays a user's metadata.
const API_SCOPE = '(?:profile|email|public_metadata|private_metadata|openid|offline_access)';
const API_LIST = `${API_SCOPE}(?:\\s*(?:,|\\+|&|\\band\\b)\\s*${API_SCOPE})*`;
const BARE = new RegExp(
  `^(?:(remove|drop|strip|revoke|take\\s+away|take\\s+out|get\\s+rid\\s+of|delete)|(add|grant|include|give))\\s+(?:(?:it|them)\\s+)?(?:the\\s+|its\\s+|their\\s+)?(?:(${SCOPE_LIST})\\s+scopes?|(${API_LIST}))(?:\\s+(?:too|also|as\\s+well))?$`,
  'i',
);

/** A clause that only adds or removes scopes by name, or undefined. */
export function bareScopeEdit(c: string): { remove_scopes: string[] } | { add_scopes: string[] } | undefined {
  const m = c.match(BARE);
  if (!m) return undefined;
  const names = scopeNames(m[3] ?? m[4]!);
  if (names.length === 0) return undefined;
  return m[1] ? { remove_scopes: names } : { add_scopes: names };
}

// "the foo integration no longer needs the email scope", "zapier doesn't use openid": a scope an app must no longer
// have is removed (the rest kept). Questions ("does it still need …?") are not read here.
const DENIED = new RegExp(
  `\\b(?:no\\s+longer|doesn'?t|does\\s+not|don'?t|do\\s+not|won'?t|will\\s+not|shouldn'?t|should\\s+not|mustn'?t|must\\s+not|never)\\s+(?:(?:really|actually|even)\\s+)?(?:needs?|wants?|uses?|requires?|gets?|have|has|sees?|reads?|access(?:es)?|keeps?)\\s+(?:the\\s+|its\\s+|any\\s+|their\\s+|that\\s+)?(${SCOPE_LIST})(?:\\s+scopes?)?\\b`,
  'i',
);

/** The scopes a statement says an app must no longer have, or undefined. */
export function deniedScopes(c: string): string[] | undefined {
  if (/^(?:is|are|does|do|did|has|have|what|which|why|how|who|should|can|could)\b/i.test(c)) return undefined;
  const m = c.match(DENIED);
  const names = m ? scopeNames(m[1]!) : [];
  return names.length > 0 ? names : undefined;
}

// "…, just profile + email": the list an app keeps, said outright, is its new scope list.
// ("drop only openid" says what goes, not what stays; "keeping email and openid", "leave them with email", "the
// profile and openid ones continue" say what stays.)
const KEPT = new RegExp(
  `(?<!\\b(?:remove|drop|strip|revoke|delete|off|out|away)\\s+)\\b(?:just|only|exactly)\\s+(?:keeps?\\s+|gets?\\s+|have\\s+|the\\s+)?(${SCOPE_LIST})\\b|\\b(?:keep(?:s|ing)?|leav(?:e|es|ing))\\s+(?:(?:it|them)\\s+with\\s+)?(?:only\\s+|just\\s+)?(?:the\\s+)?(${SCOPE_LIST})\\b|\\b(?:the\\s+)?(${SCOPE_LIST})\\s+(?:ones?\\s+|scopes?\\s+)?(?:continue|stay|remain)s?\\b`,
  'i',
);

/** The scope list a clause says an app keeps ("just A + B"), or undefined. */
export function keptScopes(c: string): string[] | undefined {
  const m = c.match(KEPT);
  const names = m ? scopeNames(m[1] ?? m[2] ?? m[3]!) : [];
  return names.length > 0 ? names : undefined;
}

// "add openid to the foo app's scopes", "take email out of the scopes of the foo app": named scopes moved into or
// out of an app's list — an edit of that list, never a new app.
const LIST_EDIT = new RegExp(
  `^(?:(remove|drop|strip|revoke|delete|take\\s+(?:away|out)|get\\s+rid\\s+of)|(add|grant|include|append|put))\\s+(?:the\\s+)?(${SCOPE_LIST})(?:\\s+scopes?)?\\s+(?:to|into|from|off|out\\s+of|on)\\s+(?:(.+?)(?:'s|’s)\\s+scopes?\\b|(?:the\\s+|its\\s+)?scopes?\\s+(?:of|for|on)\\s+(.+)$)`,
  'i',
);

/** The scope names a clause moves into or out of an app's list, and the words naming the app. */
export function scopeListEdit(
  c: string,
): { fields: { remove_scopes: string[] } | { add_scopes: string[] }; owner: string } | undefined {
  const m = c.match(LIST_EDIT);
  if (!m) return undefined;
  const names = scopeNames(m[3]!);
  if (names.length === 0) return undefined;
  return { fields: m[1] ? { remove_scopes: names } : { add_scopes: names }, owner: (m[4] ?? m[5]!).trim() };
}
