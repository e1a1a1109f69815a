/**
 * What the offline model understood a request to mean. The parser (intents.ts) produces one Intent per request;
 * the planner turns it into reads, mutations and a closing answer. Slots the user left out stay undefined, and the
 * planner asks for the ones it needs.
 */
import type { MembersChange } from './org-members-bulk.js';
import type { DateWindow } from './dates.js';

/**
 * A reference to a record as the user wrote it: an email, a Clerk id, a name to search for, or a pronoun ("her",
 * "them") that points at the users of the previous request.
 */
export interface Ref {
  /**
   * `role`: everyone with the role `value` (e.g. "org:admin") in the organization named `org` ("Globex's admins");
   * no `org` = the organization of the request ("every plain member" of the org a membership change names).
   * `newest`: the most recently created user ("the latest sign-up"), `value` "user"; or the first created,
   * `value` "oldest" ("our oldest account").
   * `external`: the account whose external id equals `value` ("the account whose external ID equals crm-123").
   * `creator`: the user who created the organization `value` names ("whoever set up Foo"; creator.ts).
   * `inviter`: the user who sent the organization invitation to the address `value` (in `org`, when said);
   * inviter-described.ts.
   * `joined`: the one user who signed up in the time `value` says ("whoever signed up last night"; joined-when.ts).
   */
  kind:
    | 'email'
    | 'id'
    | 'name'
    | 'pronoun'
    | 'role'
    | 'newest'
    | 'external'
    | 'mention'
    | 'creator'
    | 'inviter'
    | 'nameless'
    | 'meta'
    | 'joined';
  /** (`mention`: the text to look for a listed record's name in — listed-names.ts.) */
  value: string;
  /** `mention`: a longer text (the whole request) looked in when `value` names no record. */
  wider?: string;
  /** `mention`: the pronoun it stands for ("her" with no earlier request), named when nobody is found. */
  pronoun?: string;
  /** `mention`: the role the change asks for, so never the role that describes whom it is for (held-role.ts). */
  asked?: string;
  org?: string;
  /** A described item rather than a named one: "the satellite domain" (any domain but the primary); `redirect`:
   * the OAuth application whose redirect URIs are on the host `value` ("the app that redirects to foo.com"). */
  where?: 'satellite' | 'redirect';
  /** A role reference said in the singular ("the person who holds …"): several holders are asked about. */
  one?: boolean;
  /**
   * Holders a role reference leaves out ("the other Foo admin" when the message says "Ann stays"; "the
   * Foo admin who isn't Ann"): names or addresses. An empty list means "the other" with nobody named to leave out,
   * so several holders are asked about (resolve.ts never guesses which one is "other").
   */
  except?: string[];
}

/** Filters for clerk_users_list in the user's words. */
export interface UserFilter {
  query?: string;
  emailQuery?: string;
  banned?: boolean;
  /** Applied to the returned page (Clerk has no such filter). */
  locked?: boolean;
  created?: DateWindow;
  active?: DateWindow;
  signIn?: DateWindow;
  limit?: number;
  /** Sort for "the oldest / newest N" (Clerk order_by). */
  order?: '+created_at' | '-created_at';
  orgRef?: Ref;
}

/** Free-form field changes, already mapped to Clerk param names. Metadata values are objects here. */
export type Fields = Record<string, unknown>;

