/**
 * Accounting for every part of a request. The parser turns a message into one intent; a clause it could not place
 * (an unknown phrasing, a split that went wrong, a step folded into another by mistake) used to vanish silently,
 * so a two-part request could come back as "Done: 1 change" with the second part never mentioned. Here each
 * clause that reads as an instruction (it starts with an action verb) is checked by leaving it out: when the
 * message parses to the same intent without it, nothing in the plan came from it, and the answer says so
 * ("I did not act on: …"). Pure and deterministic, like the parser it checks.
 */
import { skipsAskedState } from './bulk.js';
import { withGroupScope } from './scoped-bulk.js';
import { ACTION_VERB, splitClauses, splitSentences, subSentence } from './clauses.js';
import { type Sentence, unmask } from './entities.js';
import type { Intent } from './intent-types.js';
import { core } from './phrases.js';
import { isOneChange, parseFrames } from './frames.js';
import { intoNewOrg } from './new-org-steps.js';
import {
  correctsAt,
  NEGATED,
  NO_CHANGE,
  NOT_THIS_TOO,
  parseAnalyzed,
  parseWholeMessage,
  readMessage,
  stripLead,
} from './request.js';

/** A parsed request with the instruction clauses nothing in the intent came from (as the user wrote them). */
export interface Understood {
  intent: Intent;
  unplaced: string[];
}

// "let me know when it's done", "tell me once you're finished": asks for a reply, not for an action.
const REPLY_ONLY = /^(?:let me know|tell me (?:when|once|if|after)|show me (?:when|once))\b/i;
// "could you deal with this?", "pls action it": passes the request on, asks for nothing itself.
const DELEGATE =
  /^(?:take care of|handle|action|deal with|sort out|look into|do|process|work on)\s+(?:it|this|that|these|those|them|the following|the below|both(?:\s+things)?|everything|all of (?:it|this|them))\b|^(?:update|change|fix|correct|adjust|set)\s+(?:it|this|that)(?:\s+(?:up|out))?(?:\s+for\s+(?:him|her|them|me|us))?$|^(?:make|do|apply|carry\s+out|action|implement|go\s+ahead\s+with)\s+(?:that|this|the|these|those)\s+(?:change|update|edit|rename|request)s?\b/i;
// (The last form is the closing "could you make that change?": it points back at the change the message states.)

/** Parses `text` and lists the instruction clauses the intent does not account for. */
export function understand(text: string, now: number): Understood {
  const read = understood(text, now);
  // (A bulk change over every user, said over a group or beside the same change over a group, is put back in the
  // group — scoped-bulk.ts.)
  const intent = withGroupScope(read.intent, text);
  return intent === read.intent ? read : { ...read, intent };
}

function understood(text: string, now: number): Understood {
  const whole = readMessage(text);
  const intent = parseAnalyzed(whole, now);
  if (NO_CHANGE.has(intent.kind)) return { intent, unplaced: [] };
  const exception = ignoredException(whole, intent, now);
  if (exception) return { intent: exception, unplaced: [] };
  if (parseWholeMessage(whole)) return { intent, unplaced: [] };
  const clauses = instructionClauses(whole);
  // One clause alone is the whole message (its answer already says whether it was understood); one instruction
  // beside context sentences is checked like any other part.
  if (clauses.length === 0 || clauseCount(whole) < 2) return { intent, unplaced: [] };
  const key = placedKey(intent);
  const unplaced = clauses.filter((clause) => {
    const rest = without(whole.masked, clause);
    return rest !== undefined && placedKey(parseAnalyzed({ ...whole, masked: rest }, now)) === key;
  });
  // No clause changes the intent when left out: the message was read as a whole (a reinvite, a stated value).
  if (clauses.length > 1 && unplaced.length === clauses.length) return { intent, unplaced: [] };
  // A clause the readers could not place gets the frame reader's reading (frames.ts), with the message around it
  // as context ("add *@foo.test, remove old@bar.test" on the allowlist): a change it finds becomes a step of its
  // own; anything else stays reported as not acted on.
  const framed = unplaced.map((c) => {
    const f = parseFrames(subSentence(whole, c), false, unmask(whole.masked, whole.ents));
    // (A membership change whose clause names no organization — "he needs to be admin there" — stays reported:
    // "there" may be no organization at all.)
    const orgless =
      (f?.kind === 'membership_set_role' || f?.kind === 'membership_remove') &&
      f.org?.kind === 'mention' &&
      !/\b(?:org|orgs|organi[sz]ations?|workspace)\b|(?<!^)\b\p{Lu}/u.test(c);
    return isOneChange(f) && !orgless ? f : undefined;
  });
  const steps = intoNewOrg([
    ...(intent.kind === 'sequence' ? intent.steps : [intent]),
    ...framed.filter((f) => f !== undefined),
  ]);
  const known = new Set<string>();
  const unique = steps.filter((st) => (known.has(JSON.stringify(st)) ? false : (known.add(JSON.stringify(st)), true)));
  return {
    intent: unique.length === 1 ? unique[0]! : { kind: 'sequence', steps: unique },
    unplaced: unplaced.filter((_, i) => !framed[i]).map((c) => unmask(c, whole.ents)),
  };
}

