/**
 * A whole message → one Intent. Messages are split into sentences and clauses (clauses.ts); context sentences
 * ("The chargeback was resolved."), asides (", it was a mistake") and constraints ("Don't delete it") carry no
 * action and are dropped; pronouns borrow the user named elsewhere in the message (anaphora.ts). One actionable
 * clause is that intent; several become a `sequence` planned step by step. A message with no actionable clause is
 * parsed whole, exactly as before splitting existed.
 */
import { withRestatements } from './restatement.js';
import { INVITER_TOKEN } from './inviter-described.js';
import { withHandover } from './handover.js';
import { withGetBackIn } from './regained-access.js';
import { withMetadataSlots } from './metadata-slots.js';
import { limitedRefs, withoutConstraints } from './constraints.js';
import { parseValueSwap, withNewValueSaid } from './value-swap.js';
import { withSettingRemoval } from './setting-removal.js';
import { APP_INVITATIONS_SAID, orgInvitationsNamed } from './org-invitations-named.js';
import { toRef } from './refs.js';
import { relatedNames } from './listed-names.js';
import { escapeRe } from './mentioned.js';
import { GRAMMAR_WORDS } from './kv.js';
import { parseValueQuestion } from './value-question.js';
import { parseMembersBulk } from './org-members-bulk.js';
import { parseEnumerated } from './enumerated.js';
import { unstretched } from './texting.js';
import { fillAnaphors, hasAnaphor, userTokens } from './anaphora.js';
import { ACTION_VERB, splitClauses, splitSentences, subSentence, type Unit } from './clauses.js';
import { analyze, type Sentence, unmask, unmaskQuoted } from './entities.js';
import { normalize } from './normalize.js';
import { negatedRequest } from './request-form.js';
import type { Intent, Ref } from './intent-types.js';
import { parseSentence } from './intents.js';
import { core, COUNT, READ } from './phrases.js';
import { withDetails } from './details.js';
import { parseStatedField, parseStatedValue, withStatedName } from './stated-value.js';
import { withPastedSubject } from './pasted-subject.js';
import { mergeSteps, withoutRestated } from './merge-steps.js';
import { exceptionIn, keptValues } from './exceptions.js';
import { withAllowlistedInvite, withoutRepeatedInvite } from './allowlist-invite.js';
import { fillThere, orgMention, personNames, referents, withOrg } from './org-context.js';
import { OrgThread, refersToOrgOf } from './org-thread.js';
import { parseReinvite } from './reinvite.js';
import { oneHolder } from './lexicon.js';
import { spokenForms } from './spoken.js';
import { withNamedSelf, withQuestionPronoun } from './plain-forms.js';
import { withoutSwitchedOff } from './switched-off.js';
import { withCliCommands } from './cli-commands.js';
import { parseDeviceRevoke } from './session-device.js';
import { sharedNoun, withSharedNoun } from './shared-noun.js';
import { fillEntityAnaphor, fillResourceAnaphor, hasResourceAnaphor, resourcePhrase } from './resource-anaphora.js';
import { arrowAsDash, fitsTopic, topicOf, withTopic } from './topic.js';
import { fillMetadataKey, targetsPointer, withMetadataLabels } from './metadata-anaphora.js';
import { withMessageUser } from './message-user.js';
import { correctionValue, withCorrectedValue } from './value-correction.js';
import { uncheckedCondition } from './unchecked-condition.js';
import { withKeptOut } from './other-holder.js';
import { clarifiesOnly } from './clarifying-correction.js';
import { arbitrate } from './arbitration.js';
import { parseFrames } from './frames.js';
import { describedPerson, implausible, readWithWrongShape } from './implausible-name.js';
import { swapCorrection } from './correction-swap.js';
import { boundValues } from './value-bounds.js';
import { TICKET_ROLE_WORDS } from './ticket-labels.js';

