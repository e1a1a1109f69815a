/**
 * The account with no name: "the user without a name", "an account in the list that has no real person's name",
 * "this one has no given or last name" — service and robot accounts are told apart from people exactly so. The reference
 * is resolved by a read (resolve.ts lists the users and takes those with neither a first nor a last name): one such
 * user is that user, shown by id and username on the card; none or several, and nobody is guessed.
 *
 * `withNameless` rewrites the describing words to "the nameless user", and — only in a message that names no one
 * else (no address, no id) — a later "it/its/that account" to the same, so "… which has no name … please lock
 * that one" locks that account.
 */
import type { Ref } from './intent-types.js';

const NO_NAME =
  "(?:no|without\\s+an?)\\s+(?:real\\s+|actual\\s+|human\\s+|proper\\s+)?(?:person(?:'s|’s)?\\s+|people(?:'s|’s)?\\s+)?(?:(?:first|given)\\s+(?:name\\s+)?(?:or|and|nor)\\s+(?:no\\s+)?(?:last|family|sur)\\s*name|full\\s+name|name)";

// "the user without a name", "an account that has no real name", "the nameless account".
const DESCRIBED = new RegExp(
  `\\b(?:(?:the|a|an|one)\\s+)?(?:(?:user|account|acct|login|profile|one)\\s+)(?:in\\s+(?:our|the)\\s+list\\s+)?(?:(?:with|that\\s+has|which\\s+has|having|that(?:'s|’s)\\s+got|who\\s+has)\\s+${NO_NAME}|without\\s+an?\\s+(?:real\\s+|actual\\s+|proper\\s+)?name)\\b|\\b(?:the|a|an|one)\\s+(?:nameless|unnamed)\\s+(?:user|account|acct|one|login)\\b`,
  'gi',
);
// "…, this one has no given or last name": said of "it" after the account was mentioned.
const SAID_OF_IT = new RegExp(`\\b(?:it|this\\s+one|that\\s+one)\\s+(?:has|got)\\s+${NO_NAME}\\b`, 'gi');
const POINTER = /\b(?:its|it|that\s+(?:account|one|user)|this\s+(?:account|one|user))\b/gi;

/** "the nameless user" as a reference. */
export function namelessRef(chunk: string): Ref | undefined {
  return /^(?:the\s+)?nameless\s+user$/i.test(chunk.trim()) ? { kind: 'nameless', value: 'user' } : undefined;
}

/** The message with an account described by having no name said as "the nameless user". */
export function withNameless(masked: string): string {
  const out = masked.replace(DESCRIBED, 'the nameless user').replace(SAID_OF_IT, 'it is the nameless user');
  if (out === masked || /⟦[ei]\d+⟧/.test(out)) return out;
  // Pronouns after the description, in the requests that follow it, mean that account.
  const at = out.indexOf('the nameless user') + 'the nameless user'.length;
  return (
    out.slice(0, at) +
    out.slice(at).replace(POINTER, (p) => (p.toLowerCase() === 'its' ? "the nameless user's" : 'the nameless user'))
  );
}
