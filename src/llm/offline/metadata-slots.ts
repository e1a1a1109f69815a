/**
 * A metadata write read by its parts wherever the message puts them (issue 15, round 16). The phrase readers
 * (kv.ts, field-edit.ts, value-swap.ts) each know one order of words; a request written as a form, a letter or in
 * a second language puts the same three parts — which kind of metadata, which key, which value — in any order
 * ("put in the private metadata too the crm_ref ab_77", "their code K-9 … is to be kept in its private
 * metadata, key partner_code"). This reader is asked only when those readers found nothing to write: it collects the
 * candidates for each part from the sentences that ask (a sentence saying what stays as it is names no part), and
 * proposes the write only when each part has exactly one candidate (of several values introduced — "is A, swap it
 * with B" — the last is the new one). Anything else stays as it was read, so the
 * reply still asks. It only ever merges one key into one record's metadata: the approval card shows it whole.
 */
import { type Sentence, unmask } from './entities.js';
import type { Intent, Ref } from './intent-types.js';
import { FULL_NAME, onlyLimits } from './constraints.js';
import { normalize } from './normalize.js';
import { orgRef } from './refs.js';

type Kind = 'public_metadata' | 'private_metadata' | 'unsafe_metadata';

const KIND_SAID = /\b(public|private|unsafe)(?:[\s_-]+meta(?:[\s_-]?data)?\b)/gi;
const METADATA_WORD = /(?:\b|_)meta(?:[\s_-]?data)?\b/i;
// A request that writes: a question about a key ("does she have a billing_id?") is never one.
const WRITES =
  /\b(?:add|put|set|store|record|save|write|enter|update|change|replace|swap|switch|amend|correct|fill|mark|include|register|kept|keep)\w*\b|=|->|→/i;
const REMOVES =
  /\b(?:remov(?:e|ed|al)|delet(?:e|ed|ion)|eras(?:e|ed|ure)|drop(?:ped)?|clear(?:ed)?|unset|purg(?:e|ed)|get\s+rid\s+of|take\s+out)\b/i;
// A question about a key ("does she have a billing_id?"); "can you replace it …?" asks for a change.
const QUESTION = /^\s*(?:is|are|was|were|does|do|did|has|have|what|which|who|whose|whether|when|why|how)\b/i;
// A key as typed: snake_case or camelCase letters (a token with a digit in it is a value: "cus_77").
const KEY_TOKEN = /(?<![\w.@⟦-])([a-z][a-z]*(?:_[a-z]+)+|[a-z]+(?:[A-Z][a-z]+)+)(?![\w@-])/g;
// A key said by what it is called: "the key student_no", "the "plan" key", "the entry 'x'", "title in public meta".
const KEY_NOUN = '(?:key|entry|field|attribute|property)';
const NAMED_KEY = [
  new RegExp(`\\b${KEY_NOUN}\\s+(?:named\\s+|called\\s+)?(⟦q\\d+⟧|[a-z][a-zA-Z_]*)`, 'g'),
  new RegExp(`(⟦q\\d+⟧)\\s+(?:${KEY_NOUN}|value)\\b`, 'g'),
  /\b(?:the|her|his|their|its)\s+([a-z][a-zA-Z_]*)\s+(?:\([^)]*\)\s+)?(?:in|of)\s+(?:the\s+|her\s+|his\s+|their\s+|its\s+)?(?:public|private|unsafe)[\s_-]+meta/g,
  /\b(?:public|private|unsafe)[\s_-]+meta(?:[\s_-]?data)?\s*[:,-]?\s*(?:the\s+)?([a-z][a-zA-Z_]*)\s*(?:=|->|→|:)/g,
  /(?<![\w⟦-])([a-z][a-zA-Z_]*)\s*(?:=(?!>)|->|→)/g,
  /\b(?:put|set|make|switch|turn|flip|change)\s+(?:the\s+)?([a-z][a-zA-Z_]*)\s+(?:to|as)\s+(?=true\b|false\b|\d)/g,
];
const NOT_A_KEY = new Set([
  ...['the', 'a', 'an', 'it', 'this', 'that', 'value', 'key', 'entry', 'number', 'one', 'same', 'new', 'old'],
  ...['reads', 'read', 'is', 'are', 'was', 'should', 'must', 'shall', 'will', 'to', 'of', 'in', 'for', 'with'],
  ...['has', 'have', 'and', 'or', 'be', 'remains', 'stays', 'from', 'on', 'at', 'into', 'as', 'by', 'there'],
]);
// The new value after a word that introduces one; a run of capitalised words is one name ("VP Engineering").
const MARKED_VALUE =
  /(?:=|->|→|\b(?:to|by|with|reads?|as)\b)\s*(⟦q\d+⟧|true\b|false\b|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*|[\w.-]*\d[\w.-]*)/g;
