/**
 * The filters of `GET /users` and `GET /users/count` (REFERENCE.md §3.1), compiled once per request into one
 * predicate. No filter at all returns undefined so the list can take its fast path.
 */
import { clerkError, paramMissing, ClerkHttpError } from '../errors.js';
import { plusMinus, queryArray, queryBool, queryInt, queryString } from '../query.js';
import type { Store } from '../store.js';
import type { UserRecord } from '../types.js';

type Predicate = (u: UserRecord) => boolean;

function lowerSet(values: string[]): Set<string> {
  return new Set(values.map((v) => v.toLowerCase()));
}

function includesCI(haystack: string | null | undefined, needle: string): boolean {
  return haystack?.toLowerCase().includes(needle) ?? false;
}

/** True when any of the user's searchable fields contains `term` (lower-case). */
function matchesTerm(u: UserRecord, term: string): boolean {
  if (u.id.toLowerCase().includes(term)) return true;
  if (includesCI(u.first_name, term) || includesCI(u.last_name, term) || includesCI(u.username, term)) return true;
  if (u.email_addresses.some((e) => e.email_address.toLowerCase().includes(term))) return true;
  if (u.phone_numbers.some((p) => p.phone_number.includes(term))) return true;
  return u.web3_wallets.some((w) => w.web3_wallet.toLowerCase().includes(term));
}

function fullName(u: UserRecord): string {
  return [u.first_name, u.last_name].filter(Boolean).join(' ').toLowerCase();
}

function timeRange(
  query: URLSearchParams,
  field: 'created_at' | 'last_active_at' | 'last_sign_in_at',
  preds: Predicate[],
): void {
  const before = queryInt(query, `${field}_before`);
  const after =
    queryInt(query, `${field}_after`) ??
    (field === 'last_active_at' ? queryInt(query, 'last_active_at_since') : undefined);
  if (before !== undefined) preds.push((u) => u[field] !== null && u[field]! < before);
  if (after !== undefined) preds.push((u) => u[field] !== null && u[field]! > after);
}

function idFilter(values: string[], get: (u: UserRecord) => string | null, preds: Predicate[]): void {
  if (values.length === 0) return;
  const { include, exclude } = plusMinus(values);
  preds.push((u) => {
    const v = get(u);
    if (include && (v === null || !include.has(v))) return false;
    return v === null || !exclude.has(v);
  });
}

/** Compile the user-list filters of `query`, or undefined when there are none. Throws 422 on bad values. */
export function compileUserFilter(query: URLSearchParams, store: Store): Predicate | undefined {
  const preds: Predicate[] = [];

  const emails = queryArray(query, 'email_address');
  if (emails.length > 0) {
    const set = lowerSet(emails);
    preds.push((u) => u.email_addresses.some((e) => set.has(e.email_address.toLowerCase())));
  }
  const phones = queryArray(query, 'phone_number');
  if (phones.length > 0) {
    const set = new Set(phones);
    preds.push((u) => u.phone_numbers.some((p) => set.has(p.phone_number)));
  }
  const usernames = queryArray(query, 'username');
  if (usernames.length > 0) {
    const set = lowerSet(usernames);
    preds.push((u) => u.username !== null && set.has(u.username.toLowerCase()));
  }
  const wallets = queryArray(query, 'web3_wallet');
  if (wallets.length > 0) {
    const set = lowerSet(wallets);
    preds.push((u) => u.web3_wallets.some((w) => set.has(w.web3_wallet.toLowerCase())));
  }
  idFilter(queryArray(query, 'user_id'), (u) => u.id, preds);
  idFilter(queryArray(query, 'external_id'), (u) => u.external_id, preds);

  const orgIds = queryArray(query, 'organization_id');
  if (orgIds.length > 0) {
    const { include, exclude } = plusMinus(orgIds);
    preds.push((u) => {
      const mine = store.membershipsOfUser(u.id);
      if (include && !mine.some((m) => include.has(m.organization_id))) return false;
      return !mine.some((m) => exclude.has(m.organization_id));
    });
  }

  const q = queryString(query, 'query')?.trim().toLowerCase();
  if (q) {
    const terms = q.split(/\s+/);
    preds.push((u) => terms.every((t) => matchesTerm(u, t)));
  }
  const emailQ = queryString(query, 'email_address_query')?.toLowerCase();
  if (emailQ) preds.push((u) => u.email_addresses.some((e) => e.email_address.toLowerCase().includes(emailQ)));
  const phoneQ = queryString(query, 'phone_number_query');
  if (phoneQ) preds.push((u) => u.phone_numbers.some((p) => p.phone_number.includes(phoneQ)));
  const usernameQ = queryString(query, 'username_query')?.toLowerCase();
  if (usernameQ) preds.push((u) => includesCI(u.username, usernameQ));
  const nameQ = queryString(query, 'name_query')?.trim().toLowerCase();
  if (nameQ)
    preds.push((u) => includesCI(u.first_name, nameQ) || includesCI(u.last_name, nameQ) || fullName(u).includes(nameQ));

  const banned = queryBool(query, 'banned');
  if (banned !== undefined) preds.push((u) => u.banned === banned);

  timeRange(query, 'created_at', preds);
  timeRange(query, 'last_active_at', preds);
  timeRange(query, 'last_sign_in_at', preds);

  const providerUserIds = queryArray(query, 'provider_user_id');
  const provider = queryString(query, 'provider');
  if (providerUserIds.length > 0 && !provider) throw new ClerkHttpError(422, [paramMissing('provider')]);
  if (provider && providerUserIds.length === 0) {
    throw clerkError(422, 'form_param_missing', 'is missing', 'provider must be used together with provider_user_id.', {
      param_name: 'provider_user_id',
    });
  }
  // Sandbox users have no external (OAuth) accounts, so a provider filter matches nobody.
  if (provider) preds.push(() => false);

  if (preds.length === 0) return undefined;
  if (preds.length === 1) return preds[0];
  return (u) => preds.every((p) => p(u));
}
