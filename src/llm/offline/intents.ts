/**
 * Request → Intent. Patterns are tried from the most specific resource to the most generic (users last), so
 * "remove *@acme.test from the allowlist" never reads as removing a member and "delete the Hooli organization"
 * never reads as deleting a user.
 */
import { analyze, type Sentence } from './entities.js';
import type { Intent, Ref } from './intent-types.js';
import { parseAccessLists, parseSessions } from './intents-access.js';
import { parseDomains, parseJwt, parseOAuth } from './intents-named.js';
import { parseInvitations, parseMemberships, parseOrganizations } from './intents-orgs.js';
import {
  bulkReason,
  parseUserAction,
  parseUserCreate,
  parseUserLookup,
  parseUsersList,
  parseUserUpdate,
} from './intents-users.js';
import { core } from './phrases.js';
import { parseFieldQuestion } from './field-questions.js';
import { canonicalVerb } from './lexicon.js';
import { parseBulkUserAction } from './bulk.js';
import { parseTwoLookups } from './two-lookups.js';
import { readFieldEdit } from './field-edit.js';

const HELP =
  /^(?:help|\?|commands|examples|usage|menu|what can you do|what do you (?:do|understand|support)|how do(?:es)? (?:this|it|i use (?:this|you)) work|what can i (?:ask|say|do)|show (?:me )?(?:some )?examples|how do i use (?:this|you))$/i;
const SMALLTALK: Array<[RegExp, string]> = [
  [
    /^(?:hi|hello|hey|yo|good (?:morning|afternoon|evening))$/i,
    'Hello! Ask me to look something up or change something in Clerk, for example "list banned users" or "ban jane@example.com". Type "help" for more examples.',
  ],
  [/^(?:thanks|thank you|thx|cheers|great|perfect|cool|nice|ok|okay|got it)$/i, "You're welcome. Anything else?"],
];
const BULK =
  /^(?:delete|remove|ban|block|suspend|lock|unlock|unban|erase|wipe|purge|deactivate|disable|sign out|log out|kick)\s+(?:out\s+)?(?:all(?: the)?|every|each)\s+(?:users?|accounts?|members?|people|customers?|orgs?|organi[sz]ations?)\b|^(?:delete|remove|ban|block|suspend|lock|erase|wipe|sign out|log out|kick)\s+(?:out\s+)?(?:everyone|everybody|anyone)\b/i;

/** Parses one user request. `now` (Unix ms) anchors relative dates. */
export function parseIntent(text: string, now: number): Intent {
  return parseSentence(analyze(text), now);
}

/** Same as parseIntent, for an already analyzed sentence. */
export function parseSentence(s: Sentence, now: number): Intent {
  // "rename X to just Y": the new name is Y.
  const c = canonicalVerb(core(s)).replace(
    /\b((?:rename|name|call)\b.*?\bto)\s+(?:just|simply|only|plain)\s+(?=\S)/i,
    '$1 ',
  );
  if (c === '' || HELP.test(c)) return { kind: 'help' };
  for (const [re, reply] of SMALLTALK) if (re.test(c)) return { kind: 'smalltalk', reply };
  const bulk = parseBulkUserAction(c, s);
  if (bulk) return bulk;
  if (BULK.test(c) && s.ents.emails.length === 0 && s.ents.ids.length === 0 && !/\bsessions?\b/i.test(c)) {
    const verb = c.split(/\s+/)[0]!.toLowerCase();
    return { kind: 'refuse', reason: bulkReason(verb === 'sign' || verb === 'log' ? 'sign out' : verb) };
  }
  // ("{{org.id}}" is a template expression, a claim's value — not broken JSON.)
  const broken = s.ents.badJson.filter((span) => !/^\{\{[^{}]*\}\}$/.test(span.trim()));
  if (broken.length > 0) {
    return {
      kind: 'unknown',
      reason: `I couldn't read ${broken[0]} as a JSON object. Write it as JSON, e.g. {"plan": "pro"}.`,
    };
  }
  const restore =
    /^(?:let|allow|enable)\s+.+?\s+(?:to\s+)?(?:sign|log)\s*-?\s*in\s+again$|^restore\s+(?:sign[- ]?in\s+|login\s+)?access\b/i.test(
      c,
    );
  if (restore) return parseUserAction(c, s) ?? unknown(c);
  const parsers = [
    () => parseFieldQuestion(c, s),
    () => parseTwoLookups(c, s),
    () => parseJwt(c, s),
    () => parseOAuth(c, s),
    () => parseAccessLists(c, s),
    () => parseDomains(c, s),
    () => parseInvitations(c, s),
    () => parseSessions(c, s),
    () => parseMemberships(c, s),
    () => parseOrganizations(c, s),
    () => parseUserUpdate(c, s),
    () => parseUserCreate(c, s),
    () => parseUserAction(c, s),
    () => parseUserLookup(c, s),
    () => parseUsersList(c, s, now),
  ];
  for (const parse of parsers) {
    const intent = parse();
    if (intent) return changesNothing(intent) ? (readFieldEdit(c, s) ?? intent) : intent;
  }
  return readFieldEdit(c, s) ?? unknown(c);
}

/**
 * A reading that changes no field although the clause may state one ("drop X from the Foo app's scopes" read as
 * deleting an app called "X from the Foo"): the field reader (field-edit.ts) is asked for a better one.
 */
function changesNothing(intent: Intent): boolean {
  if (intent.kind === 'named_delete') return true;
  if (intent.kind === 'named_get' || intent.kind === 'org_get') return true;
  // "remove X from its scopes": a list field, not an organization.
  if (intent.kind === 'membership_remove' || intent.kind === 'membership_add')
    return intent.org !== undefined && /\b(?:scopes?|redirects?|callbacks?|claims?|metadata)\b/i.test(intent.org.value);
  if (intent.kind === 'user_update' || intent.kind === 'org_update' || intent.kind === 'named_update')
    return Object.keys(intent.fields).length === 0 || !ownerOf(intent);
  return false;
}

function ownerOf(intent: Intent): Ref | undefined {
  if (intent.kind === 'org_update') return intent.org;
  if (intent.kind === 'user_update') return intent.target;
  if (intent.kind === 'named_update') return intent.ref;
  return undefined;
}

function unknown(c: string): Intent {
  const topic = /\bjwt|\btemplate/i.test(c)
    ? 'jwt'
    : /\bdomain/i.test(c)
      ? 'domain'
      : /\boauth|\bclient app/i.test(c)
        ? 'oauth'
        : /\ballow|\bwhitelist/i.test(c)
          ? 'allowlist'
          : /\bblock ?list|\bblacklist/i.test(c)
            ? 'blocklist'
            : /\binvit/i.test(c)
              ? 'invitations'
              : /\bsession|\bsign(?:ed)? ?(?:in|out)|\blog(?:ged)? ?(?:in|out)/i.test(c)
                ? 'sessions'
                : /\borg|\bcompan|\bteam|\bmember|\brole|\badmin/i.test(c)
                  ? 'organizations'
                  : /\buser|\bban|\block|\baccount|\bsign(?:ed)? ?up/i.test(c)
                    ? 'users'
                    : undefined;
  return { kind: 'unknown', ...(topic ? { topic } : {}) };
}
