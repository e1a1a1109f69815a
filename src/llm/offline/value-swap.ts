/**
 * A change said by its values, not by its field (round 13): "his card reads Grade 6 — please change it to
 * Grade 7", "the club takes eight at most; bump that up to twelve", "he logs in as "rajp"; he'd rather it be
 * raj.p". People name the value they see, rarely the setting that holds it.
 *
 * Rule: the message says a new value ("change/set/make/raise … to V", "make it V", "like this: V", a quoted value
 * someone wants) and names one user or one organization. The record is read, and the field to change is the one
 * whose current value the message also says — a username, a top-level metadata value, an organization's member
 * limit or slug (a name only when the message speaks of a name). Exactly one field must hold a value said; none or
 * several → nothing is proposed and the admin is told why. The field is found in the data, never guessed from words,
 * and the card shows the old and the new value.
 */
import { type Sentence, unmaskQuoted } from './entities.js';
import type { Fields, Intent } from './intent-types.js';
import { recordsNamed, usersNamed } from './listed-names.js';
import { say } from './mutation-step.js';
import { NUMBER_WORDS } from './number-words.js';
import type { PlanContext, PlanStep } from './plan-context.js';
import { planOrgUpdate } from './plan-orgs.js';
import { onlyLimits } from './constraints.js';
import { escapeRe } from './mentioned.js';
import { NOT_REMOVED } from './field-frames.js';
import { METADATA, planUserUpdate } from './plan-users.js';
import { LISTED_USERS, readFailed } from './resolve.js';
import { asObject, asPage, type OrgRow, toOrg, toUser, type UserRow } from './results.js';

type Swap = Extract<Intent, { kind: 'value_swap' }>;

// A value: quoted, a number (or number word), or up to three words before the clause ends (a dash standing alone
// starts an aside: "to 204 - she moved offices").
const VALUE = `(?:"([^"\\n]{1,60})"|'([^'\\n]{1,60})'|“([^”\\n]{1,60})”|([^\\s,;!?"]+(?:\\s+(?!(?:please|pls|for|so|because|as|and|but|if|thanks?|thank|now|instead|then|from|in|on|when|before|after)\\b)(?![-–—](?:\\s|$))[^\\s,;!?".]+){0,2}))`;
// How a form of saying a new value is read. `bare`: an unquoted value must look like one (a number, a capitalised
// name, a token with a digit, dot, @ or underscore — "to match", "make that change" say no value). `plain`: a plain
// lower-case word is taken when the message also says the value held now. `yesNo`: a yes/no value is taken (it goes
// only to a key that holds one — keysNamedOf). `pair`: an old and a new value side by side, never read in a clause
// alone ("Elena is transferring from Acme to Initech" reports a move).
interface NewValueForm {
  re: RegExp;
  bare?: boolean;
  plain?: boolean;
  yesNo?: boolean;
  pair?: boolean;
}
const NEW_VALUE: readonly NewValueForm[] = [
  // "alter it to V", "push the cap to V", "be amended to: V"
  {
    re: new RegExp(
      `\\b(?:chang|set|mak|fix|updat|correct|alter|switch|rais|increas|bump|lower|reduc|amend|edit)\\w*\\b[^.?!\\n,;]{0,80}\\bto\\b\\s*:?\\s*${VALUE}`,
      'i',
    ),
    bare: true,
    plain: true,
    yesNo: true,
  },
  // "make it V"
  { re: new RegExp(`\\bmake\\s+(?:it|that|this)\\s+${VALUE}`, 'i'), bare: true },
  // "it reads basic, that ought to read gold now", "it should read gold"
  {
    re: new RegExp(`\\b(?:needs?|should|has|have|ought)\\s+to\\s+(?:say|read|be|show)\\s+(?:now\\s+)?${VALUE}`, 'i'),
    bare: true,
    plain: true,
  },
  { re: new RegExp(`\\bshould\\s+(?:now\\s+)?(?:say|read|show)\\s+${VALUE}`, 'i'), bare: true, plain: true },
  // "the plan from "pro" to "enterprise"", "from basic → gold": an old and a new value side by side, whatever verb
  // (or none) goes with them.
  {
    re: new RegExp(
      `\\bfrom\\s+(?:"[^"\\n]{1,60}"|'[^'\\n]{1,60}'|“[^”\\n]{1,60}”|[^\\s,;!?"]+)\\s+(?:to|into|→|->)\\s+${VALUE}`,
      'i',
    ),
    pair: true,
  },
  // "… this title to "Chairman" change": a quoted new value after "to", the verb anywhere in the sentence.
  {
    re: /\b(?:to|into)\s+(?:"([^"\n]{1,60})"|“([^”\n]{1,60})”)(?=[^.?!\n]{0,40}\b(?:chang|set|updat|correct|amend|alter|switch|edit|modif|renam))/i,
  },
  {
    re: /\b(?:chang|set|updat|correct|amend|alter|switch|edit|modif)\w*\b[^.?!\n]{0,120}\b(?:to|into)\s+(?:"([^"\n]{1,60})"|“([^”\n]{1,60})”)/i,
  },
  // "like this: V"
  { re: new RegExp(`\\blike\\s+(?:this|so)\\s*:\\s*${VALUE}`, 'i') },
  // "(she) wanted "V"", "would like it to be "V"": a wish, only with a quoted value
  {
    re: /\b(?:wanted|wants|would\s+like|'d\s+like|prefers?)\s+(?:it\s+(?:to\s+(?:be|say|read)\s+)?)?(?:"([^"\n]{1,60})"|“([^”\n]{1,60})”)/i,
  },
];

