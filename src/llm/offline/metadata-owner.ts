/**
 * Whose metadata a change is about, when the reader took it for a person's: "remove the industry key from Acme's
 * public metadata", "Foo org: clear the region key in its metadata". Users and organizations both carry
 * public/private metadata, and the sentence readers default to a user. The listing decides: when the name given
 * (or, with none, the whole request) names exactly one organization and no user, the change is that
 * organization's. A name that is also a user's keeps the user reading, and so does anything unclear.
 */
import type { Fields, Ref } from './intent-types.js';
import type { PlanContext } from './plan-context.js';
import { recordsNamed, usersNamed } from './listed-names.js';
import { asPage, toOrg, toUser } from './results.js';
import { LISTED_USERS, readFailed, requestWords, type Res } from './resolve.js';

const PEOPLE =
  /\b(?:users?|members?|every(?:one|body)?|each|people|person|persons|account|accounts|acct|he|she|him|his|her|hers)\b/i;
const METADATA_ONLY = /^(?:public|private|unsafe)_metadata$/;

/** The organization a user-metadata change is really about, or undefined to keep the user reading. */
export function organizationInstead(ctx: PlanContext, target: Ref | undefined, fields: Fields): Res<Ref | undefined> {
  const keys = Object.keys(fields);
  if (keys.length === 0 || !keys.every((k) => METADATA_ONLY.test(k))) return { ok: true, value: undefined };
  if (target && target.kind !== 'name') return { ok: true, value: undefined };
  // (Anything said about people — "user metadata", "every member", "her profile" — keeps the user reading. A name
  // said as whose metadata it is decides by itself: in a listed message "Hillcrest's public metadata" is the
  // organization's even when another item speaks of a member.)
  if (target?.kind !== 'name' && PEOPLE.test(requestWords(ctx))) return { ok: true, value: undefined };
  const text = target?.value ?? requestWords(ctx);
  const orgs = ctx.read('clerk_organizations_list', { limit: 100 });
  if (!orgs) return { ok: false, outcome: 'pending' };
  if (orgs.status !== 'ok') return { ok: false, outcome: readFailed(orgs, 'organizations') };
  const named = recordsNamed(text, asPage(orgs.result).items.map(toOrg));
  if (named.length !== 1) return { ok: true, value: undefined };
  const users = ctx.read('clerk_users_list', { limit: LISTED_USERS });
  if (!users) return { ok: false, outcome: 'pending' };
  if (users.status !== 'ok') return { ok: false, outcome: readFailed(users, 'users') };
  if (usersNamed(text, asPage(users.result).items.map(toUser)).length > 0) return { ok: true, value: undefined };
  // (By its slug, which is unique and matched exactly, so the card names the organization.)
  return { ok: true, value: { kind: 'name', value: named[0]!.slug } };
}
