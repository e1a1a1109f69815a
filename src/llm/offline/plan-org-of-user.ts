/**
 * "Make jane@example.com an admin" names no organization: read the user's organizations; one → that one, several
 * → one question listing them, none → ask where. The answer is matched against the list (number, name, slug, id).
 */
import { analyze } from './entities.js';
import type { Ref } from './intent-types.js';
import type { PlanContext } from './plan-context.js';
import { userText } from './plan-users.js';
import { orgRef } from './refs.js';
import { asPage, toOrg } from './results.js';
import { askFor, matchAnswer, readFailed, resolveUsers, type Res } from './resolve.js';

/**
 * "remove X from her organization", "make him an admin of their org": a possessive in place of the organization's
 * name means the organization of the person the request is about (read, never guessed).
 */
export function isPossessiveOrg(ref: Ref | undefined): boolean {
  return ref?.kind === 'name' && /^(?:his|her|their|its)(?:\s+(?:own|current|main))?$/i.test(ref.value.trim());
}

/** The organization meant for `user` when the request did not say; `what` completes the question. */
export function orgOfUser(ctx: PlanContext, user: Ref, what: string, removal = false): Res<{ org: Ref; user: Ref }> {
  const res = resolveUsers(ctx, [user]);
  if (!res.ok) return res;
  const u = res.value.found[0];
  if (!u) return { ok: false, outcome: { kind: 'say', text: `No user matches "${user.value}". Nothing was changed.` } };
  const env = ctx.read('clerk_organizations_list', { user_id: [u.id], include_members_count: true, limit: 100 });
  if (!env) return { ok: false, outcome: 'pending' };
  if (env.status !== 'ok') return { ok: false, outcome: readFailed(env, `the organizations of ${userText(u)}`) };
  const orgs = asPage(env.result).items.map(toOrg);
  // A name comes back as the email it resolved to: resolving the name again would ask a clarified "which one?" a
  // second time (an email is unique, and the card still shows the person's name).
  // (So is any reference resolved by a lookup — a name found in the listing, a role holder — as its email, else id.)
  const who: Ref =
    user.kind === 'email' || user.kind === 'id'
      ? user
      : u.email
        ? { kind: 'email', value: u.email }
        : { kind: 'id', value: u.id };
  const first = orgs[0];
  if (orgs.length === 1 && first) return { ok: true, value: { org: { kind: 'name', value: first.name }, user: who } };
  if (orgs.length === 0) {
    // Taking someone out of "their" organization when they are in none: there is nothing to take them out of.
    if (removal)
      return {
        ok: false,
        outcome: {
          kind: 'say',
          text: `${userText(u)} is not in any organization, so there is nothing to remove them from. Nothing was changed.`,
        },
      };
    const asked = askFor(
      ctx,
      `${userText(u)} is not in any organization. In which organization should they ${what}?`,
      (a) => orgRef(analyze(a).masked.replace(/^(?:in|at|to|of)\s+/i, ''), analyze(a).ents),
    );
    return asked.ok ? { ok: true, value: { org: asked.value, user: who } } : asked;
  }
  const names = orgs.map((o) => o.name);
  const r = askFor(
    ctx,
    `${userText(u)} belongs to ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}. ${removal ? 'Which organization should I remove them from?' : `In which organization should they ${what}?`}`,
    (a) => matchAnswer(a.replace(/^(?:in|at|of|for)\s+/i, ''), orgs, (o) => [o.id, o.name, o.slug]),
  );
  if (!r.ok) return r;
  return { ok: true, value: { org: { kind: 'name', value: r.value.name }, user: who } };
}
