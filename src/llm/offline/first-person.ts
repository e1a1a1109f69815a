/**
 * A request written in the first person by the user it is about — a support ticket or chat pasted without quote
 * marks ("hey, Priya Nair here, priya@x.test … please sign me out on every device", "I'm x@y.test and my account
 * is locked, please unlock me") — means that user by "me" and "my account". The writer is known only when the
 * message names exactly one address as their own: "this is / I'm / I am / my name is <Name> (<address>)", "my
 * email / address / login is <address>", or the address of a signature ("The message was signed by …", added by
 * normalize.ts). Anything else (no such address, or two) leaves "me" alone, so it never becomes a user lookup
 * guessed from the admin's words.
 */

const NAME = "(?:[A-Z][\\w'’-]*\\s+){0,3}";
const SELF = new RegExp(
  [
    // "this is Ann Lee at Foo (⟦e0⟧)", "I'm ⟦e0⟧", "my name is Ann Lee, ⟦e0⟧"
    `\\b(?:this\\s+is|it'?s|it’s|i'?m|i’m|i\\s+am|my\\s+name\\s+is)\\s+${NAME}(?:(?:from|at|of|with)\\s+[A-Z][\\w&'’-]*\\s*)?[,(\\s]*(⟦e\\d+⟧)`,
    // "Kai Ono here (⟦e0⟧)", "⟦e0⟧ here"
    `\\b${NAME}here\\s*[,(:-]?\\s*(⟦e\\d+⟧)`,
    '(⟦e\\d+⟧)\\s+here\\b',
    // "my email is ⟦e0⟧", "my login: ⟦e0⟧", "my account (⟦e0⟧)"
    '\\bmy\\s+(?:e-?mail|address|login|account|username)(?:\\s+address)?\\s*(?:is|=|:)?\\s*\\(?(⟦e\\d+⟧)',
    // the signature's address (normalize.ts), the sender of a pasted mail written in the first person (quoted.ts)
    '\\bThe message was signed by (⟦e\\d+⟧)',
    '\\bSomeone quoted a message from (⟦e\\d+⟧)',
  ].join('|'),
  'gi',
);

// "me" as the one acted on ("log me out", "unlock me", "let me back in"), not "let me know", "send me", "for me".
const ME =
  /\b(log|sign|lock|unlock|ban|unban|remove|kick|boot|delete|unblock|block|reinvite|invite|add|let|get)\s+me\b(?!\s+(?:know|see|check|explain)\b)/gi;
// "my account", "my sessions", "my login": the writer's.
const MY =
  /\bmy\s+(account|sessions?|logins?|user|profile|devices?|(?:(?:first|last|family|user|display|full)\s*)?name|surname|e-?mail(?:\s+address)?)\b(?!\s*(?:is|was|=|:)\s)/gi;

// "could I be added to Foo?", "can I get unlocked": the writer as the subject of a passive request.
const I_PASSIVE = /\b(could|can)\s+i\s+(?=(?:please\s+)?(?:be|get)\s)/gi;

// "make sure I (⟦e0⟧) have admin rights", "me (⟦e0⟧)": the writer names their address right where they mean
// themselves; the address stands there, with the verb agreeing.
const SELF_NAMED = /\b(?:I|me|myself)\s*\(\s*(⟦e\d+⟧)\s*\)(?:\s+(have|am|was|do|don['’]t)\b)?/g;
const AGREES: Readonly<Record<string, string>> = {
  have: 'has',
  am: 'is',
  was: 'was',
  do: 'does',
  "don't": "doesn't",
  'don’t': 'doesn’t',
};

/** The message with the writer's "me" / "my account" replaced by their one address, or as it was. */
export function withWriter(given: string): string {
  const masked = given.replace(SELF_NAMED, (_m, address: string, verb?: string) =>
    verb ? `${address} ${AGREES[verb] ?? verb}` : address,
  );
  const own = new Set<string>();
  for (const m of masked.matchAll(SELF)) own.add(m.slice(1).find((g) => g !== undefined)!);
  if (own.size !== 1) return masked;
  const [writer] = [...own];
  return masked
    .replace(ME, (_m, verb: string) => `${verb} ${writer}`)
    .replace(MY, (_m, noun: string) => `${writer}'s ${noun}`)
    .replace(I_PASSIVE, (_m, modal: string) => `${modal} ${writer} `);
}