// A change that is not of a value: a role, a lock, a membership — other readers' business.
const NOT_A_VALUE =
  /\b(?:admin(?:istrator)?|member|viewer|owner|role|ban(?:ned)?|lock(?:ed)?|unlock|delete|remove|invite|invitation|session|sign\s+out)\b/i;

// A key taken out of metadata: "erase the customer identifier held in her private metadata", "the entry "x" in Foo's
// public metadata shall be deleted".
// (Whole words only: "stripe_customer_id" is no "strip", "clearly" no "clear".)
const REMOVES =
  /\b(?:remov(?:e|ed|es|ing|al)|delet(?:e|ed|es|ing|ion)|eras(?:e|ed|es|ing|ure)|drop(?:s|ped|ping)?|clear(?:s|ed|ing)?|unset|wip(?:e|ed|ing)|purg(?:e|ed|es|ing)|strip(?:s|ped|ping)?|get\s+rid\s+of)\b/i;

// A sentence saying what stays as it is ("the plan entry shall remain", "all other keys are to be retained").
const STAYS =
  /\b(?:remain|remains|stay|stays|retained|kept|preserved|untouched|unchanged|left\s+(?:as\s+(?:it\s+)?is|alone|untouched)|as\s+(?:it|they)\s+(?:is|are|stands?)|(?:not|never)\s+be\s+(?:altered|changed|touched|modified))\b/i;

/** The text without its sentences that only limit the request (constraints.ts): a key named there is not the one to
 * change. */
const withoutLimits = (text: string): string =>
  text
    .split(/(?<=[.!?;])\s+|\n+/)
    .filter((t) => !onlyLimits(t))
    .join(' ');

// A key as typed in a message ("stripe_customer_id", "billingRef"): how a private key is named when the record's
// private metadata is not shown to the model (agent/compact.ts leaves it out).
const KEY_TOKEN = /(?<![\w.@-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]+)+)(?![\w@-]|\.\w)/g;

/**
 * A change said by an old and a new value, or undefined when the message says no new value. A `clause` of a longer
 * message is read only when it asks (a verb of change, "please", "needs to"), never by its "from X to Y" alone
 * ("Elena is transferring from Acme to Initech" reports a move, it asks for no value).
 */