const SAYING =
  /\b(?:saying|that\s+says|which\s+says|to\s+say|reading|that\s+reads)\s*:?\s+(⟦q\d+⟧|[a-z0-9][\w'’-]*(?:\s+[a-z0-9][\w'’-]*){0,4})(?=\s*(?:[,.;!?()]|$))/gi;
// A value typed bare: a token with a letter and a digit ("cus_R9", "S2024-0117"), never a date's day or a year.
const BARE_VALUE = /(?<![\w.@⟦-])((?=[\w.-]*[A-Za-z])(?=[\w.-]*\d)[A-Za-z0-9][\w.-]*[A-Za-z0-9])(?![\w@⟧-])/g;
const EMAIL = /⟦e(\d+)⟧/g;
const VALUE_WORD = /^(?:true|false|yes|no|on|off|\d+)$/i;
const ORG_SAID =
  /\b(?:org(?:ani[sz]ation)?|company)\s+(⟦q\d+⟧|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?)|(⟦q\d+⟧|\b[A-Z][\w&-]*)\s+(?:org|organi[sz]ation)\b/g;

const sentences = (masked: string): string[] => masked.split(/(?<=[.!?;])\s+|\n+/).filter((t) => t.trim() !== '');

/** One key, one value and one kind, each said once in the asking sentences; undefined otherwise. */
export function readParts(s: Sentence): { kind: Kind; key: string; value: unknown } | undefined {
  const asking = sentences(s.masked).filter((t) => !onlyLimits(t));
  const text = asking.join(' ');
  if (!METADATA_WORD.test(text) || !WRITES.test(text) || asking.some((t) => QUESTION.test(t))) return undefined;
  const kinds = new Set([...text.matchAll(KIND_SAID)].map((m) => `${m[1]!.toLowerCase()}_metadata` as Kind));
  if (kinds.size > 1) return undefined;
  const kind: Kind = kinds.size === 1 ? [...kinds][0]! : 'public_metadata';
  const word = (w: string): string => unmask(w, s.ents).trim();
  const keys = new Set<string>();
  for (const re of NAMED_KEY) for (const m of text.matchAll(re)) keys.add(word(m[1]!));
  for (const m of text.matchAll(KEY_TOKEN)) if (!/^(?:public|private|unsafe)_metadata$/i.test(m[1]!)) keys.add(m[1]!);
  const keyList = [...keys].filter((k) => /^[A-Za-z][\w-]*$/.test(k) && !NOT_A_KEY.has(k.toLowerCase()));
  if (keyList.length !== 1) return undefined;
  const key = keyList[0]!;
  const isKey = (v: string): boolean => v.toLowerCase() === key.toLowerCase();
  // (Sentence by sentence: a value never runs on into the next sentence, "as X-1. The old one …".)
  // (A sentence that writes nothing — "the old ID was a duplicate with HRMS" — only tells the story: its values are
  // not the new one, when another sentence asks for the write.)
  const writing = asking.filter((t) => WRITES.test(t));
  const marked = (writing.length > 0 ? writing : asking)
    .flatMap((t) => [...t.matchAll(MARKED_VALUE)])
    .map((m) => word(m[1]!).replace(/\.$/, ''))
    .filter((v) => v !== '' && !isKey(v));
  const bare = [...text.matchAll(BARE_VALUE)].map((m) => m[1]!).filter((v) => !isKey(v));
  const quoted = [...text.matchAll(/⟦q\d+⟧/g)].map((m) => word(m[0])).filter((v) => !isKey(v));
  // ("key desk_note, saying call first": a value said as what the entry says, in plain words up to the clause end.)
  const said = asking
    .flatMap((t) => [...t.matchAll(SAYING)])
    .map((m) => word(m[1]!).trim())
    .filter((v) => v !== '' && !isKey(v));
  if (said.length === 1 && marked.length === 0) marked.push(said[0]!);
  const candidates = [marked, quoted, bare].map((list) => [...new Set(list)]).find((list) => list.length > 0);
  if (!candidates) return REMOVES.test(text) ? { kind, key, value: null } : undefined;
  // (Several values introduced: the last one is the new one — "is A now, replace it by B".)
  const value = marked.length > 0 ? marked[marked.length - 1]! : candidates.length === 1 ? candidates[0]! : undefined;
  if (value === undefined) return undefined;
  return { kind, key, value: value === 'true' ? true : value === 'false' ? false : value };
}

