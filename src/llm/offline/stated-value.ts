/**
 * A value stated as news, then a request to record it: "<org> <changed> to <value>, … update the <key> in its
 * metadata". Rule: the new value is only taken when the message states it outright ("<verb of change> to
 * <value>") and names the key it updates; otherwise the usual parse applies and the planner asks for the value.
 * The organization is the subject of the news sentence.
 */
import type { Sentence } from './entities.js';
import type { Intent, Ref } from './intent-types.js';
import { personNames } from './org-context.js';
import { NOT_UPDATE } from './phrases.js';
import { orgRef } from './refs.js';

const NEWS =
  /(?:^|[.;!]\s+|,\s+)((?:[A-Za-z][\w&-]*)(?:\s+[A-Z][\w&-]*){0,2})\s+(?:has\s+|have\s+|just\s+|finally\s+)*(?:upgraded|downgraded|moved|switched|changed|went|migrated)\s+(?:from\s+(?:the\s+)?[\w-]+\s+)?to\s+(?:the\s+)?([\w-]+)(?:\s+(?:plan|tier))?\b/i;
const RECORD =
  /\b(?:update|set|change|record|reflect|put|fix)\s+(?:the\s+|their\s+|its\s+)?(plan|tier|subscription|package)\b[^.]*\bmetadata\b/i;
const PRONOUN = /^(?:we|they|it|he|she|i|you|the customer|the client|our customer)$/i;

/** An org metadata update when the message states the new value and names the key; otherwise undefined. */
export function parseStatedValue(whole: Sentence): Intent | undefined {
  const news = whole.masked.match(NEWS);
  const record = whole.masked.match(RECORD);
  if (!news || !record) return undefined;
  const subject = news[1]!.trim();
  if (PRONOUN.test(subject) || /⟦/.test(subject)) return undefined;
  const org = orgRef(subject, whole.ents);
  if (!org) return undefined;
  const which = /\bprivate\b/i.test(whole.masked) ? 'private_metadata' : 'public_metadata';
  return { kind: 'org_update', org, fields: { [which]: { [record[1]!.toLowerCase()]: news[2]!.toLowerCase() } } };
}

// "Fooco rebranded to Fooco Group", "Barco is now called Barco Labs": a new name stated as news.
const RENAMED =
  /(?:^|[.;!]\s+)([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})\s+(?:(?:has|have|just|recently|finally|officially)\s+)*(?:rebranded(?:\s+itself)?|renamed itself|(?:was|has been|got|is being)\s+renamed|changed (?:its|their) name|is now (?:called|named|known as)|will be (?:called|known as))\s+(?:to\s+|as\s+)?(⟦q\d+⟧|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})/;
const THE_ORG = /\bthe\s+(?:org|organi[sz]ation|company|customer|client|team)\b(?!\s+(?:called|named)\b)/gi;
const TO_THAT = /\b(to|as)\s+(?:that|this|the new (?:name|one|brand)|their new name|its new name|it)\b/gi;

/**
 * A message that states an organization's new name as news, then asks to "update the org's name to that": the
 * rest of the message is read with "the org" as that organization and "that" as the new name. Rule: only when
 * the news names both, and only the sentences after the news are rewritten; otherwise the message is unchanged.
 */
export function withStatedName(whole: Sentence): Sentence {
  const news = whole.masked.match(RENAMED);
  if (!news || news.index === undefined) return whole;
  const subject = news[1]!.trim();
  const name = news[2]!.replace(/[.,;]+$/, '').trim();
  if (PRONOUN.test(subject) || subject.toLowerCase() === name.toLowerCase()) return whole;
  const end = news.index + news[0].length;
  const rest = whole.masked
    .slice(end)
    .replace(THE_ORG, `the ${subject} organization`)
    .replace(TO_THAT, (_m, to: string) => `${to} ${name}`)
    // "update the organization's name accordingly": the name asked for is the new one.
    .replace(
      /\b((?:update|change|set|fix|correct|adjust)\b[^.]*?\bname)\b(?!\s+(?:to|as)\b)(?:\s+(?:accordingly|too|as well))?/i,
      `$1 to ${name}`,
    );
  if (rest === whole.masked.slice(end)) return whole;
  return { ...whole, masked: `${whole.masked.slice(0, end)}${rest}` };
}