export function parseValueSwap(whole: Sentence, clause = false): Intent | undefined {
  if (clause && !CLAUSE_ASKS.test(whole.text)) return undefined;
  // (Unmasked from the words being read, which accounting.ts narrows clause by clause: the reading then says which
  // words it came from.)
  const text = unmaskQuoted(whole.masked, whole.ents);
  // (A key removed: the record is read and the key found in it by the words the message names it with.)
  if (/\bmetadata\b/i.test(whole.masked) && REMOVES.test(text) && !NOT_REMOVED.test(text))
    return { kind: 'value_swap', to: '', text, remove: true };
  for (const form of NEW_VALUE) {
    if (clause && form.pair) continue;
    const m = text.match(form.re);
    if (!m) continue;
    const to = m
      .slice(1)
      .find((g) => g !== undefined)
      ?.trim()
      // (An unquoted value ends where its sentence does: "like this: raj.p. Thanks …".)
      .split(/[.:](?=\s|$)/)[0];
    if (!to || NOT_A_VALUE.test(to)) return undefined;
    const quoted = m.slice(1, 4).some((g) => g !== undefined);
    // A plain lower-case word ("her badge says bronze, change that to silver") only when the message also
    // says the value it has now: the planner changes only a field that holds a value said.
    const plainWord =
      !!form.plain &&
      /^[a-z][a-z-]{1,30}$/.test(to) &&
      !NOT_A_PLAIN_VALUE.has(to) &&
      saysCurrent(text, to) &&
      new RegExp(`\\s${escapeRe(to)}$`).test(m[0]);
    // (…or when the word before "to" is the key, said as someone's: "set Ann's shift to early" — the planner then
    // writes only a key of that name the record already has.)
    // (Never a participle of the request — "no other person's access is to be changed" — nor a key of "no one".)
    const keyedWord =
      !!form.plain &&
      /^[a-z][a-z-]{1,30}$/.test(to) &&
      !NOT_A_PLAIN_VALUE.has(to) &&
      !/^(?:changed|updated|altered|modified|touched|affected|removed|deleted|kept|retained|set|done|made|fixed)$/.test(
        to,
      ) &&
      !/\b(?:no|none|nobody|no\s+one)\b/i.test(m[0]) &&
      new RegExp(
        `(?:['’]s|\\b(?:the|their|his|her|its))\\s+[a-z][a-z_]{2,30}\\s+to\\s+${escapeRe(to)}(?![\\w-]|\\s+\\w)`,
      ).test(m[0].split(/[.:](?=\\s|$)/)[0]!);
    const yesNo = !!form.yesNo && boolOf(to) !== undefined;
    const looksLikeValue = numberOf(to) !== undefined || /^\p{Lu}|[\d._@]/u.test(to);
    if (form.bare && !quoted && !plainWord && !keyedWord && !yesNo && !looksLikeValue) return undefined;
    return { kind: 'value_swap', to, text };
  }
  return undefined;
}

const CLAUSE_ASKS =
  /\b(?:please|pls|plz|can\s+(?:you|u)|could\s+(?:you|u)|needs?\s+to|should|has\s+to|must|chang\w*|set|make|updat\w*|fix|correct|amend)\b/i;

// Words after "to" that are no value: "change it to match", "set it to reflect this", "fix it to be …".
const NOT_A_PLAIN_VALUE = new Set(
  'match reflect be do say read show use make fix sort get have it this that them him her me us you the a an what whatever something someone anything the same same mine his hers theirs'.split(
    ' ',
  ),
);

// "her badge says bronze", "his tier reads basic", "it currently shows basic": a value held now, said.
function saysCurrent(text: string, to: string): boolean {
  const m = text.match(
    /\b(?:says?|reads?|shows?|is|are|was|currently|still|set\s+(?:to|as))\s+(?:still\s+|currently\s+|set\s+to\s+)?(?:on\s+)?"?([a-z][\w-]*)/gi,
  );
  return (m ?? []).some((x) => !x.toLowerCase().endsWith(to.toLowerCase()));
}

