/**
 * A setting taken off a record, said without the word "metadata" (issue 15, round 17): "take that newsletter
 * flag off his login", "get rid of the holiday hours bit from Foo's info", "remove the pager setting from
 * Joanna's profile". People name a metadata key by what it is about and a word for a setting ("thing", "bit",
 * "setting", "field", "flag", "entry" …), right after the verb that removes it.
 *
 * Rule: the object of a removing verb is "<words> <setting word>". That object is a setting, never a person, a
 * membership or an organization, so any reading that acts on one of those is wrong. The words before the setting
 * word are the key's words: the records the message names are read (value-swap.ts) and the one key of theirs made of
 * those words is removed; none or several → nothing is proposed and the admin is told why. The key is found in the
 * data, never made up from the words, and the approval card shows which key of whom.
 */
import { type Sentence, unmaskQuoted } from './entities.js';
import type { Intent } from './intent-types.js';

const SETTING_WORD =
  '(?:thing|things|bit|bits|setting|settings|field|flag|entry|key|value|tag|note|line|detail|details|option|attribute|property|info)';
const OWNER = String.raw`(?:the|that|this|those|her|his|their|its|[\w’'-]+['’]s)`;
// "take that beta flag off", "take the old holiday hours bit out of …"
const TAKE_OFF = new RegExp(
  String.raw`\btake\s+(?:${OWNER}\s+)?((?:[\w-]+\s+){1,3}?)${SETTING_WORD}\s+(?:off|out|away)\b`,
  'i',
);
// "get rid of the holiday hours bit", "remove the pager setting", "delete his nickname field"
const REMOVE_THE = new RegExp(
  String.raw`\b(?:get\s+rid\s+of|remove|delete|drop|clear|erase|wipe|strip(?:\s+out)?|take\s+(?:off|out|away))\s+(?:${OWNER}\s+)?((?:[\w-]+\s+){1,3}?)${SETTING_WORD}\b`,
  'i',
);
// Words that say which record or what kind of record, not which key.
const NOT_KEY_WORDS =
  /^(?:old|whole|entire|current|account|profile|user|org|organi[sz]ation|same|other|extra|that|this|custom|metadata)$/i;

const FUNCTION_WORD =
  /^(?:to|of|for|from|on|in|at|with|and|or|up|out|off|the|a|an|his|her|their|my|our|your|its|it|is|are|was|be|so|too|all|some|any|this|that|these|those|him|them|me|us)$/i;

/** The words of the key a message asks to take off, or undefined when no setting is the object of a removal. */
export function settingRemoved(text: string): string | undefined {
  const m = text.match(TAKE_OFF) ?? text.match(REMOVE_THE);
  if (!m) return undefined;
  const said = m[1]!.trim().split(/\s+/);
  // ("wipe her account so things are tidy": words a key's name is never made of say no key.)
  if (said.some((w) => FUNCTION_WORD.test(w))) return undefined;
  const words = said.filter((w) => !NOT_KEY_WORDS.test(w));
  return words.length > 0 ? words.join(' ') : undefined;
}

/**
 * The message read as a setting removal when it says one (the planner finds the key in the data), else the reading
 * as it was. A reading that already removes a metadata key is kept.
 */
export function withSettingRemoval(intent: Intent, said: Sentence): Intent {
  // (Read from the masked words, which accounting.ts narrows clause by clause; the text unmasked from them.)
  const text = unmaskQuoted(said.masked, said.ents);
  if (/\bmeta[\s_-]?data\b/i.test(text)) return intent;
  const keyText = settingRemoved(text);
  if (!keyText) return intent;
  // Only a reading that acts on a person, a membership or a whole record — what a setting is not — or none at all is
  // replaced; any other reading (a list entry, a field change, a key removed) stays as the readers made it.
  if (!REPLACED.has(intent.kind)) return intent;
  if (OTHER_THINGS.test(text)) return intent;
  return { kind: 'value_swap', to: '', text, remove: true, keyText };
}

const REPLACED = new Set<Intent['kind']>([
  'unknown',
  'smalltalk',
  'help',
  'membership_remove',
  'org_delete',
  'user_action',
]);
// A message about an allowlist or blocklist entry, an invitation, a session, a domain, a role, a scope or a claim:
// the entry, not a metadata key, is what comes off.
const OTHER_THINGS =
  /\b(?:allow[\s-]?list|block[\s-]?list|white[\s-]?list|black[\s-]?list|invit\w*|sessions?|domains?|roles?|scopes?|claims?|redirect|template|oauth|app)\b/i;