/**
 * What a reading acts on, for telling whether a clause placed anything in it. A `mention` reference carries the
 * text it was read from (its sentence, the whole message), which changes whenever any clause is left out — so it
 * counts only as "a person or record named in the text", or every clause would look placed.
 */
function placedKey(intent: Intent): string {
  const key = (i: Intent): string =>
    JSON.stringify(i, (_k, v: unknown) =>
      v && typeof v === 'object' && (v as { kind?: unknown }).kind === 'mention'
        ? { kind: 'mention', asked: (v as { asked?: string }).asked }
        : v,
    );
  // A step read twice (a clause that only repeated another's reading) is one step: the plan keeps it once, so
  // the clause that repeated it placed nothing of its own and must be reported.
  if (intent.kind !== 'sequence') return key(intent);
  return `[${[...new Set(intent.steps.map(key))].join(',')}]`;
}

// "except the one on his iPhone", "but not Dave", "other than the admins": a part that narrows the targets.
// ("Apart from that, he keeps everything": "that" is the request itself — nothing is left out of it.)
// ("…, but not taking chances", "but not sure", "but not yet": a remark, not a target left out.)
const EXCEPTION =
  /\s*,?\s*\b(?:except(?:\s+for)?|but\s+not(?!\s+(?:\w+ing|sure|yet|now|today|urgent|urgently|critical|a\s+big\s+deal)\b)|other\s+than|apart\s+from|excluding|save\s+for|besides)\b(?!\s+(?:that|this)\s*(?:[,.;!?]|$|(?:he|she|they|it|we|i|you|nothing|no|everything|all)\b))[^.;!?]*/i;

const SET_WORD =
  /\b(?:all|every|each|any|everyone|everybody|anyone|anybody|everything|both|rest|others|them|those|these|(?:sessions|members|users|accounts|invitations|invites|people|admins|viewers|orgs|organi[sz]ations|domains|apps|templates|devices|memberships|entries|keys|emails|addresses)\b)/i;

/**
 * An exception the parser did not use ("revoke all of Dave's sessions except the one on his iPhone" parsed the
 * same as without it) would widen the change to the very targets the user kept out. Such a request is not acted
 * on: the answer says why and asks for the targets by name. Returns that answer, or undefined.
 */
function ignoredException(whole: Sentence, intent: Intent, now: number): Intent | undefined {
  // ("…, but not block her account": a change not wanted — a constraint the parse drops, not a target left out.)
  const masked = whole.masked.replace(NOT_THIS_TOO, '');
  const m = masked.match(EXCEPTION);
  if (!m) return undefined;
  // ("she says nobody spells it that way except her aunt": an exception narrows a set, and a sentence
  // that names no set — no "all", "every", plural of records — has nothing for it to narrow.)
  const sentence = `${masked
    .slice(0, m.index)
    .split(/[.!?;]/)
    .pop()}${masked.slice(m.index).split(/[.!?;]/)[0]}`;
  if (!SET_WORD.test(sentence)) return undefined;
  // "ban everyone at x.test except the ones already banned": the bulk plan skips those itself (bulk.ts).
  if (skipsAskedState(m[0], intent)) return undefined;
  const rest = masked.replace(EXCEPTION, '');
  if (JSON.stringify(parseAnalyzed({ ...whole, masked: rest }, now)) !== JSON.stringify(intent)) return undefined;
  const said = unmask(m[0].replace(/^\s*,?\s*/, ''), whole.ents);
  return {
    kind: 'unknown',
    reason: `I can't apply "${said}" to this request, and doing it without that exception would change more than you asked. Name exactly which ones to change (or list them first), and I'll prepare one change each. Nothing was changed.`,
  };
}

/**
 * The clauses of a message that read as instructions: they start with an action verb once politeness is
 * stripped, are not negated ("don't delete it" is a constraint), and come after the last correction ("Actually,
 * ban him instead" replaces what was asked before it, on purpose).
 */