/** The yes/no a value stands for ("false", "off", "no"), or undefined. */
function boolOf(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  return /^(?:true|yes|on|enabled)$/.test(v) ? true : /^(?:false|no|off|disabled)$/.test(v) ? false : undefined;
}

/** The number a value stands for ("twenty", "20"), or undefined. */
function numberOf(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (/^\d+$/.test(v)) return Number(v);
  return NUMBER_WORDS[v];
}

/** `text` with number words written as digits, so "ten people" says the value 10. */
function withDigits(text: string): string {
  return text.replace(/\b[a-z]+(?:-[a-z]+)?\b/gi, (w) => {
    const n = NUMBER_WORDS[w.toLowerCase()];
    return n === undefined ? w : String(n);
  });
}

/** The key a slot changes: a metadata key, or the field itself. */
function slotKey(slot: Slot): string {
  const [field, value] = Object.entries(slot.fields)[0]!;
  return value && typeof value === 'object' ? Object.keys(value)[0]! : field;
}

function says(text: string, value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return false;
  const escaped = escapeRe(v);
  return new RegExp(`(?<![\\p{L}\\d._@-])${escaped}(?![\\p{L}\\d@-]|\\.\\w)`, 'iu').test(text);
}

interface Slot {
  owner: 'user' | 'org';
  id: string;
  label: string;
  fields: Fields;
  old: string;
}

type Obj = Record<string, unknown>;

// A key's words as people say them: "id" is also "identifier" or "number".
const KEY_WORD_SAID: Readonly<Record<string, string>> = {
  id: '(?:id|identifier|number|no)',
  ids: '(?:ids|identifiers)',
};

/**
 * True when the message names the metadata key: the key itself (in quotes or as typed), or every word it is made of
 * ("the Stripe customer identifier" names stripe_customer_id, "the locale hint" names localeHint).
 */
export function keyNamed(text: string, key: string): boolean {
  if (says(text, key)) return true;
  const parts = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .map((p) => p.toLowerCase())
    .filter((p) => p.length > 0);
  if (parts.length < 2) return false;
  return parts.every((p) =>
    new RegExp(`(?<![\\p{L}\\d])${KEY_WORD_SAID[p] ?? escapeRe(p)}(?![\\p{L}\\d])`, 'iu').test(text),
  );
}

/** The metadata keys of one record whose name starts with `head` ("extension" → extension_filed), to remove. */
function headKeys(owner: 'user' | 'org', rec: Obj, label: string, head: string): Slot[] {
  const id = String(rec.id ?? '');
  return METADATA.flatMap((field) => {
    const meta = rec[field];
    if (!meta || typeof meta !== 'object') return [];
    return Object.entries(meta as Obj)
      .filter(([key]) => key.split(/[_.-]|(?=[A-Z])/)[0]!.toLowerCase() === head)
      .map(([key, current]) => ({
        owner,
        id,
        label,
        fields: { [field]: { [key]: null } },
        old: String(current ?? ''),
      }));
  });
}

/** The metadata kinds the message speaks of ("her private metadata"), or all three when it names none. */
function kindsSaid(text: string): readonly string[] {
  const said = METADATA.filter((f) => new RegExp(`\\b${f.split('_')[0]}\\s+metadata\\b`, 'i').test(text));
  return said.length > 0 ? said : METADATA;
}