// A participle of the request read as the value ("the number should be recorded in …" → number: "recorded"): the
// reading wrote the sentence's grammar, not a value, and is read again by parts.
const GRAMMAR_VALUE =
  /^(?:recorded|stored|saved|added|updated|set|changed|written|entered|kept|put|placed|filed|noted)$/i;
function writesOnlyGrammar(fields: Record<string, unknown>): boolean {
  const values = Object.values(fields).flatMap((v) => (v && typeof v === 'object' ? Object.values(v) : [v]));
  return values.length > 0 && values.every((v) => typeof v === 'string' && GRAMMAR_VALUE.test(v));
}

/** Whose metadata: the one record the request already named, else the one address or organization the message says. */
function ownerOf(s: Sentence, read: Intent): { user?: Ref; org?: Ref } | undefined {
  if (read.kind === 'user_update' && read.target) return { user: read.target };
  if (read.kind === 'org_update' && read.org) return { org: read.org };
  // (An update read without its record, or nothing read: the record the message names, when it names one.)
  if (read.kind === 'unknown' && read.reason) return undefined;
  const emails = new Set([...s.masked.matchAll(EMAIL)].map((m) => m[1]!));
  const orgs = new Set([...s.masked.matchAll(ORG_SAID)].map((m) => (m[1] ?? m[2])!));
  // (A person said by first and last name, when nothing else names anyone: "Maria Garcia has a new account …".)
  const people = new Set([...s.masked.matchAll(FULL_NAME)].map((m) => m[1]!));
  if (emails.size === 0 && orgs.size === 0 && people.size === 1)
    return { user: { kind: 'name', value: [...people][0]! } };
  if (emails.size === 1 && orgs.size === 0)
    return { user: { kind: 'email', value: s.ents.emails[Number([...emails][0])]! } };
  if (emails.size === 0 && orgs.size === 1) {
    const org = orgRef([...orgs][0]!, s.ents);
    return org ? { org } : undefined;
  }
  return undefined;
}

/** The metadata write the message states by its parts, when the reading found none; else the reading unchanged. */
export function withMetadataSlots(said: Sentence, read: Intent): Intent {
  const empty =
    read.kind === 'unknown' ||
    // ("in her public metadata, put newsletter to false": "put X to Y" read as adding someone to an organization
    // called "false".)
    (read.kind === 'membership_add' && read.org?.kind === 'name' && VALUE_WORD.test(read.org.value)) ||
    ((read.kind === 'user_update' || read.kind === 'org_update') &&
      (Object.keys(read.fields).length === 0 || writesOnlyGrammar(read.fields)));
  if (!empty) return read;
  // (Normalized only here: most readings write something, and the parse is run once per clause by accounting.ts.)
  const s = normalize(said);
  const owner = ownerOf(s, read);
  if (!owner) return read;
  const parts = readParts(s);
  if (!parts) return read;
  const fields = { [parts.kind]: { [parts.key]: parts.value } };
  if (owner.user) return { kind: 'user_update', target: owner.user, fields };
  if (parts.kind === 'unsafe_metadata') return read;
  return { kind: 'org_update', org: owner.org, fields };
}
