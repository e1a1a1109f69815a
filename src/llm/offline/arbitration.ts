/**
 * Arbitration between the two readers (round 6 of issue 15). The sentence readers (intents.ts and the files around
 * it) go first and are precise for the shapes they know; for a shape they do not know they fall back to a few
 * catch-all readings — a listing of every user, of invitations or of organizations, a record lookup, a new account,
 * a revocation that names no invitation, a record update with no field, a bulk change refused for naming no filter.
 * Each rule here names one such catch-all and the frame reader's reading (frames.ts) that replaces it when the
 * message's own words ask for that: a question the frame reader reads, or the change its action word says. A reading
 * the readers understood is never overridden, and no rule widens what was asked.
 */
import type { Sentence } from './entities.js';
import { isOneChange, onlyAsks } from './frames.js';
import { userFields } from './field-frames.js';
import type { Intent, Ref } from './intent-types.js';
import { parseSignupBlock } from './signup-block.js';

/**
 * The reading that replaces the readers' `intent`, or undefined to keep it. `framed` is the frame reader's reading
 * of the message (made at most once, by the caller).
 */
export function arbitrate(
  intent: Intent,
  whole: Sentence,
  said: Sentence,
  framed: () => Intent | undefined,
): Intent | undefined {
  // A new account read from a message whose action word is another ("make the ban on x@y … account"): the frame
  // reader's change, which the action word says.
  if (intent.kind === 'user_create') {
    const read = framed();
    if (isOneChange(read) && read.kind === 'user_action') return read;
  }
  // A bare lookup is what the readers make of a message that names someone and nothing they know to do with them:
  // an action the frame reader finds there ("… can get unfrozen now") is what was asked.
  if (intent.kind === 'user_lookup' && !intent.asks) {
    const read = framed();
    if (isOneChange(read)) return read;
    // ("which organizations is X in, and when did X last sign in?": the questions the frame reader reads, about the
    // user the readers found.)
    if (onlyAsks(read)) return intent.refs.length === 1 ? aboutUser(read, intent.refs[0]!) : read;
    return undefined;
  }
  // A bulk undo said around a state — every banned account, "unban them all" — reads as a listing to the readers,
  // which have no shape for it; the frame reader's bulk change (one approval per listed user, bulk.ts) is what was
  // asked. (The same for a field change with its value — a mail saying a new surname since a wedding in some past month,
  // asking for it to be updated — which the readers took for a listing of that month's sign-ups.)
  if (intent.kind === 'users_list') {
    const read = framed();
    if (read?.kind === 'bulk_user_action') return read;
    // ("Foo org: members max should go to 9": a member limit asked for, not a count of users.)
    if (read?.kind === 'org_update' && read.fields.max_allowed_memberships !== undefined) return read;
    if (
      read?.kind === 'user_update' &&
      Object.keys(read.fields).length > 0 &&
      !/\?\s*$/.test(whole.masked.split(/(?<=[.!?])\s+/)[0] ?? '')
    )
      return read;
  }
  // "… an invitation Priya sent … please cancel it": a listing of invitations is what the readers made of a
  // revocation they had no shape for; the frame reader's revocation is what was asked.
  // (And an invitation "for" the ticket's requester, when the requester says they sent it: by who sent it.)
  if (
    intent.kind === 'invitation_revoke' ||
    intent.kind === 'org_invitation_revoke' ||
    (intent.kind === 'sequence' && intent.steps.some((st) => st.kind.endsWith('invitation_revoke')))
  ) {
    const read = framed();
    // ("X sent an invitation … could you revoke that invitation?": a revocation naming no invitation is the one
    // the frame reader finds by who sent it.)
    if (
      read?.kind === 'invitation_by_inviter' &&
      (intent.kind === 'invitation_revoke' || intent.kind === 'org_invitation_revoke') &&
      intent.emails.length === 0 &&
      intent.ids.length === 0 &&
      !('newest' in intent && intent.newest)
    )
      return read;
    if (read?.kind === 'invitation_by_inviter' && read.inviter.kind === 'email') {
      const sender = read.inviter.value;
      const byInviter = (st: Intent): Intent =>
        (st.kind === 'invitation_revoke' || st.kind === 'org_invitation_revoke') &&
        st.emails.length === 1 &&
        st.emails[0] === sender
          ? read
          : st;
      if (intent.kind !== 'sequence') return byInviter(intent);
      const steps = intent.steps.map(byInviter).filter((st, i, all) => all.indexOf(st) === i);
      return steps.length === 1 ? steps[0]! : { ...intent, steps };
    }
  }
  if (intent.kind === 'invitations_list' || intent.kind === 'org_invitations_list') {
    const read = framed();
    if (
      read?.kind === 'invitation_by_inviter' ||
      read?.kind === 'invitation_revoke' ||
      read?.kind === 'org_invitation_revoke'
    )
      return read;
  }
  // (Every organization listed for "which organisations does X belong to, and her role in each": the question
  // about that user the frame reader reads.)
  if (
    intent.kind === 'orgs_list' &&
    !intent.memberRef &&
    !intent.query &&
    /\b(?:she|he|her|his|him|they|their|them)\b|⟦e\d+⟧/i.test(whole.masked)
  ) {
    const read = framed();
    if (onlyAsks(read)) return read;
  }
  // A listing of every user is what the readers make of a count or a question they have no shape for ("how many
  // people are in Foo?", "which role does X have in Foo?"): the question the frame reader reads there is answered.
  if (intent.kind === 'users_list' && Object.keys(intent.filter).length === 0) {
    const read = framed();
    if (onlyAsks(read)) return read;
  }
  // A record shown where the message asks to change it ("… like the X app to stop requesting the Y scope"): the
  // frame reader's change of that record kind.
  if (intent.kind === 'named_get') {
    const read = framed();
    if (read?.kind === 'named_update' && read.resource === intent.resource) return read;
  }
  // A record change the readers found with no field ("the X app, update its name into 'Y'"): the frame
  // reader's reading, when it reads a rename.
  if (intent.kind === 'named_update' && Object.keys(intent.fields).length === 0) {
    const read = framed();
    if (read?.kind === 'named_update' || read?.kind === 'org_update') return read;
  }
  // A field change the readers found with no value ("add a K entry with the value V to her metadata"): the values
  // the field frames read, for the target the readers found.
  if (intent.kind === 'user_update' && Object.keys(intent.fields).length === 0) {
    const fields = userFields(said);
    return fields ? { ...intent, fields } : undefined;
  }
  // A bulk change refused for naming no filter the readers know: the frame reader's filter ("every account with an
  // address at foo.test", "each banned account"), when it reads one.
  // Sign-ups from a domain to stop: only a blocklist entry does that (signup-block.ts).
  // ("block signups from foo.test": sign-ups are no user to ban, whatever the sentence reader took as the name.)
  const signupsAsName =
    intent.kind === 'user_action' &&
    intent.targets.some((t) => /\b(?:sign[\s-]?ups?|signups|registrations?)\b/i.test(t.value));
  if (
    (intent.kind === 'refuse' && /\bin bulk\b/.test(intent.reason)) ||
    (intent.kind === 'unknown' && !intent.reason) ||
    signupsAsName
  ) {
    const signups = parseSignupBlock(whole);
    if (signups) return signups;
  }
  if (intent.kind === 'refuse' && /\bin bulk\b/.test(intent.reason)) {
    const read = framed();
    if (read?.kind === 'bulk_user_action') return read;
  }
  return undefined;
}

/** The frame reader's questions, about `user` wherever they name the user only by a mention. */
function aboutUser(read: Intent, user: Ref): Intent {
  const one = (step: Intent): Intent =>
    'user' in step && step.user && (step.user as Ref).kind === 'mention' ? ({ ...step, user } as Intent) : step;
  return read.kind === 'sequence' ? { ...read, steps: read.steps.map(one) } : one(read);
}
