/**
 * A bulk change said over a group ("unlock everybody in Initech who is locked", "ban all the users of the Foo team
 * who are locked"), read as a bulk change over every user with that state, would change people outside the group
 * (round 18: the group word had been dropped). Here such a reading is put back in its group: when the state asked
 * about is the one the change undoes ("unlock … who is locked", "unban … who is banned"), it is the change over the
 * group's members (org-members-bulk.ts skips those already as asked); any other pairing ("ban everyone in Foo who is
 * locked") cannot be listed that way and is answered with a question, with nothing changed. A bulk change over every
 * user read beside the same change over a group's members ("unban all members of the chess club that are banned")
 * would change more than asked: the wider one goes.
 */
import type { Intent } from './intent-types.js';

type Bulk = Extract<Intent, { kind: 'bulk_user_action' }>;

// "everybody in Initech", "all users of the Foo team", "everyone inside the Riverside org": a set said by a group.
// ("everyone at @spam.test" is an address filter, not a group: the word after must not be an address or a domain.)
const IN_GROUP =
  /\b(?:every(?:one|body)|all\s+(?:of\s+)?(?:the\s+)?(?:users|members|people|accounts|staff|folks)|each\s+(?:user|member|person|account))\s+(?:in|of|from|within|inside|on)\s+(?:the\s+|our\s+|my\s+)?(?!(?:system|app|application|site|website|portal|instance|platform|list|world)\b)(\p{L}[\p{L}\d&'’-]*)/iu;
const STATE_WORDS = /^(?:banned|locked|blocked|suspended|active|inactive|them|these|those|it|this|that|there)$/i;
// The action that undoes each state: the group change skips members already as asked, so only this pairing is the
// same set.
const UNDOES: Readonly<Record<string, 'locked' | 'banned'>> = {
  clerk_user_unlock: 'locked',
  clerk_user_unban: 'banned',
};

/** The intent with a bulk change over every user put back in the group the text says; unchanged otherwise. */
export function withGroupScope(intent: Intent, text: string): Intent {
  if (intent.kind === 'sequence') {
    const grouped = new Set(
      intent.steps.flatMap((s) =>
        s.kind === 'org_members_bulk' && s.change.kind === 'user_action' ? [s.change.action] : [],
      ),
    );
    const seen = new Set<string>();
    const steps = intent.steps
      .filter((s) => !(s.kind === 'bulk_user_action' && grouped.has(s.action)))
      .map((s) => withGroupScope(s, text))
      // (A step put back in its group may now be one the message already had.)
      .filter((s) => !seen.has(JSON.stringify(s)) && !!seen.add(JSON.stringify(s)));
    if (steps.length === intent.steps.length && steps.every((s, i) => s === intent.steps[i])) return intent;
    return steps.length === 1 ? steps[0]! : { kind: 'sequence', steps };
  }
  if (intent.kind !== 'bulk_user_action' || intent.domain || intent.filter.emailQuery) return intent;
  const said = text.match(IN_GROUP);
  if (!said || STATE_WORDS.test(said[1]!)) return intent;
  const state = stateOnly(intent);
  if (state && UNDOES[intent.action] === state)
    return { kind: 'org_members_bulk', change: { kind: 'user_action', action: intent.action }, text };
  return {
    kind: 'unknown',
    reason: `You asked for a change to everyone in a group ("${said[0]}"), and I can only make that change to all of a group's members, not to the ones in a given state. Nothing was changed. Ask "list the members of <group>" first, then name the ones to change.`,
  };
}

/** The one state the filter selects by ('locked' / 'banned'), undefined when it selects by anything else. */
function stateOnly(bulk: Bulk): 'locked' | 'banned' | undefined {
  const keys = Object.entries(bulk.filter).filter(([, v]) => v !== undefined);
  if (keys.length !== 1) return undefined;
  const [k, v] = keys[0]!;
  return v === true && (k === 'locked' || k === 'banned') ? k : undefined;
}
