/**
 * Invitation steps read with the rest of the message.
 *
 * "allowlist *@foo.test, then send an invite to ann@foo.test": an invitation that names no organization, in a
 * message that also puts the invitee's address (or its domain) on the allowlist, is an invitation to join the
 * app — the allowlist is about signing up to the instance, so no organization is meant and no question is asked.
 * Any organization named keeps it an organization invitation.
 */
import type { Intent } from './intent-types.js';

export function withAllowlistedInvite(steps: Intent[]): Intent[] {
  const allowed = steps.flatMap((s) => (s.kind === 'list_add' && s.list === 'allowlist' ? s.identifiers : []));
  if (allowed.length === 0) return steps;
  const covers = (email: string): boolean =>
    allowed.some((id) => {
      const rule = id.toLowerCase();
      const address = email.toLowerCase();
      if (rule === address) return true;
      const domain = rule.replace(/^\*?@/, '');
      return address.endsWith(`@${domain}`);
    });
  return steps.map((s) =>
    s.kind === 'invite' && !s.org && !s.app && s.emails.length > 0 && s.emails.every(covers) ? { ...s, app: true } : s,
  );
}

/**
 * "… he should be invited into Foo as a member. Kindly send the invitation.": a second invitation step that names
 * no address, in a message whose other invitation names one, is the same invitation said again (never a second
 * one, never a question).
 */
export function withoutRepeatedInvite(steps: Intent[]): Intent[] {
  const named = steps.some((s) => s.kind === 'invite' && s.emails.length > 0);
  if (!named) return steps;
  return steps.filter((s) => !(s.kind === 'invite' && s.emails.length === 0));
}