/** The metadata keys of one record that the message names, as changes to `value` (null: the key is removed). */
function keysNamedOf(owner: 'user' | 'org', rec: Obj, label: string, text: string, value: string | null): Slot[] {
  const out: Slot[] = [];
  const id = String(rec.id ?? '');
  const toNumber = value === null ? undefined : numberOf(value);
  for (const field of kindsSaid(text)) {
    let meta = rec[field];
    // (Private metadata not shown: the keys typed in a sentence that says this kind by name are the candidates;
    // a value written there is merged, and nothing is removed unseen.)
    if (meta === undefined || meta === null) {
      if (field !== 'private_metadata' || value === null || !/\bprivate\s+metadata\b/i.test(text)) continue;
      const typed = text
        .split(/(?<=[.!?;])\s+|\n+/)
        .filter((t) => /\bprivate\s+metadata\b/i.test(t))
        .flatMap((t) => [...t.matchAll(KEY_TOKEN)].map((m) => m[1]!));
      meta = Object.fromEntries([...new Set(typed)].map((k) => [k, null]));
    }
    if (typeof meta !== 'object') continue;
    for (const [key, current] of Object.entries(meta as Obj)) {
      if (!keyNamed(text, key)) continue;
      // (A new value of the key's own kind: a number for a number; a key holding an object is not replaced whole.)
      if (value !== null && current !== null && typeof current === 'object') continue;
      if (value !== null && typeof current === 'number' && toNumber === undefined) continue;
      // (A yes/no key takes only a yes/no value, written as a boolean.)
      if (value !== null && typeof current === 'boolean' && boolOf(value) === undefined) continue;
      if (
        value !== null &&
        typeof current !== 'boolean' &&
        boolOf(value) !== undefined &&
        !/^(?:true|false)$/i.test(value)
      )
        continue;
      const next =
        value === null
          ? null
          : typeof current === 'number'
            ? toNumber
            : typeof current === 'boolean'
              ? boolOf(value)
              : value;
      if (next !== null && String(current) === String(next)) continue;
      out.push({ owner, id, label, fields: { [field]: { [key]: next } }, old: String(current ?? '') });
    }
  }
  return out;
}

/** The fields of one record whose current value `said` (the message without its new value) says. */
function slotsOf(owner: 'user' | 'org', rec: Obj, label: string, saidAll: string, to: string): Slot[] {
  const out: Slot[] = [];
  // (How the record was named is not a value said of it: "Foo Labs" does not say the slug "foo".)
  const said = saidAll.replace(new RegExp(escapeRe(label), 'gi'), ' ');
  const id = String(rec.id ?? '');
  const toNumber = numberOf(to);
  // (A yes/no value is never a name, a slug or a text: only a key that holds a yes/no takes it — keysNamedOf.)
  const yesNo = boolOf(to) !== undefined;
  const offer = (field: string, current: unknown, value: unknown, path?: string): void => {
    if (current === null || current === undefined || typeof current === 'object') return;
    if (yesNo) return;
    const old = String(current);
    if (old === '' || old.toLowerCase() === to.toLowerCase() || !says(said, old)) return;
    const fields: Fields = path ? { [field]: { [path]: value } } : { [field]: value };
    out.push({ owner, id, label, fields, old });
  };
  const typed = (current: unknown): unknown =>
    typeof current === 'number' ? (toNumber ?? Number.NaN) : typeof current === 'boolean' ? undefined : to;
  const namesSpoken = /\bname|\bspel|\bcalled\b/i.test(said);
  if (owner === 'user') {
    offer('username', rec.username, to);
    if (namesSpoken) {
      offer('first_name', rec.first_name, to);
      offer('last_name', rec.last_name, to);
    }
  } else {
    if (toNumber !== undefined) offer('max_allowed_memberships', rec.max_allowed_memberships, toNumber);
    // (The slug is most often a word of the name: "set Acme's foo to 8" names Acme by that word and says no slug.
    // Only a slug said apart from the name's words is a value said.)
    const nameWords = label.split(/[^\p{L}\d]+/u).filter((w) => w.length > 1);
    const apart = nameWords.reduce((t, w) => t.replace(new RegExp(`\\b${escapeRe(w)}\\b`, 'gi'), ' '), said);
    if (says(apart, String(rec.slug ?? ''))) offer('slug', rec.slug, to);
    if (namesSpoken) offer('name', rec.name, to);
  }
  for (const field of METADATA) {
    const meta = rec[field];
    if (!meta || typeof meta !== 'object') continue;
    for (const [key, current] of Object.entries(meta as Obj)) {
      const value = typed(current);
      if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) continue;
      offer(field, current, value, key);
    }
  }
  return out;
}