const NEW_FIELD =
  /\b(?:[Hh]er|[Hh]is|[Tt]heir|[Mm]y)\s+new\s+(first name|last name|family name|surname|name|username)\b,?\s+(?:which\s+is|that\s+is|is|will\s+be|should\s+be)\s+(?:now\s+)?["'“]?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}|[a-z][\w.-]*\w)/;
const ASKS_UPDATE = /\b(?:update|change|fix|correct|set|reflect|show|amend|edit)\b/i;
const FIELD_KEY: Record<string, string> = {
  'first name': 'first_name',
  'last name': 'last_name',
  'family name': 'last_name',
  surname: 'last_name',
  username: 'username',
};

/**
 * "Ann Lee … wants her profile to show her new surname, which is Lee-Park. Could you change it?":
 * a new value stated for a person's field, plus a request to update. Rule: the value is stated outright ("her new
 * <field> is/which is <Value>"), the message asks for an update, and exactly one person is named (by full name or
 * email); otherwise the usual parse applies.
 */
export function parseStatedField(whole: Sentence): Intent | undefined {
  return parseNameChange(whole) ?? parseNewField(whole);
}

// A field and its new value stated as news about the person, in any of the usual ways.
const NAME_FIELD = '(first name|given name|last name|family name|surname|username|user name)';
const CAPITAL = "([A-Z][\\w'’-]*(?:-[A-Z][\\w'’-]*)?)";
const STATED: readonly RegExp[] = [
  NEW_FIELD,
  // "she goes by a different surname these days, Lee-Park", "he uses a new last name professionally: Park"
  new RegExp(
    `\\b(?:uses?|using|goes\\s+by|going\\s+by|has|took|takes|prefers?|picked|chose)\\s+(?:a|an|the)\\s+(?:different|new|other)\\s+${NAME_FIELD}(?:\\s+(?!(?:and|but)\\b)[a-z]+){0,4}\\s*[,:–—-]\\s*${CAPITAL}(?=\\s*[.,;(!?)]|\\s*$)`,
  ),
  // "his surname is now Park", "her last name has changed to Lee-Park", "my surname changed to Okafor"
  new RegExp(
    `\\b(?:[Hh]er|[Hh]is|[Tt]heir|[Mm]y)\\s+${NAME_FIELD}\\s+(?:is\\s+now|has\\s+(?:now\\s+)?changed\\s+to|changed\\s+to|has\\s+become|became|will\\s+now\\s+be)\\s+["'“]?${CAPITAL}`,
  ),
];
const FIELD_KEYS: Record<string, string> = { 'given name': 'first_name', 'user name': 'username' };
// "don’t update it yet" (any apostrophe): the update is what is not asked.
const NOT_NOW = new RegExp(NOT_UPDATE.source.replace("don'?t", "don['’]?t"), 'i');
// A message that also asks for another action is read clause by clause (this reader would drop it).
const OTHER_ACTION =
  /\b(?:ban|unban|lock|unlock|delete|remove|invite|revoke|suspend|block|sign\s+(?:him|her|them)\s+out)\b/i;

/**
 * "please update my name from Ann Lee to Ann Park (login ann@x.test)": a full name said as from OLD to NEW changes
 * only the parts that differ. The person is the one address the message gives, else the old name itself.
 */
// "Ann Lee is now Ann Park, can you update her profile?": a person's full name is now another (said of a person:
// the message talks about her/his/my profile, account, name or surname, or a marriage).
const NOW_NAMED =
  /\b([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2})\s+(?:is\s+now|has\s+become|will\s+now\s+be|goes\s+by)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2})\b/;
const ABOUT_PERSON =
  /\b(?:her|his|my)\s+(?:profile|account|name|surname|record|login)\b|\bmarri(?:ed|age)\b|\bsurname\b/i;

function parseNameChange(whole: Sentence): Intent | undefined {
  const now = whole.masked.match(NOW_NAMED);
  const m =
    now && ABOUT_PERSON.test(whole.masked)
      ? now
      : whole.masked.match(
          /\bname\b[^.?!]*?\bfrom\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2})\s+to\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2})\b/,
        );
  if (!m || !ASKS_UPDATE.test(whole.masked) || NOT_NOW.test(whole.masked) || OTHER_ACTION.test(whole.masked))
    return undefined;
  // ("FYI Dave Lee is now …": a lead word is no part of the name.)
  const was = m[1]!.replace(
    /^(?:(?:FYI|Fyi|Also|So|Btw|BTW|PS|Note|Update|Hi|Hey|Hello|After|Since|Now|Today|And|But)\s+)+/,
    '',
  );
  const fields = nameDiff(was, m[2]!);
  if (!fields) return undefined;
  const emails = [...new Set(whole.ents.emails)];
  if (emails.length > 1) return undefined;
  const target: Ref = emails.length === 1 ? { kind: 'email', value: emails[0]! } : { kind: 'name', value: was };
  return { kind: 'user_update', target, fields };
}

/** The name fields that differ between a full name and the new one ("Ann Lee" → "Ann Park": last_name only). */
export function nameDiff(before: string, after: string): Record<string, string> | undefined {
  const [was, now] = [before.trim().split(/\s+/), after.trim().split(/\s+/)];
  if (was.length < 2 || now.length < 2) return undefined;
  const fields: Record<string, string> = {};
  if (was.slice(0, -1).join(' ') !== now.slice(0, -1).join(' ')) fields.first_name = now.slice(0, -1).join(' ');
  if (was.at(-1) !== now.at(-1)) fields.last_name = now.at(-1)!;
  return Object.keys(fields).length > 0 ? fields : undefined;
}

function parseNewField(whole: Sentence): Intent | undefined {
  const m = STATED.map((re) => whole.masked.match(re)).find((x) => x !== null);
  if (!m || !ASKS_UPDATE.test(whole.masked)) return undefined;
  if (m !== whole.masked.match(NEW_FIELD) && OTHER_ACTION.test(whole.masked)) return undefined;
  // "…but don't update it yet": the update is what is not asked.
  if (NOT_NOW.test(whole.masked)) return undefined;
  const emails = [...new Set(whole.ents.emails)];
  const names = [...new Set(personNames(whole.masked, undefined))].filter((n) => !n.includes(m[2]!));
  const target: Ref | undefined =
    emails.length === 1
      ? { kind: 'email', value: emails[0]! }
      : emails.length === 0 && names.length === 1
        ? { kind: 'name', value: names[0]! }
        : undefined;
  if (!target) return undefined;
  const field = m[1]!.toLowerCase().replace(/\s+/g, ' ');
  const value = m[2]!;
  // A lower-case word is a value only for a username ("her new name is unknown" names nobody).
  if (field !== 'username' && !/^[A-Z]/.test(value)) return undefined;
  if (field === 'name') {
    const parts = value.split(/\s+/);
    return {
      kind: 'user_update',
      target,
      fields:
        parts.length === 1
          ? { first_name: value }
          : { first_name: parts.slice(0, -1).join(' '), last_name: parts.at(-1) },
    };
  }
  return { kind: 'user_update', target, fields: { [FIELD_KEY[field] ?? FIELD_KEYS[field]!]: value } };
}