export const NEGATED =
  /^(?:(?:please|but|and|just|also)\s+)*(?:don'?t|do not|never|no need to|without|not|nor|avoid)\b/i;
const CORRECTION_LEAD =
  /^(?:(?:no|nope|hmm|ok|okay|oh)[,.!]?\s+)*(?:wait|actually|scratch that|on second thought|sorry|correction)[,.!]?\s+(?:(?:no|i mean|rather)[,.!]?\s+)?|^i mean[,.!]?\s+/i;
// "ban him instead", "lock her instead of banning her" take back what was asked; "should say Chairman instead of
// CEO" only names the value being replaced. "sorry" corrects only when a replacement follows it ("sorry, Wayne
// Group", "sorry, not foo"); an apology ("Sorry, long week!", "sorry for the mess") corrects nothing.
export const CORRECTION =
  /^(?:(?:no|nope|hmm|ok|okay|oh)[,.!]?\s+)*(?:wait|actually|scratch that|on second thought|i mean|correction|rather|sorry(?=[\s,.!–—-]*(?:.*\b(?:not|no|instead|meant|mean|rather|wait|actually)\b|(?!(?:for|about|if|to|on|in\s+advance|again|i|i'?m|this|that|that'?s|we|we'?re|they|he|she|me|hope)\b)[^\s,.!–—-])))|\binstead\b(?!\s+of\s+(?!\w+ing\b))/i;
// A sentence that corrects only by "instead" is a replacement, not a retraction, when it names a record the
// sentences before it do not ("take a@x off the list? … could b@y go on it instead") or when its own clause before
// "but" asks something ("lift the ban but lock him instead": both).
const INSTEAD_ONLY = /\binstead\b/i;

/** True when sentence `i` takes back what the sentences before it asked (see CORRECTION). */
export function correctsAt(sentences: string[], i: number): boolean {
  // ("she needs admin instead of billing": a role contrasted with the one held corrects nothing said before.)
  const sentence = sentences[i]!.replace(
    /\binstead\s+of\s+(?:an?\s+|the\s+|her\s+|his\s+|their\s+)?(?:(?:regular|normal|plain)\s+)?(?:admin|administrator|member|viewer|billing)(?:\s+role)?\b/gi,
    '',
  );
  if (!CORRECTION.test(sentence)) return false;
  if (!INSTEAD_ONLY.test(sentence) || CORRECTION.test(sentence.replace(/\binstead\b/gi, ''))) return true;
  const before = sentences.slice(0, i).join(' ');
  const own = [...sentence.matchAll(/⟦[ei]\d+⟧/g)].some((m) => !before.includes(m[0]));
  const contrast = new RegExp(`^.*?\\b${ACTION_VERB}\\b.*?\\bbut\\s+.*\\binstead\\b`, 'i').test(sentence);
  return !own && !contrast;
}

// "there's a setting called X that's at 5", "in it there is …": what exists is context, never a change.
const EXISTS = /^(?:(?:and|so|but)\s+)?(?:in\s+it\s+)?there(?:'s|’s|\s+is|\s+are)\b/i;
// "I doubt anyone opens the Foo app now", "we reckon it is unused": what the writer believes or does is context.
const BELIEF =
  /^(?:i|we)\s+(?:(?:don'?t|do\s+not|no\s+longer|really|honestly|just)\s+)*(?:think|believe|guess|suppose|feel|reckon|use|know)\b(?!\s+(?:to|you)\b)/i;
const STATEMENT =
  /^(?:someone|somebody|we|i|he|she|they|you|our\s+[\w-]+|the\s+[\w-]+|⟦[ei]\d+⟧)\s+(?:(?:already|just|accidentally|mistakenly|recently|also)\s+)?(?:(?!(?:need|proceed|feed|seed|speed|exceed)\b)[a-z]+ed|was|were|had|got|did|made|sent|left|took|gave|set|put)\b/i;
const PASSIVE_KINDS = new Set<Intent['kind']>(['unknown', 'smalltalk', 'help']);
const READ_KINDS = new Set<Intent['kind']>([
  'value_question',
  'users_list',
  'user_lookup',
  'sessions_list',
  'session_get',
  'orgs_list',
  'org_get',
  'members_list',
  'membership_get',
  'org_invitations_list',
  'invitations_list',
  'list_entries',
  'named_list',
  'named_get',
]);

/** Parses a whole user message. `now` (Unix ms) anchors relative dates. */
export function parseRequest(text: string, now: number, frames = true): Intent {
  return parseAnalyzed(readMessage(text), now, frames);
}

/** A message as the parsers see it: entities masked, noise dropped, typos and casual verbs normalized. */
export function readMessage(text: string): Sentence {
  return withPastedSubject(normalize(analyze(RAW_STAGES.reduce((t, stage) => stage(t), text))));
}

// What is read on the raw text, before anything is masked or split, in this order: steps a config switches off go,
// command lines become sentences, dictated addresses and separators are spelt as typed, stretched words plainly.
const RAW_STAGES: ReadonlyArray<(text: string) => string> = [
  withoutSwitchedOff,
  withRestatements,
  withHandover,
  withGetBackIn,
  withCliCommands,
  spokenForms,
  unstretched,
  withNamedSelf,
  withQuestionPronoun,
];

// "delete the flag on x@y", "remove that key from her": the object of the verb is a field of the account, not the
// account — never a delete, ban or lock of the user (it fails closed with a question instead).
const FIELD_OBJECT =
  /\b(?:delete|remove|ban|lock|get\s+rid\s+of|drop|erase|wipe|clear|nuke|take|strip)\s+(?:the|that|this|his|her|their|its)\s+(?:[\w-]+\s+)?(?:key|flag|field|entry|setting|note|tag|label|badge|claim|property|attribute)s?\b/i;
const ACCOUNT_ACTIONS = new Set(['clerk_user_delete', 'clerk_user_ban', 'clerk_user_lock']);
// ("take that note off her": a note goes, never her membership of an organization.)
const hitsPerson = (s: Intent): boolean =>
  (s.kind === 'user_action' && ACCOUNT_ACTIONS.has(s.action)) || s.kind === 'membership_remove';

// "add office: Austin to the metadata of everybody in Foo": every member's own metadata, never the organization's.
const EVERY_MEMBER =
  /\b(?:every(?:one|body|\s+(?:member|user|person|account))|all\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:members|users|people|accounts|staff)|each\s+(?:member|user|person|account))\s+(?:in|of|at|from|within|on)\b/i;

/**
 * Readings that must fail closed: a change on an account or a membership when the message is about a key of some
 * metadata, and an organization's metadata when the message means every member's. Each returns why, or undefined.
 */
const ORG_INVITATIONS_SAID =
  /\b(?:org(?:ani[sz]ation)?(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}invit\w*|invit\w*\s+(?:to|into|for)\s+(?:join\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}(?:org|organi[sz]ation)\b)/i;
// "invite X with the same role as Y", "she should get whatever access Ann has": a role said by someone else's role is
// looked up, never assumed — the default role would be a guess. (Read on the message as typed: normalizing turns
// "with the same role" into a form the readers drop.)
const SAME_ROLE =
  /\bsame\s+(?:role|access|permissions?|level(?:\s+of\s+access)?|rights|privileges)\b(?!\s+(?:as\s+)?(?:before|last\s+time|previously|it\s+had|the\s+(?:old|previous|expired))|\s+(?:(?:that|which)\s+)?(?:he|she|they|it)\s+(?:has|had|holds|held|have)\b)/i;
function sameRoleGuessed(intent: Intent, raw: string): string | undefined {
  const steps = intent.kind === 'sequence' ? intent.steps : [intent];
  const guessed = steps.some(
    (s) =>
      (s.kind === 'invite' && !s.again) ||
      (s.kind === 'membership_add' && !s.roleFrom) ||
      (s.kind === 'membership_set_role' && !('roleFrom' in s && s.roleFrom)),
  );
  return guessed && SAME_ROLE.test(raw)
    ? 'You asked for the same role as someone else has, and I do not look that up as part of a change, so I changed nothing. Ask "what role does <who> have in <organization>?" first, then ask for the change with that role.'
    : undefined;
}

const FAIL_CLOSED: ReadonlyArray<(steps: Intent[], masked: string) => string | undefined> = [
  negatedChange,
  // An organization to delete whose "name" holds a pronoun or a preposition is a sentence read wrongly.
  (steps) =>
    steps.some(
      (s) =>
        s.kind === 'org_delete' &&
        s.orgs.some(
          (o) => o.kind === 'name' && /\b(?:from|membership|access)\b|^(?:him|her|them)\s+\S/i.test(o.value.trim()),
        ),
    )
      ? 'I could not tell which organization to delete (what I read as its name is part of a sentence), so I changed nothing. Say it as "delete the organization <name>".'
      : undefined,
  // "list Foo's org invitations that are pending, then revoke all of them": application invitations are never what a
  // message about an organization's invitations revokes, even when that organization could not be read.
  (steps, masked) =>
    steps.some((s) => s.kind === 'invitation_revoke' && (s.all || s.newest || s.one)) &&
    ORG_INVITATIONS_SAID.test(masked) &&
    !APP_INVITATIONS_SAID.test(masked)
      ? 'You asked about an organization\'s invitations, and I could not tell which organization, so I changed nothing (application invitations are a different list). Say it as "revoke the pending invitations to <organization>".'
      : undefined,
  (steps, masked) => {
    if (!steps.some(hitsPerson)) return undefined;
    // ("yank the crm ref off his login, you'll find it in private metadata": a membership removal whose organization
    // the message never names, in a message about metadata, is a metadata key read wrongly.)
    const unnamedOrg = steps.some(
      (s) => s.kind === 'membership_remove' && (!s.org || s.org.kind === 'mention') && /\bmetadata\b/i.test(masked),
    );
    return FIELD_OBJECT.test(masked) || unnamedOrg
      ? 'You asked to remove a key or flag, and I could not tell which key of whose metadata, so I changed nothing (the account and its memberships stay as they are). Say it as "remove the <key> key from <email>\'s public metadata".'
      : undefined;
  },
  (steps, masked) => {
    const orgMeta = steps.some(
      (s) => s.kind === 'org_update' && Object.keys(s.fields).some((k) => k.endsWith('metadata')),
    );
    return orgMeta && EVERY_MEMBER.test(masked) && /\bmetadata\b/i.test(masked)
      ? "You asked to change the metadata of every member of an organization. I don't change many users' metadata from one sentence, and the organization's own metadata is not theirs, so I changed nothing. Name the users (emails), for example \"add office: Austin to a@x.test's and b@x.test's public metadata\"."
      : undefined;
  },
  (steps, masked) =>
    // ("the default role claim … since the rename it should be 'staff'": a claim's new value, never the template's
    // new name — a rename is said of the template itself.)
    steps.some((s) => s.kind === 'named_update' && s.resource === 'jwt' && typeof s.fields.name === 'string') &&
    /\bclaims?\b/i.test(masked) &&
    !RENAMES_TEMPLATE.test(masked)
      ? 'You spoke of a claim, and I read a new name for the template, so I changed nothing. To change a claim, say "set the <claim> claim of <template> to <value>"; to rename the template, say "rename the <template> template to <name>".'
      : undefined,
  // ("username → should be changed to x, could you update it": a username is one word; a reading that would write
  // a phrase there read the sentence, not the value.)
  (steps) =>
    steps.some((s) => s.kind === 'user_update' && typeof s.fields.username === 'string' && /\s/.test(s.fields.username))
      ? 'I read a username with spaces in it, which is a phrase of the sentence rather than a username, so I changed nothing. Say it as "set the username of <email> to <username>".'
      : undefined,
  (steps) => {
    const odd = steps.map(oddMetadataKey).find((k) => k !== undefined);
    return odd === undefined
      ? undefined
      : `I read "${odd}" as a metadata key, which is a word of the sentence rather than a key, so I changed nothing. Say the key and its value, for example "set plan to pro in <email>'s public metadata".`;
  },
];

const RENAMES_TEMPLATE =
  /(?<!\b(?:the|a|since|after|before)\s+)\brename\s+(?:the\s+|that\s+|this\s+)?(?:⟦q\d+⟧\s+|[\w.-]+\s+)?(?:jwt\s+)?(?:template|it)\b|\b(?:call|name)\s+(?:it|the\s+template)\b|\btemplate(?:'s|’s)?\s+(?:new\s+)?name\b/i;

/**
 * A reading of a message about metadata that writes no key it names: a key that is a word of the grammar, an update
 * left with nothing to write, or an act on the person where the message removes a key ("delete the key, not …").
 */
function readsMetadataWrongly(read: Intent, masked: string): boolean {
  if (oddMetadataKey(read) !== undefined) return true;
  if (!/\bmetadata\b/i.test(masked)) return false;
  if ((read.kind === 'user_update' || read.kind === 'org_update') && !writesSomething(read.fields)) return true;
  return hitsPerson(read) && FIELD_OBJECT.test(masked);
}

/** True when the fields write at least one value (a metadata merge with no key writes nothing). */
function writesSomething(fields: Record<string, unknown>): boolean {
  return Object.values(fields).some((v) => !(v && typeof v === 'object' && Object.keys(v).length === 0));
}

/** A metadata key the change would write that is a word of the sentence's grammar, or undefined. */
export function oddMetadataKey(step: Intent): string | undefined {
  // (The sentence was read with the wrong shape: a card carrying that key would change a value nobody named.)
  // ("Requester: Dinesh" on a pasted ticket is who filed it: a form's label, capitalised, is never a key.)
  return metadataKeys(step).find(
    (k) => GRAMMAR_WORDS.has(k.toLowerCase()) || (/^[A-Z]/.test(k) && FORM_LABELS.test(k)),
  );
}

const FORM_LABELS =
  /^(?:requester|requested[_ ]by|reporter|reported[_ ]by|number|priority|category|description|summary|subject|assignee|assigned[_ ]to|impact|urgency|from|to|cc|bcc|date|sent|ticket|incident|caller|opened[_ ]by|short[_ ]description|work[_ ]notes?)$/i;

/** The metadata keys a change would write (user, organization and bulk metadata merges). */
function metadataKeys(step: Intent): string[] {
  const out: string[] = [];
  JSON.stringify(step, (key, value) => {
    if (/_metadata$/.test(key) && value && typeof value === 'object' && !Array.isArray(value))
      out.push(...Object.keys(value));
    return value;
  });
  return out;
}

// The verbs each destructive change is said with, for the negation guard below.
const SAID_AS: Partial<Record<string, string>> = {
  clerk_user_ban: 'ban|block|bar|suspend',
  clerk_user_lock: 'lock|freeze|suspend|block',
  clerk_user_delete: 'delete|remove|erase|close|wipe|nuke',
  membership_remove: 'remove|kick|drop|boot|take',
  org_delete: 'delete|remove|close|wipe',
};

/**
 * "Do NOT delete or ban X — it is a temporary hold": the verb of the change is governed by a negation (alone or in
 * a list joined by "or"/"and"/"nor"/"/"), so the message says not to do it. Never a change; it fails closed. A
 * positive ask of the same verb elsewhere ("…; ban her instead") keeps the change.
 */
function negatedChange(steps: Intent[], masked: string): string | undefined {
  for (const step of steps) {
    const key = step.kind === 'user_action' ? step.action : step.kind;
    const verbs = SAID_AS[key];
    if (!verbs) continue;
    const re = new RegExp(
      `\\b(?:do\\s+not|don'?t|dont|never|must\\s+not|should\\s+not|shouldn'?t|not)\\s+(?:(?:[a-z]+)\\s*(?:or|and|nor|/)\\s*){0,3}(?:${verbs})\\b(?![^.;!?]*\\b(?:but|just|only|instead)\\s+(?:${verbs})\\b)`,
      'i',
    );
    const askedElsewhere = new RegExp(`(?:^|[.;!?]\\s*|\\b(?:but|just|only|instead|please)\\s+)(?:${verbs})\\b`, 'i');
    if (re.test(masked) && !askedElsewhere.test(masked.replace(re, '')))
      return 'I changed nothing: your message says not to do that. If you meant a change, say it as a request on its own.';
  }
  return undefined;
}

function failClosed(intent: Intent, masked: string): Intent {
  const steps = intent.kind === 'sequence' ? intent.steps : [intent];
  for (const guard of FAIL_CLOSED) {
    const reason = guard(steps, masked);
    if (reason) return { kind: 'unknown', reason };
  }
  return intent;
}

// "remove him from the Foo organization" read as deleting an organization called "him from the Foo": the person
// said before "from" is whom the request removes, and the organization stays.
const PERSON_FROM =
  /^(him|her|them|⟦[ei]\d+⟧|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:from|out\s+of)\s+(?:the\s+)?(.+?)(?:\s+(?:org|organi[sz]ation|workspace|group|team))?$/i;
export function memberNotOrg(intent: Intent): Intent {
  const fix = (step: Intent): Intent => {
    if (step.kind !== 'org_delete' || step.orgs.length !== 1 || step.orgs[0]!.kind !== 'name') return step;
    const m = step.orgs[0]!.value.trim().match(PERSON_FROM);
    if (!m) return step;
    const who = m[1]!;
    const user: Ref = /^(?:him|her|them)$/i.test(who)
      ? { kind: 'pronoun', value: who.toLowerCase() }
      : { kind: 'name', value: who };
    return { kind: 'membership_remove', org: { kind: 'name', value: m[2]!.trim() }, users: [user] };
  };
  return intent.kind === 'sequence' ? { ...intent, steps: intent.steps.map(fix) } : fix(intent);
}

/**
 * Steps read wrongly in a way the message itself shows: an address read into steps of both lists belongs to the list
 * named right after it ("add A to the allowlist, and remove B from the blocklist": unblocking is not allowlisting), and a record created under a "name" that is part of a
 * sentence ("the extra one, do not replace") is no step at all (accounting.ts reports the words not acted on).
 */
function repaired(intent: Intent, said: Sentence): Intent {
  const steps = intent.kind === 'sequence' ? intent.steps : [intent];
  // (An address the message only ever names with the other list — "… and remove B from the blocklist" — is not on
  // this list's step; one it names with this list anywhere stays.)
  const listsSaidWith = (id: string): Set<string> => {
    const out = new Set<string>();
    said.ents.emails.forEach((e, n) => {
      if (e.toLowerCase() !== id) return;
      const at = said.masked.indexOf(`⟦e${n}⟧`);
      // (Up to the next address or the next ask: "from the allowlist to the blocklist" names both for one address.)
      const clause = at < 0 ? '' : said.masked.slice(at + 3, at + 100).split(/[.;!?]|⟦e\d+⟧|,\s*and\b/)[0]!;
      for (const m of clause.matchAll(/\b(allow|white|block|black)[\s-]?list/gi))
        out.add(/^(?:allow|white)$/i.test(m[1]!) ? 'allowlist' : 'blocklist');
    });
    return out;
  };
  const belongs = (id: string, list: 'allowlist' | 'blocklist'): boolean => {
    const said = listsSaidWith(id);
    return said.size === 0 || said.has(list);
  };
  const out = steps
    .map((s): Intent | undefined => {
      if (s.kind === 'list_add' || s.kind === 'list_remove') {
        const identifiers = s.identifiers.filter((i) => belongs(i.toLowerCase(), s.list));
        if (identifiers.length === s.identifiers.length) return s;
        return identifiers.length === 0 ? undefined : { ...s, identifiers };
      }
      if ((s.kind === 'named_create' || s.kind === 'org_create') && typeof s.fields.name === 'string')
        return implausible(s.fields.name, said) ? undefined : s;
      return s;
    })
    .filter((s): s is Intent => s !== undefined);
  if (out.length === steps.length && out.every((s, i) => s === steps[i])) return intent;
  if (out.length === 0) return { kind: 'unknown' };
  return out.length === 1 ? out[0]! : { kind: 'sequence', steps: out };
}

// "is Ann among them", "is ⟦e0⟧ one of those", "is Ann Lee in that list".
const ONE_OF_THEM =
  /^(?:and\s+)?(?:is|are|was)\s+(⟦[ei]\d+⟧|[A-Za-z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:also\s+)?(?:one\s+of\s+(?:them|those|these)|among\s+(?:them|those|these)|in\s+(?:there|that\s+list|the\s+list|that\s+lot))\s*\??$/i;

// "No further edits, please", "nothing else is to change": a sentence that limits, never one that asks.
const NO_CHANGES = /\b(?:no|nothing)\s+(?:other\s+|else\s+|further\s+)?(?:changes?|edits?)\b|\bnothing\s+else\b/i;

/** Parses an already analyzed message (accounting re-parses it with one clause left out). */
export function parseAnalyzed(given: Sentence, now: number, frames = true): Intent {
  // "…, but not block his account": a change not wanted, said beside the one wanted — never a target or a step.
  // Sentences that only limit the request ("her role stays as it is", "don't ban him yet") are no asks
  // (constraints.ts); the exception readers below still read the message whole.
  const said = {
    ...given,
    masked: withoutConstraints(given.masked.replace(NOT_THIS_TOO, '')),
    raw: withoutConstraints(given.raw),
    text: withoutConstraints(given.text),
  };
  // "unban everyone who is banned except X": the exception comes out before parsing, so X can never become the
  // target; a bulk change keeps it (the plan leaves X out), anything else is parsed as before.
  const exception = exceptionIn(said.masked, said.ents);
  if (exception) {
    const bulk = parseAnalyzed({ ...said, masked: exception.rest }, now, frames);
    if (bulk.kind === 'bulk_user_action') return { ...bulk, except: exception.refs };
  }
  const first = parseKept(said, now, frames);
  const restated = first.kind === 'sequence' ? withoutRestated(first.steps) : undefined;
  const read = withNewValueSaid(
    restated?.length === 1 ? restated[0]! : restated ? { kind: 'sequence', steps: restated } : first,
    said,
  );
  // A reading of a metadata request that writes no key the message names (readsMetadataWrongly) is read again from
  // the data: the record is asked which key the message names (value-swap.ts). A sequence only when every step is an
  // update, so no other ask of the message is lost by reading it again.
  const steps = read.kind === 'sequence' ? read.steps : [read];
  const onlyUpdates = steps.every((x) => x.kind === 'user_update' || x.kind === 'org_update');
  const rescued =
    (read.kind !== 'sequence' || onlyUpdates) && steps.some((x) => readsMetadataWrongly(x, said.masked))
      ? (parseValueSwap(said) ?? read)
      : read;
  // Nothing written yet, and the message asks for a metadata write: its parts, wherever they stand
  // (metadata-slots.ts).
  // "pull the beta flag off his login": a setting, not a person or a membership, is what comes off
  // (setting-removal.ts). Not for a sequence: its other asks would be lost.
  const filled = withMetadataSlots(said, rescued.kind === 'sequence' ? rescued : withSettingRemoval(rescued, said));
  const closed = failClosed(
    boundValues(repaired(memberNotOrg(orgInvitationsNamed(filled, said.masked)), said)),
    said.masked,
  );
  const guessedRole = sameRoleGuessed(closed, given.raw);
  const checked: Intent = guessedRole ? { kind: 'unknown', reason: guessedRole } : closed;
  // Whoever a limiting sentence names ("Viktor Crane stays banned") is left out of a change on everyone, and is
  // never the target of a change (below).
  const limited = limitedRefs(given.masked, given.ents);
  const intent =
    checked.kind === 'bulk_user_action' && limited.length > 0
      ? { ...checked, except: [...(checked.except ?? []), ...limited] }
      : checked;
  // Whoever the message keeps out (read by exceptionIn, or an address or id right after an exception word
  // however the sentence goes on) is never the target of a change: that is the opposite of what was asked.
  // (Read on the message as typed too: normalizing drops a sentence that only says something stays.)
  const typed = analyze(given.raw);
  const kept = [
    ...(exception?.refs.map((r) => r.value.toLowerCase()) ?? []),
    ...keptValues(said.masked, said.ents),
    ...keptValues(typed.masked, typed.ents),
    ...(intent.kind === 'bulk_user_action' ? [] : limited.map((r) => r.value.toLowerCase())),
  ];
  if (kept.length > 0 && !NO_CHANGE.has(intent.kind) && kept.some((k) => refValues(intent).includes(k)))
    return {
      kind: 'unknown',
      reason: `You kept ${[...new Set(kept)].join(', ')} out of this request, and I could not read it without changing exactly that, so I changed nothing. Name the ones to change, and I'll prepare one change each.`,
    };
  // "Kofi Mensah's mother asked for access … add her": a person named only to describe someone else by their relation
  // to them is never the one changed (the "her" meant the mother); the request fails closed and says why.
  const related = relatedNames(given.raw).filter((n) => onlyAsRelated(given.raw, n));
  const aimed = NO_CHANGE.has(intent.kind) ? [] : related.filter((n) => refValues(intent).includes(n.toLowerCase()));
  if (aimed.length > 0)
    return {
      kind: 'unknown',
      reason: `You named ${aimed[0]} only to say who someone else is ("${aimed[0]}'s …"), and I could not tell who that person is, so I changed nothing. Name them (email or full name) and say it again.`,
    };
  // "is X banned? if not, delete her": a change on a condition nothing checks is never shown as an unconditional
  // card; the admin is told what to do instead (unchecked-condition.ts).
  const condition =
    NO_CHANGE.has(intent.kind) || READ_KINDS.has(intent.kind) ? undefined : uncheckedCondition(said.masked);
  if (condition)
    return {
      kind: 'unknown',
      reason: `I changed nothing: you asked for it only on a condition ("${unmask(condition, said.ents)}"), and I don't check conditions as part of a change. Ask me about the condition first, then ask for the change on its own.`,
    };
  return intent;
}

/** "…, but not block her account", "and don't delete him": a change not wanted, said beside the one wanted. */
export const NOT_THIS_TOO =
  /\s*,?\s*\b(?:but|and)\s+(?:please\s+)?(?:not|don'?t|do\s+not|never)\s+(?:ban|block|lock|delete|remove|suspend|disable|revoke|kick|touch|change)\b[^,.;!?]*/gi;

// Members said with an organization word, and no users or accounts: a question about one organization's members.
const MEMBERS_OF_ORG =
  /^(?![\s\S]*\b(?:users|accounts|sign-?ups)\b)(?=[\s\S]*\bmembers\b)[\s\S]*\b(?:org|orgs|organi[sz]ations?|company|team|workspace)\b/i;

/** True when every time `text` says `name` it is a possessor ("Kofi Mensah's mother"), never the person itself. */
function onlyAsRelated(text: string, name: string): boolean {
  const all = text.match(new RegExp(`\\b${escapeRe(name)}\\b`, 'g'))?.length ?? 0;
  return all > 0 && relatedNames(text).filter((n) => n === name).length === all;
}

/** Intents that change nothing (accounting.ts checks no clause of these either). */
export const NO_CHANGE = new Set<Intent['kind']>(['unknown', 'smalltalk', 'help', 'refuse']);

/** Every reference value an intent carries (emails, ids, names), lower-cased. */
function refValues(intent: Intent): string[] {
  const out: string[] = [];
  JSON.stringify(intent, (key, value) => {
    if (key === 'value' && typeof value === 'string') out.push(value.toLowerCase());
    // (A list change names its entries, an invitation change its addresses.)
    if ((key === 'identifiers' || key === 'emails') && Array.isArray(value))
      for (const v of value) if (typeof v === 'string') out.push(v.toLowerCase());
    return value;
  });
  return out;
}

/**
 * True when `said` is the whole message as read (not the message with a part left out, accounting.ts). The
 * whole message's reading is kept for the few raw texts seen last: accounting re-reads one message once per clause.
 */
const wholeMasked = new Map<string, string>();
function asTyped(said: Sentence): boolean {
  let masked = wholeMasked.get(said.raw);
  if (masked === undefined) {
    masked = readMessage(said.raw).masked;
    if (wholeMasked.size >= 32) wholeMasked.clear();
    wholeMasked.set(said.raw, masked);
  }
  return masked === said.masked;
}

function parseKept(said: Sentence, now: number, frames = true): Intent {
  const whole = withStatedName(said);
  const intent = withDetails(parseMessage(whole, now), whole);
  if (!frames) return intent;
  // The frame reader's reading of the message, made at most once (frames.ts).
  let framedOnce: { intent: Intent | undefined } | undefined;
  const framed = (): Intent | undefined => (framedOnce ??= { intent: parseFrames(said, asTyped(said)) }).intent;
  // A name slot holding words no name is made of ("their organization", "who that was"): the sentence was read with
  // the wrong shape, and the frame reader's reading (names found by listing) is taken when it has one.
  const described = NO_CHANGE.has(intent.kind) ? undefined : describedPerson(intent, whole);
  if (described)
    return {
      kind: 'unknown',
      reason: `I couldn't tell who "${described}" is, so I changed nothing. Name them (email or full name) and say it again.`,
    };
  if (!NO_CHANGE.has(intent.kind) && readWithWrongShape(intent, whole) && framed()) return framed()!;
  // A catch-all reading the readers made for a shape they do not know, where the frame reader reads what the
  // message's own words ask (arbitration.ts).
  const settled = arbitrate(intent, whole, said, framed);
  if (settled) return settled;
  if (intent.kind !== 'unknown' || intent.reason) return intent;
  // "X doesn't need to be removed after all": understood as what NOT to do — said so, rather than "not understood".
  if (negatedRequest(whole.masked))
    return {
      kind: 'unknown',
      reason: `I changed nothing: "${whole.raw.trim()}" says what should not be done. If you meant a change, say it as a request.`,
    };
  // Nothing the sentence readers know: the frame reader looks for asked actions anywhere, then a change said by
  // its old and new values is looked for in the data (value-swap.ts), then a question about one value
  // (value-question.ts).
  return framed() ?? parseValueSwap(whole) ?? parseValueQuestion(whole, intent.topic) ?? intent;
}

/** Requests only the whole message expresses (a device described, a typo'd invitation, a value stated as news). */
export function parseWholeMessage(whole: Sentence): Intent | undefined {
  return parseDeviceRevoke(whole) ?? parseReinvite(whole) ?? parseStatedValue(whole) ?? parseStatedField(whole);
}

function parseMessage(whole: Sentence, now: number): Intent {
  // "1) … 2) …": each listed ask read on its own (enumerated.ts).
  const listed = parseEnumerated(whole.raw, (text) => parseRequest(text, now));
  if (listed) return listed;
  const members = parseMembersBulk(whole, (text) => parseRequest(text, now));
  if (!members) return parseMessageRead(whole, now);
  // "every holder of the viewer role in Foo": the readers already name those people by their role (held-role.ts);
  // their reading is kept.
  const read = parseMessageRead(whole, now);
  return /"kind":"role"/.test(JSON.stringify(read)) ? read : members;
}

function parseMessageRead(whole: Sentence, now: number): Intent {
  const read = parseWholeMessage(whole);
  if (read) return read;
  const sentences = withMetadataLabels(splitSentences(arrowAsDash(whole.masked)));
  const org = orgMention(whole.masked);
  const units = sentences.flatMap((sentence, n) =>
    clausesOf(whole, org ? fillThere(sentence, org) : withoutThere(sentence), now).map((u) => ({ ...u, sentence: n })),
  );
  if (units.length === 0) return parseSentence(whole, now);
  if (units.length === 1) {
    const one = parseSentence(subSentence(whole, units[0]!.masked), now);
    return PASSIVE_KINDS.has(one.kind)
      ? parseSentence(whole, now)
      : withMessageUser(withMessageOrg(withReportedOrg(one, units[0]!.masked, []), org), whole);
  }
  const isUserId = (token: string): boolean => whole.ents.ids[Number(token.slice(2, -1))]?.prefix === 'user';
  const orgs = new OrgThread();
  // Negated clauses ("Don't delete it") are constraints, never actions; they still name people for pronouns.
  const parsed = units.flatMap((u, i) => {
    if (NEGATED.test(stripLead(u.masked))) return [];
    // "Someone deleted the hasura template last week": a report of what happened (a subject, then a past-tense
    // verb) is context, never an instruction — it still names people and things for the other clauses.
    if (STATEMENT.test(stripLead(u.masked)) || BELIEF.test(stripLead(u.masked)) || EXISTS.test(stripLead(u.masked)))
      return [];
    // "sorry, I mean ban her": the correction's lead words are not part of what it asks.
    let masked = u.masked.replace(CORRECTION_LEAD, '');
    const rest = units.filter((_, k) => k !== i).map((o) => o.masked);
    // "that invitation" with one address named elsewhere, else a topic another clause names (topic.ts).
    masked =
      fillInvitation(masked, rest) ??
      fillQuotedApp(masked, rest) ??
      topicFilled(whole, masked, units, i, now) ??
      masked;
    masked = formerLatter(masked, units, i, isUserId, org) ?? masked;
    if (userTokens(masked, isUserId).length === 0 && hasAnaphor(masked))
      masked = fillAnaphors(
        masked,
        singularOf(
          masked,
          antecedent(units, i, isUserId, org, (m) => namedTarget(whole, m, now)),
        ),
      );
    let s = subSentence(whole, masked);
    let intent = parseSentence(s, now);
    // "how many are locked, and is Ann among those?": whether one person is in the set the question before counted.
    const oneOf = PASSIVE_KINDS.has(intent.kind) && i > 0 ? masked.match(ONE_OF_THEM) : null;
    if (oneOf) {
      const before = parseSentence(subSentence(whole, units[i - 1]!.masked), now);
      const asks =
        before.kind === 'users_list'
          ? before.filter.banned
            ? 'banned'
            : before.filter.locked
              ? 'locked'
              : undefined
          : undefined;
      const ref = asks ? toRef(oneOf[1]!, whole.ents) : undefined;
      if (asks && ref) intent = { kind: 'user_lookup', refs: [ref], asks };
    }
    // "what's the headcount of members in that org": an organization's members are never answered with every user.
    if (
      intent.kind === 'users_list' &&
      intent.count &&
      Object.keys(intent.filter).length === 0 &&
      MEMBERS_OF_ORG.test(masked)
    ) {
      const said = unmask(masked, whole.ents);
      intent = { kind: 'members_list', org: { kind: 'mention', value: said, wider: whole.text }, count: intent.count };
    }
    const others = [...units.slice(0, i).reverse(), ...units.slice(i + 1)].map((o) => o.masked);
    // "the other Foo admin": the holders the other clauses name are left out (other-holder.ts).
    intent = withKeptOut(intent, others, org, whole.ents);
    const mentionsEntity = intent.kind === 'list_entries' || PASSIVE_KINDS.has(intent.kind);
    if (mentionsEntity && units.length > 1) {
      const filled = fillEntityAnaphor(masked, others);
      const retry = filled ? subSentence(whole, filled) : undefined;
      const again = retry ? parseSentence(retry, now) : undefined;
      if (retry && again && !PASSIVE_KINDS.has(again.kind) && !READ_KINDS.has(again.kind)) [s, intent] = [retry, again];
    }
    if (PASSIVE_KINDS.has(intent.kind) && hasResourceAnaphor(masked)) {
      const filled = fillResourceAnaphor(masked, others);
      const retry = filled ? subSentence(whole, filled) : undefined;
      const again = retry ? parseSentence(retry, now) : undefined;
      if (retry && again && !PASSIVE_KINDS.has(again.kind)) [s, intent] = [retry, again];
    }
    // "X's metadata still has crm_ref. Remove that key.": the one metadata key the other clauses name.
    if (PASSIVE_KINDS.has(intent.kind) || targetsPointer(intent as Parameters<typeof targetsPointer>[0])) {
      const filled = fillMetadataKey(masked, others);
      const again = filled ? parseSentence(subSentence(whole, filled), now) : undefined;
      if (filled && again?.kind === 'user_update' && Object.keys(again.fields).length > 0)
        [s, intent] = [subSentence(whole, filled), again];
    }
    // "the foo jwt template - tokens expire too fast. make the lifetime 5 minutes": a field change that names no
    // target takes the one resource another clause names (a topic said first, then what to change).
    if (
      (PASSIVE_KINDS.has(intent.kind) || (intent.kind === 'named_update' && !intent.ref)) &&
      FIELD_WORD.test(masked)
    ) {
      const phrase = others.map(resourcePhrase).find((p) => p !== undefined);
      const retry = phrase ? subSentence(whole, `${masked} for the ${phrase}`) : undefined;
      const again = retry ? parseSentence(retry, now) : undefined;
      if (retry && again?.kind === 'named_update' && again.ref) [s, intent] = [retry, again];
    }
    // "foo bought more seats, raise their member limit to 20": an organization change that names none takes the
    // organization a report in the message is about.
    // "Foo rebranded to Foo Group. Update the org's name to that": the value is the new name the report gives.
    if (
      intent.kind === 'org_update' &&
      typeof intent.fields.name === 'string' &&
      VALUE_ANAPHOR.test(intent.fields.name)
    ) {
      const renamed = others
        .map((o) => o.match(RENAMED))
        .map((m) => m?.[1] ?? m?.[2])
        .find((n) => n !== undefined);
      if (renamed) intent = { ...intent, fields: { ...intent.fields, name: unmask(renamed, whole.ents) } };
    }
    intent = withReportedOrg(
      intent,
      masked,
      units.filter((_, k) => k !== i).map((o) => o.masked),
    );
    intent = withMessageUser(withMessageOrg(intent, org), whole);
    [s, intent] = orgs.complete(whole, masked, s, intent, (again) => parseSentence(again, now));
    intent = withOrg(intent, org);
    return [{ s, intent, sentence: u.sentence, corrects: correctsAt(sentences, u.sentence) }];
  });
  // "unlock Ava, and also Dana's profile reads tier silver, it should read gold": beside a clause that
  // asks for a change, a clause no reader knows is read as a change said by its values or a setting taken off
  // (value-swap.ts, setting-removal.ts); the planner finds the field in the data, or says it could not.
  if (parsed.some((p) => !PASSIVE_KINDS.has(p.intent.kind) && !READ_KINDS.has(p.intent.kind)))
    for (const p of parsed) {
      // (A correction — "actually, make that X" — is read by the correction readers below.)
      if (
        !PASSIVE_KINDS.has(p.intent.kind) ||
        p.corrects ||
        NEGATED.test(stripLead(p.s.masked)) ||
        NO_CHANGES.test(p.s.masked)
      )
        continue;
      const clause = { ...p.s, text: unmaskQuoted(p.s.masked, p.s.ents) };
      const said = withSettingRemoval(p.intent, clause);
      const read = said !== p.intent ? said : parseValueSwap(clause, true);
      // (The records are looked for in the whole message, unmasked from the words being read — accounting.ts
      // narrows them clause by clause: the clause that asks often names nobody.)
      if (read?.kind === 'value_swap') p.intent = { ...read, text: unmaskQuoted(whole.masked, whole.ents) };
    }
  let actionable = parsed.filter((p) => !PASSIVE_KINDS.has(p.intent.kind));
  // "Delete X. Actually, ban him instead.": a correction replaces what was asked in the sentences before it.
  const last = actionable.map((p) => p.corrects).lastIndexOf(true);
  if (last > 0) actionable = actionable.filter((p, i) => i >= last || p.sentence === actionable[last]!.sentence);
  // A correction the parser could not read still takes back what came before it: acting on the earlier request
  // would do what the user just withdrew.
  const lastCorrection = sentences.map((_, k) => correctsAt(sentences, k)).lastIndexOf(true);
  // "set Foo's slug to foo-eu. no wait, foo-emea": a correction that says only a value replaces the value before it.
  const value = lastCorrection > 0 ? correctionValue(sentences[lastCorrection]!, whole) : undefined;
  const prior = actionable.at(-1);
  const fixed = value !== undefined && prior ? withCorrectedValue(prior.intent, value) : undefined;
  if (fixed && prior && !actionable.some((p) => p.sentence >= lastCorrection))
    actionable = [...actionable.slice(0, -1), { ...prior, intent: fixed }];
  else if (
    lastCorrection > 0 &&
    !actionable.some((p) => p.sentence >= lastCorrection) &&
    // (A correction that only rules out what the request never did keeps the request: clarifying-correction.ts.)
    !clarifiesOnly(
      sentences[lastCorrection]!,
      actionable.map((p) => p.intent),
    )
  ) {
    // "…, not private": a correction that names the word it replaces is applied to the request (correction-swap.ts).
    const swapped = swapCorrection(sentences, lastCorrection);
    if (swapped !== undefined && swapped.trim() !== '') return parseMessage({ ...whole, masked: swapped }, now);
    const said = unmask(sentences[lastCorrection]!, whole.ents);
    return {
      kind: 'unknown',
      reason: `You corrected yourself ("${said}") and I could not read the correction as a request, so I changed nothing. Say the request you want on its own.`,
    };
  }
  if (actionable.length === 0) return parseSentence(whole, now);
  // Statements that merely read ("jane@x.test is locked") are context when the message also asks for a change.
  if (actionable.some((p) => !READ_KINDS.has(p.intent.kind)))
    actionable = actionable.filter((p) => !READ_KINDS.has(p.intent.kind) || asksToRead(p.s));
  // "…, and of those, how many are banned?": a follow-up question narrows the users the question before it counted.
  const intents = actionable.map((p, i) => {
    const prev = actionable[i - 1]?.intent;
    if (
      p.intent.kind !== 'users_list' ||
      prev?.kind !== 'users_list' ||
      !/\b(?:of|among)\s+(?:those|them|these)\b/i.test(p.s.masked)
    )
      return p.intent;
    return { ...p.intent, filter: { ...prev.filter, ...p.intent.filter } };
  });
  const steps = withoutRepeatedInvite(withAllowlistedInvite(mergeSteps(intents)));
  return steps.length === 1 ? steps[0]! : { kind: 'sequence', steps };
}

/**
 * The clauses of one sentence. When a clause that starts with an action verb does not parse on its own, the split
 * was probably wrong ("set plan to pro and set seats to 3 in the metadata of X"), so the sentence stays whole.
 */
function clausesOf(whole: Sentence, sentence: string, now: number): Unit[] {
  // "Tell me about Umbrella Corp: its slug and how many members it has": the part after the colon only says
  // which details matter; the read before it shows them all.
  const colon = sentence.match(/^(.+?):\s+([^⟦]+)$/);
  if (colon) {
    const head = parseSentence(subSentence(whole, colon[1]!), now);
    // "supabase template: allowed clock skew -> 30s": the part after the colon is the change, not a detail.
    const all = parseSentence(subSentence(whole, sentence), now);
    if (READ_KINDS.has(head.kind) && (READ_KINDS.has(all.kind) || PASSIVE_KINDS.has(all.kind))) {
      // "the app called foo: drop a scope from its scopes": the part after the colon acts on the topic before it.
      const topic = topicOf(colon[1]!);
      const acted = topic ? withTopic(colon[2]!, topic) : undefined;
      const change = acted ? parseSentence(subSentence(whole, acted), now) : undefined;
      if (acted && change && !READ_KINDS.has(change.kind) && !PASSIVE_KINDS.has(change.kind))
        return [{ masked: acted, verbLed: false }];
      // "…OAuth apps: names and the redirect URIs": the whole sentence may name extra columns for the same read.
      const joined = `${colon[1]!} with ${colon[2]!}`;
      const both = parseSentence(subSentence(whole, joined), now);
      return [{ masked: both.kind === head.kind && both.kind === 'named_list' ? joined : colon[1]!, verbLed: false }];
    }
  }
  const noun = sharedNoun(sentence);
  const units = splitClauses(sentence).map((u) => {
    const hostOnly = /⟦h\d+⟧/.test(u.masked) && !/⟦[ei]\d+⟧/.test(u.masked);
    if (!noun || (!hostOnly && !PASSIVE_KINDS.has(parseSentence(subSentence(whole, u.masked), now).kind))) return u;
    const borrowed = withSharedNoun(u.masked, noun);
    return borrowed && !PASSIVE_KINDS.has(parseSentence(subSentence(whole, borrowed), now).kind)
      ? { ...u, masked: borrowed }
      : u;
  });
  // "acme: name=X, max allowed memberships=60": a part that reads as nothing on its own, when the whole sentence is
  // one field edit, means the split was wrong (a list of fields, not a list of requests).
  if (units.length > 1 && units.some((u) => PASSIVE_KINDS.has(parseSentence(subSentence(whole, u.masked), now).kind))) {
    const all = parseSentence(subSentence(whole, sentence), now);
    if (
      (all.kind === 'org_update' || all.kind === 'user_update' || all.kind === 'named_update') &&
      Object.keys(all.fields).length > 1
    )
      return [{ masked: sentence, verbLed: false }];
  }
  if (!units.some((u) => u.verbLed)) return units;
  const instruction = new RegExp(`^${ACTION_VERB}\\b`, 'i');
  // "…, so please nuke it": the clause is whole once "it" borrows the resource another clause names.
  const borrowsResource = (masked: string): boolean => {
    if (!hasResourceAnaphor(masked)) return false;
    const filled = fillResourceAnaphor(
      masked,
      units.map((o) => o.masked).filter((o) => o !== masked),
    );
    return filled !== undefined && !PASSIVE_KINDS.has(parseSentence(subSentence(whole, filled), now).kind);
  };
  // (A clause that asks for a value by its field — "set Foo's plan to gold" — is read by the value reader after the
  // clause readers (value-swap.ts): beside another ask it is an ask of its own, even though the clause readers pass
  // it by.)
  const reading = (masked: string): Intent => {
    const clause = subSentence(whole, masked);
    const one = parseSentence(clause, now);
    if (!PASSIVE_KINDS.has(one.kind)) return one;
    return parseValueSwap({ ...clause, text: unmaskQuoted(clause.masked, clause.ents) }, true) ?? one;
  };
  const broken = units.some(
    (u) =>
      (u.verbLed || instruction.test(stripLead(u.masked))) &&
      !NEGATED.test(stripLead(u.masked)) &&
      !hasAnaphor(u.masked) &&
      !borrowsResource(u.masked) &&
      !refersToOrgOf(
        u.masked,
        units.filter((o) => o !== u).map((o) => parseSentence(subSentence(whole, o.masked), now)),
      ) &&
      PASSIVE_KINDS.has(parseSentence(subSentence(whole, u.masked), now).kind),
  );
  if (!broken) return units;
  // "unban X, boot Y out of Foo, and flip Z's promo flag off": two or more clauses that each ask for a
  // different change on their own are a list of requests, whatever the one left over says — read whole, the
  // sentence would make the other clauses targets of the first verb. (The clause not read is reported back.)
  const asks = units.map((u) => reading(u.masked)).filter((x) => !PASSIVE_KINDS.has(x.kind) && !READ_KINDS.has(x.kind));
  if (new Set(asks.map((x) => `${x.kind}:${'action' in x ? x.action : ''}`)).size >= 2) return units;
  return [{ masked: sentence, verbLed: false }];
}

// A person said by description (role holder, creator, nameless account, profile value), as a pronoun's antecedent.
const DESCRIBED_PERSON =
  /\bthe\s+profiled~[\w.~-]+|\bthe\s+nameless\s+user\b|\bthe\s+person\s+with\s+the\s+(?:admin|member|viewer|billing)\s+role\s+in\s+[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?|\bwhoever\s+created\s+(?:the\s+)?[A-Za-z][\w&'’-]*(?:\s+(?!org\b|organi[sz]ation\b)[A-Za-z][\w&'’-]*)?(?:\s+(?:org|organi[sz]ation))?/;

// "whoever holds the viewer role at foo", "whoever's the admin on the Foo org": the holder of one role in one organization.
const WHOEVER_HOLDS =
  /\bwhoever(?:['’]s|\s+is|\s+has|\s+holds)\s+(?:got\s+)?(?:the\s+)?(admin|member|viewer|billing)(?:\s+role)?\s+(?:on|in|at|of|for)\s+(?:the\s+)?(?!(?:org|organi[sz]ation|team|company)\b)([A-Za-z][\w&'’-]*)/i;

const PERSON_NOUN = '(?:individual|person|user|woman|man|lady|guy|one|account|member|colleague|teacher|admin)';
// "the guy who runs the Foo cohort", "the person who manages Foo": the holder of its admin role.
const WHO_RUNS = new RegExp(
  `\\bthe\\s+${PERSON_NOUN}\\s+(?:who|that)\\s+(?:currently\\s+)?(?:runs|leads|manages|heads|administers|is\\s+in\\s+charge\\s+of)\\s+(?:the\\s+)?([A-Z][\\w&'’-]*|[a-z][\\w&'’-]*(?=\\s+(?:org|organi[sz]ation|group|team|class|cohort|workspace)\\b))`,
  'i',
);

/**
 * A role holder in the forms the role readers take: "the person with the admin role in Foo" for one person ("the guy
 * who runs Foo"; the name capitalised, as DESCRIBED_PERSON reads it), "whoever has the admin role in Foo" when the
 * message did not say how many ("whoever's the admin …": "lock them" then means every holder).
 */
const roleHolder = (role: string, org: string, one: boolean): string =>
  one
    ? oneHolder(role.toLowerCase(), `${org[0]!.toUpperCase()}${org.slice(1)}`)
    : `whoever has the ${role.toLowerCase()} role in ${org}`;

const CHAT_SPEAKER = /^\s*\[?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*\]?\s*[^:.!?]{1,40}?:\s*/i;
const HEADER_LABEL = new RegExp(`^\\s*(?:${TICKET_ROLE_WORDS}|from|sent\\s+by)\\s*:`, 'i');

/**
 * Who a pronoun in clause `index` points at: the users named in the nearest other clause (earlier clauses first),
 * by placeholder or by one full name; failing that, the one person a report in the message is about ("ann from
 * support quit today. lock her").
 */
function antecedent(
  units: Unit[],
  index: number,
  isUserId: (token: string) => boolean,
  org: string | undefined,
  named: (masked: string) => string | undefined = () => undefined,
): string[] {
  // ("Raised by: the client's Finance Director", "Requested by: …": a ticket's header names who asked, never whom a
  // pronoun in the request means.)
  // ("[9:41 PM] kim: this guy x@y keeps spamming … ban him": who speaks a chat line is never whom a pronoun means.)
  const order = [...units.slice(0, index).reverse(), ...units.slice(index + 1)]
    .filter((u) => !HEADER_LABEL.test(u.masked))
    .map((u) => ({ ...u, masked: u.masked.replace(CHAT_SPEAKER, '') }));
  for (const u of order) {
    const tokens = userTokens(u.masked, isUserId);
    if (tokens.length > 0) return [...new Set(tokens)];
    // ("the one holding the billing role in Foo is taking over. she needs admin": a person said by description —
    // the holder of a role, whoever created an organization, the account with no name, the user a profile value
    // describes — is whom the pronoun means; resolve.ts finds them, and never guesses between several.)
    const holder = u.masked.match(DESCRIBED_PERSON) ?? u.masked.match(INVITER_TOKEN);
    // ("whoever created the Foo org" → "whoever created Foo": said before "'s metadata", the organization word would
    // make it read as the organization's own metadata.)
    if (holder)
      return [holder[0].replace(/^(whoever\s+created\s+)(?:the\s+)?(.+?)(?:\s+(?:org|organi[sz]ation))?$/i, '$1$2')];
    // ("whoever's the viewer at foo leaked it … lock her", "the guy who runs the Foo team …": a role holder, said as
    // the one form DESCRIBED_PERSON and the role readers take. Who set an organization up is already "whoever
    // created Foo" — the lexicon says it so — and is matched above.)
    const whoever = u.masked.match(WHOEVER_HOLDS);
    if (whoever) return [roleHolder(whoever[1]!, whoever[2]!, false)];
    const runner = u.masked.match(WHO_RUNS);
    if (runner) return [roleHolder('admin', runner[1]!, true)];
    const names = [...new Set(referents(u.masked, org, units.map((x) => x.masked).join(' ')))];
    if (names.length === 1) return names;
    if (names.length > 1) return [];
    // ("remove Peter from Foo, and also lock his account": the one person the nearer clause's request acts on
    // comes before whoever a farther report is about — "Bill asked me two things".)
    // (Only a clause that names someone itself: "unlock the account" points back, it names nobody.)
    const target = hasAnaphor(u.masked) ? undefined : named(u.masked);
    // ("She would like to join": a pronoun capitalised at a sentence start is no name.)
    if (target && /\p{Lu}/u.test(target) && !/^(?:she|he|they|it|i|we|you|her|him|them)$/i.test(target.trim()))
      return [target];
    // An organization the message is about is not a person ("Foo is shutting down").
    const subject = reportSubject(u.masked);
    if (subject && subject.toLowerCase() !== org?.toLowerCase()) return [subject];
  }
  // "pls unban sam taylor and clear … in his metadata": failing all that, the one person the nearest other clause's
  // request acts on, however it was typed (a lower-case name is no "full name" to the rules above).
  for (const u of order) {
    const target = named(u.masked);
    if (target) return [target];
  }
  return [];
}

/**
 * "Whoever holds guest at Foo quit. Switch that person to viewer.": a singular pronoun ("that
 * person", "him", "her") means one holder, so "whoever …" becomes "the person who …" (several holders → asked).
 */
function singularOf(masked: string, who: string[]): string[] {
  if (
    !/\b(?:(?:that|this|the)\s+(?:person|user|one|account|member|guy)|him|her)\b/i.test(masked) ||
    /\bthem\b/i.test(masked)
  )
    return who;
  return who.map((w) => w.replace(/^(?:whoever|anyone|anybody|someone)\b/i, 'the person who'));
}

/** The one user a clause's request names by name ("unban sam taylor" → "sam taylor"), if it names exactly one. */
function namedTarget(whole: Sentence, masked: string, now: number): string | undefined {
  const intent = parseSentence(subSentence(whole, masked), now) as {
    targets?: Ref[];
    users?: Ref[];
    memberRef?: Ref;
    user?: Ref;
  };
  // (A question about someone — "what orgs is jane doe in" — names them as much as a request does.)
  const about = intent.memberRef ?? intent.user;
  const refs = intent.targets ?? intent.users ?? (about ? [about] : []);
  return refs.length === 1 && refs[0]!.kind === 'name' ? refs[0]!.value : undefined;
}

/**
 * "make sofia admin there" when the message names no organization it can place: the role change names none, so
 * the planner reads the person's own organizations (one → that one, several → it asks).
 */
function withoutThere(sentence: string): string {
  return sentence.replace(
    /\b((?:admin|member|viewer|billing)s?)\s+(?:in\s+|over\s+)?there\b(?=\s*(?:[.!?,;]|too\b|as\s+well\b|$))/i,
    '$1',
  );
}

/**
 * "Grace Kim and Chris Park both work at Foo; lock the latter": "the former" / "the latter" is the first / last
 * of the people the nearest other clause names (by placeholder or full name, in the order said). Two or more
 * must be named there; otherwise nothing is filled (and the planner asks).
 */
function formerLatter(
  masked: string,
  units: Unit[],
  index: number,
  isUserId: (token: string) => boolean,
  org: string | undefined,
): string | undefined {
  const which = masked.match(/\bthe\s+(former|latter)\b/i);
  if (!which) return undefined;
  const order = [...units.slice(0, index).reverse(), ...units.slice(index + 1)];
  for (const u of order) {
    const people = [...u.masked.matchAll(/⟦[ei]\d+⟧|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+/g)]
      .map((m) => m[0])
      .filter((p) => (p.startsWith('⟦') ? userTokens(p, isUserId).length > 0 : personNames(p, org).length > 0));
    if (people.length >= 2) {
      const who = /former/i.test(which[1]!) ? people[0]! : people[people.length - 1]!;
      return masked.replace(which[0], who);
    }
  }
  return undefined;
}

// Words that start a report but are not somebody's name.
const NOT_PERSON =
  /^(?:i|we|you|he|she|it|they|this|that|there|these|those|the|a|an|our|my|your|his|her|their|its|someone|somebody|anyone|everyone|nobody|no|some|all|every|each|one|what|which|who|when|if|please|pls|hey|hi|hello|so|and|but|also|then|just|now|today|yesterday|compliance|security|legal|finance|support|hr|it|ops|team|management|customer|client|user|caller|sender|requester|manager|boss|someone|person|payments?|billing|accounting|accounts|procurement|sales|marketing|engineering|product|design|leadership|mods?|moderation|trust|safety|admins?|staff|everybody|qa|devops|infra|platform|it's)$/i;

/** The person a report is about, written in lower case ("ann lee quit", "bob from support lost …"). */
function reportSubject(masked: string, anyVerb = false): string | undefined {
  // An organization's report may use any past-tense verb ("foo renewed", "foo bought more seats").
  if (anyVerb) {
    // ("Bill emailed: …", "Ann wrote …": whoever writes or calls is a person, not the organization.)
    if (
      /^(?:[\w'’-]+\s+){1,2}(?:emailed|wrote|mailed|messaged|pinged|called|texted|asked|replied|mentioned|said|told|reported|complained)\b/i.test(
        masked,
      )
    )
      return undefined;
    const org = masked.match(
      /^(?:(?:so|and|but|also|btw|fyi)[,\s]+)*([A-Za-z][\w&'’-]+(?:\s+(?!(?:is|was|has|had|are|were|have|went|got|became|underwent)\b)[A-Za-z][\w&'’-]+)?)\s+(?:just\s+|recently\s+|currently\s+|now\s+|still\s+|already\s+)?(?:[a-z]+ed|bought|sold|grew|paid|signed(?!\s+off)|is|was|has|had|have|went|got|became|underwent)\b/,
    );
    if (org && !org[1]!.split(/\s+/).some((w) => NOT_PERSON.test(w))) return org[1];
    return undefined;
  }
  const m = masked.match(
    /^(?:(?:hey|hi|so|and|but|also|btw|fyi|ok|first(?:ly)?|second(?:ly)?|third(?:ly)?|next|then|lastly|finally|plus|additionally|meanwhile|oh)[,\s]+)*([A-Za-z][\w'’-]+(?:\s+[A-Za-z][\w'’-]+)?)(?:\s+(?:from|in|at|on)\s+(?:the\s+)?[\w-]+(?:\s+(?!(?:just|already|recently|has|had)\b)[a-z][\w-]*)?(?:\s+team)?)?\s+(?:(?:just|already|recently|has|had)\s+)?(?:moved|left|lost|quit|joined|changed|switched|transferred|resigned|retired|finished|started|forgot|went|signed(?!\s+off)|registered|enrolled|emailed|wrote|married|is|was|has|had|says|said|got|thinks|believes|noticed|came|visited|phoned|telephoned|rang|popped|dropped|stopped|(?:has|had|is|was|does|did)n['’]t|never)\b/,
  );
  if (!m) return undefined;
  // ("Kim's phone got nicked … log her out": the report is about a thing of Kim's, and Kim is the person.)
  if (/^(?:she|he|they|it|i|we|you)\b/i.test(m[1]!)) return undefined;
  const owner = m[1]!.match(/^([A-Z][\w-]*)(?:'s|’s)\s+[a-z][\w-]*$/)?.[1];
  if (owner) return NOT_PERSON.test(owner) ? undefined : owner;
  const words = m[1]!.split(/\s+/);
  if (words.some((w) => NOT_PERSON.test(w))) return undefined;
  return m[1];
}

// "that", "the new name": a value said by pointing at another clause. "the org", "it": an organization not named.
const VALUE_ANAPHOR = /^(?:that|this|it|the\s+new\s+(?:one|name))$/i;
const ORG_WORD =
  /^(?:(?:the|our|their|its)\s+)?(?:org|organi[sz]ation|company|it|its|their|them)$|^(?:the|a|an|our|their|its)$/i;
// "Foo rebranded to Foo Group", "Foo is now called Foo Group", "Foo changed its name to Foo Group".
const RENAMED =
  /\b(?:rebranded|renamed\s+itself|changed\s+(?:its|their)\s+name)\s+(?:to|as)\s+([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})|\bis\s+now\s+called\s+([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})/;

// Fields of the small named resources (JWT templates, OAuth apps).
const FIELD_WORD = /\b(?:lifetime|clock\s+skew|scopes?|redirect\s+ur[il]s?|callback|claims?|pkce|consent)\b/i;

const THAT_INVITATION = /\b(?:that|this|the\s+same|said)\s+(invit(?:e|ation))\b(?!\s+(?:to|for)\b)/i;

/**
 * "An invite went to x@y.test by mistake. Cancel that invitation.": "that invitation" is the one invitation whose
 * address another clause of the message names next to the word invite. Exactly one address, or nothing is filled.
 */
function fillInvitation(masked: string, others: string[]): string | undefined {
  return fillThat(masked, others, THAT_INVITATION, /⟦e\d+⟧/g, 'the $1 to %', /\binvit/i);
}

const THAT_APP =
  /\b(?:that|this|the\s+same|said)\s+(?:o-?auth\s*2?\s+)?(?:app|application|client|integration|connector)\b/i;

/**
 * "The tool ("Foo Sync") reads too much. Drop a scope from that application.": an app
 * named only by "that application" is the one quoted name of the message's other clauses.
 */
function fillQuotedApp(masked: string, others: string[]): string | undefined {
  return fillThat(masked, others, THAT_APP, /⟦q\d+⟧/g, 'the % oauth app');
}

/**
 * "that invitation", "that application": the one placeholder of `token`'s kind the other clauses name (only those
 * matching `among`, when given) takes the place of `that` (`%` in `into`); nothing when the clause already names
 * one, or the others name none or several.
 */
function fillThat(
  masked: string,
  others: string[],
  that: RegExp,
  token: RegExp,
  into: string,
  among?: RegExp,
): string | undefined {
  if (!that.test(masked) || new RegExp(token.source).test(masked)) return undefined;
  const tokens = new Set(
    others.filter((o) => !among || among.test(o)).flatMap((o) => [...o.matchAll(token)].map((m) => m[0])),
  );
  if (tokens.size !== 1) return undefined;
  return masked.replace(that, into.replace('%', [...tokens][0]!));
}

export function stripLead(masked: string): string {
  return masked.replace(/^(?:(?:ok|okay|so|and|but|please|also|then)[,\s]+)+/i, '');
}

/** A clause phrased as a request to see something (not a statement of fact). */
function asksToRead(s: Sentence): boolean {
  const c = core(s);
  return /\?\s*$/.test(s.masked) || new RegExp(`^(?:${READ.source}|${COUNT.source})`, 'i').test(c);
}

/**
 * "foo bought more seats, raise their member limit to 20", "Foo upgraded — set plan to X in the org's metadata": an
 * organization change that names none ("the org", "their org") takes the organization a report in the message is
 * about (another clause, or the lead-in before a dash in the same clause).
 */
// "… bump our cap to 25. do it for foo labs thx": the organization a bare "do it for X" names.
const DO_IT_FOR =
  /^(?:(?:pls|please|and|so|then|ok)\s+)*(?:do|apply|make|set|change)\s+(?:it|this|that|the\s+same)(?:\s+(?:change|update|edit|one))?\s+(?:for|on|to|in)\s+(?:the\s+)?(?!(?:me|us|him|her|them|everyone|all)\b)([\w&.'-]+(?:\s+[\w&.'-]+){0,2}?)(?:\s+(?:org|organi[sz]ation|team|company|workspace))?(?:\s+(?:thx|thanks|ty|pls|please|asap|too|now))*\s*[.!]?$/i;

function withReportedOrg(intent: Intent, masked: string, others: string[]): Intent {
  if (intent.kind !== 'org_update' || (intent.org && !ORG_WORD.test(intent.org.value))) return intent;
  const lead = masked.split(/\s+[—–]+\s+|\s+--?\s+/);
  const subject =
    others.map((o) => o.match(DO_IT_FOR)?.[1]).find((n) => n !== undefined) ??
    [...others, ...(lead.length > 1 ? [lead[0]!] : [])].map((o) => reportSubject(o, true)).find((n) => n !== undefined);
  return subject ? { ...intent, org: { kind: 'name', value: subject } } : intent;
}

/** "Pepper at Foo signed … set the seat limit to 40": a settings change that names no organization takes the one
 * the message names (only when it names exactly one; otherwise the planner asks). */
function withMessageOrg(intent: Intent, org: string | undefined): Intent {
  if (intent.kind !== 'org_update' || intent.org || !org) return intent;
  return { ...intent, org: { kind: 'name', value: org } };
}

/**
 * "the pending Foo invite Bob sent - cancel it", "whoever has viewer in Foo -> bump to member": a request that
 * points back at (or leaves out) its object takes the topic another clause names (nearest earlier first), when the
 * result parses as a request (topic.ts).
 */
function topicFilled(whole: Sentence, masked: string, units: Unit[], index: number, now: number): string | undefined {
  const order = [...units.slice(0, index).reverse(), ...units.slice(index + 1)];
  for (const o of order) {
    const topic = topicOf(o.masked);
    const filled = topic ? withTopic(masked, topic) : undefined;
    const intent = filled ? parseSentence(subSentence(whole, filled), now) : undefined;
    // (It must act on the kind of record the topic names: a domain topic never becomes a user's deletion.)
    const resource = intent && 'resource' in intent ? intent.resource : undefined;
    if (filled && intent && !PASSIVE_KINDS.has(intent.kind) && fitsTopic(topic!, intent.kind, resource)) return filled;
  }
  return undefined;
}