/**
 * Every user and organization, listed once: the readers that find a record by what the message says of it
 * (value-swap, value-question) need both. A read not finished or failed is the step to return instead.
 */
export function listPeopleAndOrgs(ctx: PlanContext): { users: Obj[]; orgs: Obj[] } | { step: PlanStep } {
  const users = ctx.read('clerk_users_list', { limit: LISTED_USERS });
  const orgs = ctx.read('clerk_organizations_list', { limit: 100 });
  if (!users || !orgs) return { step: ctx.pending() };
  if (users.status !== 'ok') return { step: readFailed(users, 'users') };
  if (orgs.status !== 'ok') return { step: readFailed(orgs, 'organizations') };
  return { users: asPage(users.result).items as Obj[], orgs: asPage(orgs.result).items as Obj[] };
}

/** One record read whole, with what the card calls it. */
export interface WholeRecord {
  owner: 'user' | 'org';
  label: string;
  rec: Obj;
}

/**
 * The users and organizations named, each read whole (a listing may leave metadata out). A read not finished or
 * failed is the step to return instead.
 */
export function readWhole(
  ctx: PlanContext,
  users: UserRow[],
  orgs: OrgRow[],
): { records: WholeRecord[] } | { step: PlanStep } {
  const reads = [
    ...users.map((u) => ({
      owner: 'user' as const,
      label: u.name ?? u.email ?? u.id,
      env: ctx.read('clerk_user_get', { user_id: u.id }),
    })),
    ...orgs.map((o) => ({
      owner: 'org' as const,
      label: o.name,
      env: ctx.read('clerk_organization_get', { organization_id: o.id }),
    })),
  ];
  if (reads.some((r) => !r.env)) return { step: ctx.pending() };
  const records: WholeRecord[] = [];
  for (const r of reads) {
    if (r.env!.status !== 'ok') return { step: readFailed(r.env!, r.label) };
    const rec = asObject(r.env!.result);
    if (rec) records.push({ owner: r.owner, label: r.label, rec });
  }
  return { records };
}

