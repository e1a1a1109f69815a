/**
 * An organization's invitations said by its name (issue 15, round 17). "Cancel every open invitation for
 * Acme" had been read as the application's invitations (a different list: every pending sign-up invitation); "revoke
 * the Hooli invite for bighead" had been read as the invitations of an organization called "bighead". Rule: a
 * revocation of every (or the newest) invitation, said with "for/to/at <Name>", is that organization's — the planner
 * looks the name up, and an unknown name changes nothing; unless the message speaks of application or sign-up
 * invitations itself. A word after "the <org> invite for" that names no organization is the start of the invited
 * address (plan-invitations.ts finds the one pending invitation it starts; none or several → said).
 */
import type { Intent } from './intent-types.js';

// "app invitations", "sign-up invites", "platform-level invitations": the application's own list.
export const APP_INVITATIONS_SAID =
  /\b(?:app(?:lication)?(?:-level)?|sign[\s-]?up|platform|instance)\s+(?:[\w-]+\s+){0,2}invit\w*/i;

// "cancel every open invite for Hooli", "withdraw the newest invitation to Globex": invitations said with an
// organization's name are that organization's, never the application's (the planner looks the name up; no such
// organization → it says so and changes nothing).
const INVITES_FOR_NAME =
  /\binvit\w*\s+(?:to|for|at|into|of)\s+(?:the\s+)?(?!(?:Clerk|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|I)\b)(\p{Lu}[\w&'’.-]*(?:\s+\p{Lu}[\w&'’.-]*){0,2})/u;
// "withdraw every invite still open for north shore": the same said in lower case (round 18). The name is up
// to three words, ending before a word that starts a remark; words that say when or for whom it is done ("for
// now", "for me") are no organization. The planner looks the words up: no organization → nothing changed.
const STOP = String.raw`(?:none|no|nobody|who|which|that|because|since|as|so|they|he|she|we|i|you|it|are|is|was|were|and|but|or|though|although|please|pls|thanks|thank|effective|today|now|asap|right|too|also|anymore|any)`;
const INVITES_FOR_WORDS = new RegExp(
  String.raw`\binvit\w*\s+(?:(?:that|which)\s+(?:are|is)\s+(?:still\s+)?(?:out|open|pending|outstanding|sitting\s+out)\s+)?(?:to|for|at)\s+(?:the\s+)?(?!(?:now|good|me|us|them|him|her|you|everyone|everybody|all|app|application|today|tomorrow|this|that|a|an|free|real|sure|some|review|approval|ages|years|months|weeks|days)\b)((?!${STOP}\b)[a-z][\w&'’-]*(?:\s+(?!${STOP}\b)[a-z][\w&'’-]*){0,2})`,
);
// "withdraw the hooli invite for bighead": an organization said before the invitation, and after "for" a word that is
// the start of the invited address rather than an organization.
const INVITE_FOR_HANDLE = /\b([A-Za-z][\w&-]*)\s+invit\w*\s+(?:for|of|to)\s+([a-z][\w.-]{2,})\b(?!\s*@)/;

/** The reading with invitations said by an organization's name read as that organization's. */
export function orgInvitationsNamed(intent: Intent, masked: string): Intent {
  const fix = (step: Intent): Intent => {
    if (
      step.kind === 'org_invitation_revoke' &&
      step.org?.kind === 'name' &&
      !step.all &&
      !step.newest &&
      step.emails.length + step.ids.length === 0
    ) {
      const m = masked.match(INVITE_FOR_HANDLE);
      if (
        m &&
        m[2]!.toLowerCase() === step.org.value.toLowerCase() &&
        !/^(?:the|an?|this|that|pending|new|old)$/i.test(m[1]!)
      )
        return { ...step, org: { kind: 'name', value: m[1]! }, invitee: m[2]! };
    }
    if (step.kind !== 'invitation_revoke' || !(step.all || step.newest) || step.emails.length + step.ids.length > 0)
      return step;
    const m = masked.match(INVITES_FOR_NAME) ?? (step.all ? masked.match(INVITES_FOR_WORDS) : null);
    if (!m || APP_INVITATIONS_SAID.test(masked)) return step;
    return {
      kind: 'org_invitation_revoke',
      org: { kind: 'name', value: m[1]!.replace(/['’]s$/, '') },
      emails: [],
      ids: [],
      ...(step.all ? { all: true } : {}),
      ...(step.newest ? { newest: step.newest } : {}),
    };
  };
  return intent.kind === 'sequence' ? { ...intent, steps: intent.steps.map(fix) } : fix(intent);
}
