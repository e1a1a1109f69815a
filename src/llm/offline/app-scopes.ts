/**
 * An OAuth application's scopes changed in prose (the frame reader's scope half): "strip openid off it, leave
 * just email", "it should stop requesting private_metadata; only profile going forward". Clerk grants a fixed set of scopes (scope-names.ts), so a scope name is strong evidence on its own: the list
 * kept ("only/just A and B") becomes the scopes, the names after a removal word are taken out of what the app has
 * (the planner reads it), and the application is the one whose name the text says (a `mention`).
 */
import { type Sentence, unmask } from './entities.js';
import type { Fields, Intent } from './intent-types.js';
import { deniedScopes, keptScopes, SCOPE_LIST, SCOPE_NAME, scopeNames } from './scope-names.js';

// (The scope named after the removal word, in the same phrase: "strip that scope, leave profile" removes no profile.)
const REMOVED = new RegExp(
  `\\b(?:take\\s+away|taking\\s+away|remove|drop|strip|revoke|stop\\s+(?:requesting|asking\\s+for|using|getting)|no\\s+longer\\s+(?:request|requests|need|needs|get|gets|be\\s+granted|be\\s+given|have|has|be\\s+allowed)|(?:must|should|shall)\\s+not\\s+(?:be\\s+granted|be\\s+given|have|request|get))\\b(?:(?!\\b(?:leave|leaving|keep|keeping|but|except)\\b)[^.;,]){0,40}?\\b(${SCOPE_LIST})\\b`,
  'i',
);

// "… shouldn't be reading private_metadata. strip that scope": the one scope named before the pointer.
const POINTED = /\b(?:take\s+away|remove|drop|strip|revoke|pull|kill)\s+(?:that|this|the\s+same)\s+scope\b/i;

function pointedScope(text: string): string[] | undefined {
  const at = text.search(POINTED);
  if (at < 0) return undefined;
  const before = [...new Set(scopeNames(text.slice(0, at)))];
  return before.length === 1 ? before : undefined;
}

/** The scope change a message asks for, or undefined (no scope named, or neither a kept list nor a removal). */
export function appScopes(said: Sentence): Intent | undefined {
  const text = unmask(said.masked, said.ents);
  if (scopeNames(text).length === 0 || !/\b(?:scopes?|oauth|apps?|applications?|integrations?)\b/i.test(text))
    return undefined;
  // (A question about the scopes asks nothing.)
  if (/^\s*(?:does|do|is|are|what|which|how|has|have)\b[^?]*\?\s*$/i.test(text)) return undefined;
  // (The list kept and the scopes an app must no longer have are read as the clause readers read them.)
  const kept = keptScopes(text);
  const dropped = text.match(REMOVED)?.[1];
  const removed = dropped ? scopeNames(dropped) : (pointedScope(text) ?? deniedScopes(text));
  if (!kept && !removed?.length) return undefined;
  const fields: Fields = {};
  if (kept) fields.scopes = kept.join(' ');
  if (removed?.length) fields.remove_scopes = removed;
  const rest = text.replace(new RegExp(`\\b${SCOPE_NAME}\\b`, 'gi'), ' ');
  return { kind: 'named_update', resource: 'oauth', ref: { kind: 'mention', value: rest }, fields };
}