/** One understood request (see intents.ts for the phrasings behind each kind). */
export type Intent =
  | { kind: 'help' }
  | { kind: 'smalltalk'; reply: string }
  | { kind: 'refuse'; reason: string }
  | { kind: 'unknown'; topic?: string; reason?: string }
  | { kind: 'users_list'; filter: UserFilter; count: boolean }
  /** `asks`: a yes/no question about the user's state ("is X locked right now?"), answered first. */
  | { kind: 'user_lookup'; refs: Ref[]; asks?: 'locked' | 'banned' }
  | { kind: 'user_create'; fields: Fields }
  | { kind: 'user_update'; target?: Ref; fields: Fields }
  /** `unblock`: the user said "unblock <email>", which may mean the blocklist entry rather than a ban. */
  | {
      kind: 'user_action';
      action: 'clerk_user_ban' | 'clerk_user_unban' | 'clerk_user_lock' | 'clerk_user_unlock' | 'clerk_user_delete';
      targets: Ref[];
      unblock?: boolean;
      /** `block`: "block <email>"; an address no user has goes onto the sign-up blocklist instead of a ban. */
      block?: boolean;
    }
  | { kind: 'user_restore_sign_in'; targets: Ref[] }
  | { kind: 'rename_any'; target: Ref; newName: string }
  | { kind: 'sign_out'; targets: Ref[] }
  | { kind: 'sessions_list'; target?: Ref; status?: string }
  | { kind: 'session_get'; ids: string[] }
  | { kind: 'session_revoke'; ids: string[] }
  /** "kill that session" about a described device: `words` as the user said them ("iPhone", "in London"). */
  | { kind: 'session_revoke_device'; target: Ref; words: string[] }
  | { kind: 'orgs_list'; query?: string; count: boolean; memberRef?: Ref }
  | { kind: 'org_get'; org: Ref }
  | { kind: 'org_create'; fields: Fields; ownerRef?: Ref }
  | { kind: 'org_update'; org?: Ref; fields: Fields }
  | { kind: 'org_delete'; orgs: Ref[] }
  /** `pick`: "…, and of those, who signed in most recently?" — the one member the second lookup singles out. */
  /** `ofUser`: "who's the admin in her organization" — the organization is the user's own (read, one or asked). */
  | {
      kind: 'members_list';
      org?: Ref;
      role?: string;
      count: boolean;
      pick?: 'last_sign_in' | 'last_active';
      ofUser?: Ref;
    }
  /** `asks`: a yes/no question about one role ("does X have admin in Y?"), answered first. */
  | { kind: 'membership_get'; org?: Ref; user?: Ref; asks?: string }
  /** `roleFrom`: the role is the one each user holds in that organization ("move X to B with the same role"). */
  | { kind: 'membership_add'; org?: Ref; users: Ref[]; role: string; roleFrom?: Ref }
  | { kind: 'membership_set_role'; org?: Ref; users: Ref[]; role: string }
  /** `everyOrg`: "take her out of every organization she's in" — each organization the user belongs to. */
  | { kind: 'membership_remove'; org?: Ref; users: Ref[]; everyOrg?: boolean }
  | { kind: 'org_invitations_list'; org?: Ref; status?: string }
  /**
   * `again`: "send them a fresh invitation, same address as before" — the address of the one expired (or revoked)
   * invitation; `keepRole`: its role too (no role said).
   */
  | {
      kind: 'invite';
      emails: string[];
      org?: Ref;
      app: boolean;
      role: string;
      fields: Fields;
      again?: { keepRole: boolean };
    }
  /** `all`: "revoke all pending invitations" — every pending one, one gated call each. */
  | {
      kind: 'org_invitation_revoke';
      org?: Ref;
      emails: string[];
      ids: string[];
      all?: boolean;
      newest?: Recency;
      /** "the Hooli invite for bighead": the start of the invited address, said instead of the address. */
      invitee?: string;
    }
  /** Replace a mistyped invitation: revoke the one to `oldEmail`, invite `newEmail` (same org, same role). */
  | { kind: 'reinvite'; oldEmail: string; newEmail: string; org?: Ref; role?: string }
  | { kind: 'invitations_list'; status?: string; query?: string }
  /**
   * `one`: "revoke the pending invitation" — the single pending one, or ask which.
   * `newest`: "revoke the newest (oldest) invitation" — the pending one created last (first).
   */
  | { kind: 'invitation_revoke'; emails: string[]; ids: string[]; all?: boolean; one?: boolean; newest?: Recency }
  /** `term`: a yes/no question ("are sign-ups from X blocked?") answered from the entries that cover X. */
  | { kind: 'list_entries'; list: 'allowlist' | 'blocklist'; term?: string }
  | { kind: 'list_add'; list: 'allowlist' | 'blocklist'; identifiers: string[]; notify?: boolean }
  /** `described`: no identifier said — the one entry the message names by a word of it (list-entry.ts). */
  | { kind: 'list_remove'; list: 'allowlist' | 'blocklist'; identifiers: string[]; ids: string[]; described?: boolean }
  /** `details`: extra fields the user asked to see for each item ("and the redirect URIs"). */
  | { kind: 'named_list'; resource: NamedResource; details?: string[] }
  /** `fields`: the fields the user asked about ("what scopes does X have"), shown first. */
  | { kind: 'named_get'; resource: NamedResource; ref?: Ref; fields?: string[] }
  | { kind: 'named_create'; resource: NamedResource; fields: Fields }
  | { kind: 'named_update'; resource: NamedResource; ref?: Ref; fields: Fields }
  | { kind: 'named_delete'; resource: NamedResource; refs: Ref[] }
  /** "lock every user at @spam.test": list with the filter, then one gated change per listed user (bulk.ts). */
  | {
      kind: 'bulk_user_action';
      action: 'clerk_user_ban' | 'clerk_user_unban' | 'clerk_user_lock' | 'clerk_user_unlock';
      filter: UserFilter;
      domain?: string;
      /** "… except X": listed users these name are left out (exceptions.ts). */
      except?: Ref[];
    }
  /** Two lookups (two-lookups.ts): roles in each of a user's organizations, a date in words, an inviter's invitation. */
  | { kind: 'roles_every_org'; user: Ref }
  | { kind: 'user_when'; user: Ref; what: 'last_sign_in' | 'last_active' | 'created' }
  /** `org`: "the pending Globex invite Bob sent" — only that organization's invitations. */
  /** `show`: "which invitations did Bob send?" — the same lookups, answered, nothing revoked. */
  | { kind: 'invitation_by_inviter'; inviter: Ref; org?: Ref; show?: boolean }
  /** "where it says Grade 6, make it Grade 7": the field whose current value the message says (value-swap.ts). */
  | { kind: 'value_swap'; to: string; text: string; remove?: boolean; keyText?: string }
  /** "what plan is Foo on?": the value of a metadata key the question names, on the record it names. */
  | { kind: 'value_question'; text: string; topic?: string }
  /** "lock everyone in the Foo org": one change per member of the organization the message names (org-members-bulk.ts). */
  | { kind: 'org_members_bulk'; change: MembersChange; text: string }
  /** Several steps from one message ("sign X out and ban him"), planned in order (plan-sequence.ts). */
  | { kind: 'sequence'; steps: Intent[] };

/** Which end of a list by created_at: "the latest invite" or "the oldest invite". */
export type Recency = 'newest' | 'oldest';

/** Resources found by name in a small list: JWT templates, domains, OAuth applications. */
export type NamedResource = 'jwt' | 'domain' | 'oauth';