/** Reads the records the message names and proposes the one change whose old value it says. */
export function planValueSwap(ctx: PlanContext, intent: Swap): PlanStep {
  const listed = listPeopleAndOrgs(ctx);
  if ('step' in listed) return listed.step;
  const userItems = listed.users;
  // The message's words with the new value taken out, numbers as digits: where an old value may be said.
  const said = withDigits(intent.text.replace(intent.to, ' '));
  const rows = userItems.map(toUser);
  // (Who reports the value may be whose it is: "Ann Lee tells me her profile reads …".)
  let namedUsers = usersNamed(intent.text, rows);
  if (namedUsers.length === 0)
    namedUsers = rows.filter((u) => !!u.name && /\s/.test(u.name) && says(intent.text, u.name));
  // (Nobody named: the person whose profile holds a value the message quotes — "whose profile reads "CEO"".)
  if (namedUsers.length === 0) {
    const quoted = [...intent.text.matchAll(/["“]([^"”\n]{1,60})["”]/g)]
      .map((m) => m[1]!)
      .filter((q) => q !== intent.to);
    const holders = userItems.filter((u) =>
      METADATA.some((f) => {
        const meta = u[f];
        return (
          !!meta &&
          typeof meta === 'object' &&
          Object.values(meta as Obj).some((v) => typeof v !== 'object' && quoted.some((q) => String(v) === q))
        );
      }),
    );
    if (holders.length === 1) namedUsers = rows.filter((u) => u.id === String(holders[0]!.id));
  }
  let namedOrgs = recordsNamed(intent.text, listed.orgs.map(toOrg));
  // "set Foo's plan to gold, and set Bar's limit to 8": the records named in the clause that says the new value are
  // the ones it is for (the others belong to the other clause); none named there → all, as before.
  if (!intent.remove && intent.to !== '') {
    const own = intent.text.split(/(?<=[.!?;])\s+|\s*,\s*(?:and\s+)?|\s+and\s+/).find((c) => says(c, intent.to));
    if (own) {
      const users = namedUsers.filter((u) => usersNamed(own, [u]).length > 0);
      const orgs = namedOrgs.filter((o) => recordsNamed(own, [o]).length > 0);
      if (users.length + orgs.length > 0) [namedUsers, namedOrgs] = [users, orgs];
    }
  }
  if (namedUsers.length + namedOrgs.length > 4)
    return say(
      `I couldn't tell whose setting should become "${intent.to}": the message names several people and organizations. Nothing was changed.`,
    );
  const read = readWhole(ctx, namedUsers, namedOrgs);
  if ('step' in read) return read.step;
  const slots: Slot[] = [];
  for (const r of read.records)
    if (intent.remove) slots.push(...keysNamedOf(r.owner, r.rec, r.label, intent.keyText ?? intent.text, null));
    else slots.push(...slotsOf(r.owner, r.rec, r.label, said, intent.to));
  // A key the message names beats a value it mentions in passing: "Ada from the Foo branch … set the job title in
  // her metadata to X" changes her title, never the key that holds "Foo" (said only to say who she is).
  if (!intent.remove && slots.length > 0 && !slots.some((x) => keyNamed(said, slotKey(x)))) {
    const named = read.records.flatMap((r) => keysNamedOf(r.owner, r.rec, r.label, withoutLimits(said), intent.to));
    if (named.length > 0) slots.splice(0, slots.length, ...named);
  }
  // No value said is held anywhere: the key the message names gets the new value, when it names one
  // ("her tier … should now read "gold"").
  if (!intent.remove && slots.length === 0)
    for (const r of read.records) slots.push(...keysNamedOf(r.owner, r.rec, r.label, withoutLimits(said), intent.to));
  const who = [...namedUsers.map((u) => u.name ?? u.email ?? u.id), ...namedOrgs.map((o) => o.name)];
  if (who.length === 0)
    return say(
      `I couldn't tell whose setting should become "${intent.to}": the message names no user or organization I found. Nothing was changed.`,
    );
  // Several values said: the one whose key the message also names ("the alias … reads "Jo""), else the one it
  // quotes, if that leaves one.
  if (slots.length > 1) {
    const keyed = slots.filter((x) => says(said.replace(/_/g, ' '), slotKey(x).replace(/_/g, ' ')));
    const quoted = slots.filter((x) => new RegExp(`["“']${escapeRe(x.old)}["”']`, 'i').test(said));
    const narrowed = keyed.length === 1 ? keyed : quoted.length === 1 ? quoted : slots;
    slots.splice(0, slots.length, ...narrowed);
  }
  // A key named in a clause that says it stays ("…, plan keep", "the plan entry shall remain") is not the one to
  // change, when another key is left (it once removed the very key the message kept).
  if (slots.length > 1) {
    const stays = intent.text.split(/[.!?;,]\s+|\n+/).filter((t) => STAYS.test(t) || /\bkeeps?\s*[.!?]?\s*$/i.test(t));
    const kept = slots.filter((x) => !stays.some((t) => keyNamed(t, slotKey(x))));
    if (kept.length > 0 && kept.length < slots.length) slots.splice(0, slots.length, ...kept);
  }
  // Several keys named: the ones named in the sentence that asks for the change ("the entry "x" … shall be
  // deleted. The plan entry shall remain." removes x).
  if (slots.length > 1) {
    const asking = intent.text
      .split(/(?<=[.!?;])\s+|\n+/)
      .filter((t) => (intent.remove ? REMOVES.test(t) : says(t, intent.to)) && !STAYS.test(t));
    const narrowed = slots.filter((x) => asking.some((t) => keyNamed(t, slotKey(x))));
    if (narrowed.length > 0) slots.splice(0, slots.length, ...narrowed);
  }
  // "remove the extension flag": no key named whole, but one key of theirs starts with the word said before "flag"
  // (or "key", "field", "entry") — that key.
  if (intent.remove && slots.length === 0) {
    const head = intent.text.match(
      /\b(?:the|its|their|his|her)\s+([a-z]{3,})\s+(?:flag|key|field|entry|setting|marker)\b/i,
    )?.[1];
    if (head) for (const r of read.records) slots.push(...headKeys(r.owner, r.rec, r.label, head.toLowerCase()));
    // (Several keys start with that word: none is taken — the answer says so.)
    if (slots.length > 1) slots.splice(0, slots.length);
  }
  if (intent.remove && slots.length !== 1)
    return say(
      slots.length === 0
        ? `I couldn't tell which metadata key to remove: no key of ${who.join(', ')} is one your message names. Nothing was changed. Say it as "remove the <key> key from <who>'s public metadata".`
        : `I couldn't tell which metadata key to remove: your message names several (${slots.map((x) => `${x.label}: ${slotKey(x)}`).join('; ')}). Nothing was changed.`,
    );
  // The key the message names already holds the value: nothing to change, said as such.
  if (slots.length === 0 && !intent.remove) {
    const held = read.records.flatMap((r) =>
      METADATA.flatMap((f) => {
        const meta = r.rec[f];
        if (!meta || typeof meta !== 'object') return [];
        return Object.entries(meta as Obj)
          .filter(([k, v]) => keyNamed(withoutLimits(said), k) && String(v) === intent.to)
          .map(([k]) => `${r.label}'s ${k} is already "${intent.to}"`);
      }),
    );
    if (held.length > 0) return say(`${held.join('; ')} (I read the record), so I left it as it is.`);
  }
  if (slots.length !== 1) {
    const why =
      slots.length === 0
        ? `no setting of ${who.join(', ')} holds a value your message mentions`
        : `several settings hold a value your message mentions (${slots.map((s) => `${s.label}: "${s.old}"`).join('; ')})`;
    return say(
      `I couldn't tell which setting should become "${intent.to}": ${why}. Nothing was changed. Say which setting, for example "set <field> of <who> to ${intent.to}".`,
    );
  }
  const slot = slots[0]!;
  // (A user by address when the listing has one, so the card names the person.)
  const email = namedUsers.find((u) => u.id === slot.id)?.email;
  return slot.owner === 'user'
    ? planUserUpdate(ctx, {
        kind: 'user_update',
        target: email ? { kind: 'email', value: email.toLowerCase() } : { kind: 'id', value: slot.id },
        fields: slot.fields,
      })
    : // (By its exact name, so the card names the organization; names are looked up exactly first.)
      planOrgUpdate(ctx, { kind: 'org_update', org: { kind: 'name', value: slot.label }, fields: slot.fields });
}

/**
 * "the team caps at 30 seats, so please take it to 45": a field reading that took the value the message says
 * the field has now, when the message goes on to say the new one. The new value replaces it (same kind: a number
 * for a number); anything else is returned as read.
 */
export function withNewValueSaid(intent: Intent, whole: Sentence): Intent {
  if (intent.kind !== 'org_update' && intent.kind !== 'user_update' && intent.kind !== 'named_update') return intent;
  const entries = Object.entries(intent.fields);
  if (entries.length !== 1) return intent;
  const [field, value] = entries[0]!;
  if (typeof value !== 'number' && typeof value !== 'string') return intent;
  const swap = parseValueSwap(whole);
  if (swap?.kind !== 'value_swap') return intent;
  // (Numbers only: a number the message says the field holds now, then the number it should hold.)
  const next = numberOf(swap.to);
  if (typeof value !== 'number' || next === undefined || value === next) return intent;
  const text = withDigits(whole.text);
  const oldAt = text.search(new RegExp(`(?<![\\w.])${escapeRe(String(value))}(?![\\w])`, 'i'));
  const newAt = text.lastIndexOf(String(next));
  if (oldAt < 0 || newAt <= oldAt) return intent;
  return { ...intent, fields: { [field]: next } } as Intent;
}