export function instructionClauses(whole: Sentence): string[] {
  const sentences = splitSentences(whole.masked);
  const lastCorrection = sentences.map((_, k) => correctsAt(sentences, k)).lastIndexOf(true);
  const verb = new RegExp(`^${ACTION_VERB}\\b`, 'i');
  // "we are requesting you to kindly terminate …", "could the team please remove …": a verb right after "please"
  // or "kindly" is asked for wherever the clause starts.
  const asked = new RegExp(`\\b(?:please|kindly|pls|plz)\\s+(?:(?:just|also|quickly)\\s+)?${ACTION_VERB}\\b`, 'i');
  return (
    sentences
      .slice(Math.max(lastCorrection, 0))
      .flatMap((sentence) => splitClauses(sentence).flatMap((u) => thenParts(u.masked)))
      // "X is taking over, so he needs to be admin there": the reason before "so" only names who; the wanted
      // state after it is the instruction (left out alone, it must change the intent).
      .flatMap((part) => {
        const [reason, wanted] = part.masked.split(/,?\s+so\s+(?=(?:he|she|they|we|i|you|it|⟦[ei]\d+⟧)\s)/i, 2);
        return wanted !== undefined && WANTS.test(wanted) && reason ? [{ masked: wanted, chained: false }] : [part];
      })
      .filter(({ masked, chained }) => {
        const lead = core(subSentence(whole, stripLead(masked)));
        if (NEGATED.test(stripLead(masked)) || REPLY_ONLY.test(lead) || DELEGATE.test(lead)) return false;
        // After "and then" / "and also" an instruction may use a verb the lexicon does not know: it still counts.
        return (
          verb.test(lead) ||
          asked.test(lead) ||
          WANTS.test(lead) ||
          (chained && /^[a-z]+\b/.test(lead) && !NARRATIVE.test(lead))
        );
      })
      .map(({ masked }) => masked)
  );
}

// "I'd also like that domain blocked", "X really should be removed", "so he needs to be admin there", "she needs
// taking off the list": a wanted state (or role) is an instruction too, even
// when no rule rewrote it to the imperative — so if nothing came of it, the answer says so.
const WANTS =
  /\b(?:like|want|need|needs|should|must|has\s+to|have\s+to)\b(?!\s+to\s+know)[^.?!]*\b(?:banned|unbanned|locked|unlocked|blocked|unblocked|blocklisted|allowlisted|removed|deleted|revoked|cancell?ed|added|invited|renamed|updated|changed|suspended|disabled|enabled|restored|signed\s+out|logged\s+out)\b|\b(?:needs?|should|must|has\s+to|have\s+to)\s+(?:to\s+)?(?:be|become)\s+(?:an?\s+|the\s+)?(?:admin|administrator|member|viewer|billing|owner)\b|\b(?:needs?|wants?)\s+(?:taking|removing|adding|putting|locking|unlocking|banning|unbanning|deleting|revoking|inviting|moving|changing|updating|renaming|signing)\b/i;

// "…, and then he got locked out": a subject or a determiner after "then" starts a narrative, not an instruction.
const NARRATIVE =
  /^(?:i|we|you|he|she|it|they|there|this|that|the|a|an|his|her|their|our|my|its|was|were|is|are|got|had|has)\b/i;

/** A clause cut after "and then", "then" and "and also": the parts after the first are `chained`. */
function thenParts(masked: string): Array<{ masked: string; chained: boolean }> {
  return masked
    .split(/\s*,?\s+(?:and\s+then|then|and\s+also|and\s+afterwards|and\s+after\s+that)\s+/i)
    .map((part, i) => ({ masked: part.trim(), chained: i > 0 }))
    .filter((p) => p.masked !== '');
}

/** How many clauses the message has in all (instructions, context and asides). */
function clauseCount(whole: Sentence): number {
  return splitSentences(whole.masked).flatMap((sentence) => splitClauses(sentence).flatMap((u) => thenParts(u.masked)))
    .length;
}

/** The masked message with one clause (and the "and"/comma that joined it) taken out; undefined if not found. */
function without(masked: string, clause: string): string | undefined {
  const i = masked.indexOf(clause);
  if (i < 0) return undefined;
  const before = masked.slice(0, i).replace(/(?:\s*,\s*|\s+)(?:(?:and|then|so|also|please|just|finally)\s+)*$/i, '');
  const after = masked.slice(i + clause.length).replace(/^\s*,?\s*(?:(?:and|then)\s+)?/i, '');
  if (before.trim() === '') return after;
  if (after.trim() === '' || /^[.!?;]/.test(after)) return `${before}${after}`;
  return `${before} and ${after}`;
}

/** The answer's words about clauses nothing was done for (empty when every clause was placed). */
export function unplacedNote(unplaced: string[]): string {
  if (unplaced.length === 0) return '';
  const quoted = unplaced.map((u) => `"${u.trim()}"`).join(', ');
  return `I did not act on: ${quoted} — I couldn't read ${unplaced.length === 1 ? 'it' : 'them'} as a request I can carry out together with the rest. Say ${unplaced.length === 1 ? 'it' : 'each'} on its own line.`;
}
