/**
 * The live state plus the indexes that keep per-request work small: users by id and by each unique identifier
 * (email, phone, username, external_id, web3 wallet), organizations by id and slug, memberships by organization
 * and by user. `state.users` stays sorted by created_at (ascending) so the default newest-first list is a
 * reverse walk, never a sort. Everything else is small and searched linearly.
 */
import { createIdGenerator, type IdGenerator } from './ids.js';
import type { MembershipRecord, OrganizationRecord, SandboxState, UserRecord } from './types.js';

/** The state with its indexes and the helpers routes use to keep them in step. */
export interface Store {
  readonly state: SandboxState;
  readonly ids: IdGenerator;
  now(): number;

  getUser(id: string): UserRecord | undefined;
  /** User id owning this identifier (emails and usernames compare case-insensitively). */
  userIdByEmail(email: string): string | undefined;
  userIdByPhone(phone: string): string | undefined;
  userIdByUsername(username: string): string | undefined;
  userIdByExternalId(externalId: string): string | undefined;
  userIdByWeb3(wallet: string): string | undefined;
  insertUser(user: UserRecord): void;
  /** Drop a user's identifiers from the indexes (call before changing them, then indexUser after). */
  unindexUser(user: UserRecord): void;
  indexUser(user: UserRecord): void;
  removeUser(id: string): void;

  getOrganization(idOrSlug: string): OrganizationRecord | undefined;
  insertOrganization(org: OrganizationRecord): void;
  /** Update the slug index after an organization's slug changed. */
  renameSlug(org: OrganizationRecord, oldSlug: string): void;
  removeOrganization(id: string): void;

  membershipsOfOrganization(orgId: string): readonly MembershipRecord[];
  membershipsOfUser(userId: string): readonly MembershipRecord[];
  findMembership(orgId: string, userId: string): MembershipRecord | undefined;
  insertMembership(m: MembershipRecord): void;
  removeMembership(m: MembershipRecord): void;
}

function lower(s: string): string {
  return s.toLowerCase();
}

/** Index `pos` where a user created at `createdAt` goes so that the array stays sorted (after equal timestamps). */
function insertionIndex(users: UserRecord[], createdAt: number): number {
  let lo = 0;
  let hi = users.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (users[mid]!.created_at <= createdAt) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function removeFrom<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(value);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}

/** Users by id and by each unique identifier, with the two calls that keep them in step with a user's fields. */
function createUserIndex(users: readonly UserRecord[]) {
  const byId = new Map<string, UserRecord>();
  const byEmail = new Map<string, string>();
  const byPhone = new Map<string, string>();
  const byUsername = new Map<string, string>();
  const byExternalId = new Map<string, string>();
  const byWeb3 = new Map<string, string>();
  const indexUser = (u: UserRecord) => {
    byId.set(u.id, u);
    for (const e of u.email_addresses) byEmail.set(lower(e.email_address), u.id);
    for (const p of u.phone_numbers) byPhone.set(p.phone_number, u.id);
    for (const w of u.web3_wallets) byWeb3.set(lower(w.web3_wallet), u.id);
    if (u.username) byUsername.set(lower(u.username), u.id);
    if (u.external_id) byExternalId.set(u.external_id, u.id);
  };
  const unindexUser = (u: UserRecord) => {
    for (const e of u.email_addresses) byEmail.delete(lower(e.email_address));
    for (const p of u.phone_numbers) byPhone.delete(p.phone_number);
    for (const w of u.web3_wallets) byWeb3.delete(lower(w.web3_wallet));
    if (u.username) byUsername.delete(lower(u.username));
    if (u.external_id) byExternalId.delete(u.external_id);
  };
  for (const u of users) indexUser(u);
  return { byId, byEmail, byPhone, byUsername, byExternalId, byWeb3, indexUser, unindexUser };
}

/** Organizations by id and slug; memberships by organization and by user. */
function createOrgIndex(state: SandboxState) {
  const orgsById = new Map<string, OrganizationRecord>();
  const orgIdBySlug = new Map<string, string>();
  const membersByOrg = new Map<string, MembershipRecord[]>();
  const membersByUser = new Map<string, MembershipRecord[]>();
  for (const o of state.organizations) {
    orgsById.set(o.id, o);
    orgIdBySlug.set(o.slug, o.id);
  }
  for (const m of state.memberships) {
    pushTo(membersByOrg, m.organization_id, m);
    pushTo(membersByUser, m.user_id, m);
  }
  return { orgsById, orgIdBySlug, membersByOrg, membersByUser };
}

/** Wrap `state` (taken over, not copied) with fresh indexes. */
export function createStore(state: SandboxState, now: () => number): Store {
  // Stable sort: users with equal created_at keep their stored order.
  state.users.sort((a, b) => a.created_at - b.created_at);
  const users = createUserIndex(state.users);
  const { indexUser, unindexUser } = users;
  const { orgsById, orgIdBySlug, membersByOrg, membersByUser } = createOrgIndex(state);

  return {
    state,
    ids: createIdGenerator(state),
    now,

    getUser: (id) => users.byId.get(id),
    userIdByEmail: (email) => users.byEmail.get(lower(email)),
    userIdByPhone: (phone) => users.byPhone.get(phone),
    userIdByUsername: (username) => users.byUsername.get(lower(username)),
    userIdByExternalId: (externalId) => users.byExternalId.get(externalId),
    userIdByWeb3: (wallet) => users.byWeb3.get(lower(wallet)),
    insertUser(user) {
      const list = state.users;
      const last = list[list.length - 1];
      if (!last || last.created_at <= user.created_at) list.push(user);
      else list.splice(insertionIndex(list, user.created_at), 0, user);
      indexUser(user);
    },
    unindexUser,
    indexUser,
    removeUser(id) {
      const user = users.byId.get(id);
      if (!user) return;
      unindexUser(user);
      users.byId.delete(id);
      const i = state.users.indexOf(user);
      if (i >= 0) state.users.splice(i, 1);
    },

    getOrganization(idOrSlug) {
      return orgsById.get(idOrSlug) ?? orgsById.get(orgIdBySlug.get(idOrSlug) ?? '');
    },
    insertOrganization(org) {
      state.organizations.push(org);
      orgsById.set(org.id, org);
      orgIdBySlug.set(org.slug, org.id);
    },
    renameSlug(org, oldSlug) {
      orgIdBySlug.delete(oldSlug);
      orgIdBySlug.set(org.slug, org.id);
    },
    removeOrganization(id) {
      const org = orgsById.get(id);
      if (!org) return;
      orgsById.delete(id);
      orgIdBySlug.delete(org.slug);
      state.organizations.splice(state.organizations.indexOf(org), 1);
    },

    membershipsOfOrganization: (orgId) => membersByOrg.get(orgId) ?? [],
    membershipsOfUser: (userId) => membersByUser.get(userId) ?? [],
    findMembership: (orgId, userId) => (membersByOrg.get(orgId) ?? []).find((m) => m.user_id === userId),
    insertMembership(m) {
      state.memberships.push(m);
      pushTo(membersByOrg, m.organization_id, m);
      pushTo(membersByUser, m.user_id, m);
    },
    removeMembership(m) {
      const i = state.memberships.indexOf(m);
      if (i >= 0) state.memberships.splice(i, 1);
      removeFrom(membersByOrg, m.organization_id, m);
      removeFrom(membersByUser, m.user_id, m);
    },
  };
}
