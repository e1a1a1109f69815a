/**
 * "allowlist *@foo.test, then send an invite to ann@foo.test": an invitation that names no organization, in a
 * message that also puts the invitee's address (or its domain) on the allowlist, is an invitation to sign up to the
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
