/**
 * A change asked only on a condition about the target's own state (issue 15, round 4): "is X banned? if not, ban
 * him", "X -> locked? if not go ahead and lock", "if she's banned, unban her - else tell me", "lock Y
 * unless she's already locked", "check whether X is locked and if not, lock them". The ban/unban/lock/unlock
 * planners already read the account first and answer "already banned / not banned, so there is nothing to do",
 * so such a pair is exactly the bare request: it is rewritten to it. Only when the condition is that planner's
 * own precondition (not banned → ban, banned → unban, not locked → lock, locked → unlock); any other condition
 * ("if he's banned, delete him") is left as it was, never widened into an unconditional change.
 * Also read here, because they only check: "check / see / find out whether X is banned" and "we want to know if X
 * is locked" are the state question "is X banned?"; "if she already is, fine, nothing to do" after a
 * request adds nothing (the planner reports "already") and is dropped; "otherwise let me know" likewise.
 */

/** The state each paired verb asks for, and whether it acts when the account is already in it. */
const PAIRS: Readonly<Record<string, { state: string; when: boolean }>> = {
  ban: { state: 'banned', when: false },
  unban: { state: 'banned', when: true },
  lock: { state: 'locked', when: false },
  unlock: { state: 'locked', when: true },
};
const STATE = '(banned|locked)';
const VERB = '(ban|unban|lock|unlock)';
const PRONOUN =
  /^(?:he|she|they|it|him|her|them|that|this|so|his\s+account|her\s+account|their\s+account|the\s+account)$/i;
const NOW = '(?:\\s+(?:right\\s+now|now|currently|atm|already|still|yet|from\\s+your\\s+side|on\\s+our\\s+side))*';
const STILL = '(?:(?:still|already|currently|actually)\\s+)*';
const POLITE =
  '(?:(?:please|pls|plz|kindly|just|then|to|go\\s+ahead\\s+and|do|you\\s+can|u\\s+can|feel\\s+free\\s+to|can\\s+you|could\\s+you)\\s+)*';
// "…, otherwise let me know", "else tell me": the other branch only asks to be told, which every answer does.
const OTHERWISE =
  /\s*[,;-]?\s*(?:otherwise|else|if\s+(?:not|so|it\s+is|they\s+are))\s*,?\s+(?:just\s+|pls\s+|please\s+)?(?:tell\s+me|let\s+me\s+know|say\s+so|report\s+back|leave\s+it)\b.*$/i;

// "is X (still) banned (right now)?" — the state question (checks.ts has already read "did we ever ban X" as one).
const IS_Q = new RegExp(`^is\\s+(.+?)\\s+${STILL}${STATE}${NOW}\\s*$`, 'i');
// "X -> banned?", "X: locked?", "X banned?" (with the question mark): a terse note asked as a question.
const NOTE_Q = new RegExp(`^(.+?)\\s*(?:->|→|=>|:|–|—|-)?\\s+${STILL}${STATE}${NOW}\\s*$`, 'i');
// "(can you) check / double-check / see / verify whether X is banned", "we (only) want to know if X is locked".
const ASK_Q = new RegExp(
  `^(?:.*?\\b(?:want|need|would\\s+like|wanted)\\s+to\\s+know|(?:.*?\\b(?:asked|told|wants?|wanted)\\s+(?:me|us|you|u)\\s+to\\s+)?(?:(?:can|could|would)\\s+(?:you|u)\\s+|please\\s+|pls\\s+)?(?:double[-\\s]?check|check|see|verify|confirm|find\\s+out|look\\s+up))\\s+(?:if|whether|that)\\s+(.+?)\\s+(?:is|are|was|'s|’s)\\s+(?:definitely\\s+|really\\s+)?${STILL}${STATE}${NOW}\\s*$`,
  'i',
);
// "if not (already banned)", "if he isn't (yet) locked", "if so", "if she's (still) banned", then the verb.
const IF_THEN = new RegExp(
  `^(?:and\\s+|but\\s+|then\\s+|so\\s+)?if\\s+(?:(not)(?:\\s+already)?(?:\\s+${STATE})?|(so|yes)|(.{1,40}?)\\s*(?:(?:is|are|was)(n['’]?t|\\s+not)|('s|’s|\\s+is|\\s+are|\\s+was))\\s+(?:already\\s+|yet\\s+|still\\s+)*${STATE}(?:\\s+(?:yet|already))?)\\s*[,:;-]?\\s*${POLITE}${VERB}\\b\\s*(.*?)\\s*[.!]*$`,
  'i',
);
// "lock him (then) if he isn't locked already", "ban X unless she's already banned", "unban Y if she is banned".
const THEN_IF = new RegExp(
  `^${POLITE}${VERB}\\s+(.+?)\\s*,?\\s+(?:(unless)|if)\\s+(?:(not)(?:\\s+already)?(?:\\s+${STATE})?|(?:.{1,40}?)\\s*(?:(?:is|are|was)(n['’]?t|\\s+not)|('s|’s|\\s+is|\\s+are|\\s+was))\\s+(?:already\\s+|yet\\s+|still\\s+)*${STATE}(?:\\s+(?:yet|already))?)\\s*[.!]*$`,
  'i',
);
// "if he isn't, …", "if she is not, …": a negated state said by its pronoun alone.
const IF_ISNT =
  /^((?:and\s+|but\s+|then\s+|so\s+)?if\s+)(?:he|she|they|it)\s+(?:is|are|was)(?:n['’]?t|\s+not)(?:\s+already)?(?=\s*[,:;-]|\s+(?:please|pls|just|then|go\s+ahead|to)\b)/i;
// "ban him pls", "lock her too": words after the object that are no part of it.
const TAIL = /(?:\s+(?:pls|plz|please|thanks|thx|asap|too|then|as\s+well|right\s+away))+\s*$/i;
// "Otherwise let me know." as a sentence of its own, after the conditional it completes.
const OTHERWISE_ALONE =
  /^(?:otherwise|else|if\s+not|if\s+so)\s*,?\s+(?:just\s+|pls\s+|please\s+)?(?:tell\s+me|let\s+me\s+know|say\s+so|report\s+back|leave\s+it)\b[^.!?]*[.!?]*$/i;
// "if she already is, fine - nothing else to do": adds nothing to the request before it.
const IF_ALREADY =
  /^(?:and\s+|but\s+)?if\s+(?:\S+\s+){0,3}?(?:already|still)\b(?![^.!?]*\b(?:ban|unban|lock|unlock|delete|remove|revoke)\b)/i;
// "Lock only, no bans.", "just unlock - don't ban": which action, said again after the request — no target of its own.
const ONLY_THAT =
  /^(?:(?:just|only)\s+)?(ban|unban|lock|unlock|revoke|remove|delete|suspend)(?:\s+(?:only|them|it|him|her))?(?:\s*[,;:-]\s*(?:(?:no|not|never|without|don'?t|do\s+not)\s+[\w\s']+))*(?:\s*,\s*(?:we|i|they)\s+(?:will|'ll|’ll|shall|are\s+going\s+to)\b[^.!?;]*)?\s*[.!]*$/i;
// "double-check and make sure X is locked": the check is the request's own read.
const CHECK_AND = /\b(?:double[-\s]?check|check)\s+(?:and|&)\s+(?=make\s+sure|ensure)/gi;

// A question word, or a group of users: "why is X banned?", "users banned?" are no check on one account.
const NOT_SUBJECT =
  /^(?:who|what|which|why|how|when|where|is|are|was|were|has|have|had|did|do|does|can|could|list|show)\b|\b(?:users|accounts|people|members|everyone|everybody|anyone|anybody|all|any)\b/i;

interface Asked {
  subject: string;
  state: string;
}

/** The state question a sentence asks ("is X banned?"), or undefined. `question`: it ends with a question mark. */
function askedState(sentence: string, question: boolean): Asked | undefined {
  const s = sentence.trim().replace(/\?+$/, '');
  const m = s.match(IS_Q) ?? s.match(ASK_Q) ?? (question ? s.match(NOTE_Q) : null);
  const subject = m?.[1]?.trim();
  if (!m || !subject || PRONOUN.test(subject) || NOT_SUBJECT.test(subject)) return undefined;
  if (subject.split(/\s+/).length > 6) return undefined;
  return { subject, state: m[2]!.toLowerCase() };
}

// "if she isn't locked yet, go ahead", "not banned? then proceed", "if he isn't, do the needful": the change said
// by a stand-in verb. After a negated state it can only be the verb that brings the state about (ban, lock); after
// an affirmed one ("if he's banned, do it") it could be several things, and stays unread.
const STAND_IN = new RegExp(
  `^((?:and\\s+|but\\s+|then\\s+|so\\s+)?if\\s+(?:not(?:\\s+already)?(?:\\s+${STATE})?|.{1,40}?\\s*(?:(?:is|are|was)(?:n['’]?t|\\s+not)|['’]s\\s+not)\\s+(?:already\\s+|yet\\s+|still\\s+)*${STATE}(?:\\s+(?:yet|already))?)\\s*[,:;-]?\\s*)(?:then\\s+)?(?:please\\s+|pls\\s+|kindly\\s+|just\\s+)*(?:(?:action|do|execute|perform|apply|handle|sort)\\s+(?:it|that|this|so|the\\s+same)|go\\s+ahead(?:\\s+and\\s+do\\s+(?:it|so))?|proceed|do\\s+the\\s+needful|take\\s+care\\s+of\\s+it|make\\s+it\\s+so)\\s*[.!]*$`,
  'i',
);
const OBJECT_OF: Readonly<Record<string, string>> = { he: 'him', she: 'her', they: 'them', it: 'it' };

/** The stand-in verb of a conditional change replaced by the verb its negated state asks for. */
function standIn(s: string, asked: string | undefined): string {
  const m = s.match(STAND_IN);
  if (!m) return s;
  const said = m[1]!;
  const state = (said.match(/\b(banned|locked)\b/i)?.[1] ?? asked ?? '').toLowerCase();
  if (!state) return s;
  const verb = state === 'banned' ? 'ban' : 'lock';
  const who = said.match(/^(?:\w+\s+)?if\s+(\S+)/i)?.[1]?.toLowerCase() ?? '';
  // (Said back in the form the readers below take: "if he is not banned, ban him".)
  return OBJECT_OF[who] ? `if ${who} is not ${state}, ${verb} ${OBJECT_OF[who]}` : `if not ${state}, ${verb} them`;
}

/** The bare request a conditional sentence comes to, or undefined when its condition is not the verb's own. */
function conditional(sentence: string, asked: Asked | undefined): string | undefined {
  // ("if she isn't, lock her": the state is the one just asked about, as in "if not, lock her".)
  const bare = sentence.trim().replace(IF_ISNT, '$1not');
  const s = standIn(bare.replace(OTHERWISE, ''), asked?.state);
  const a = s.match(IF_THEN);
  if (a) {
    // (1 "not", 2 its state, 3 "so", 4 who, 5 negated, 6 affirmed, 7 the state said, 8 verb, 9 its object)
    const who = a[4];
    const positive = a[3] !== undefined || a[6] !== undefined;
    const verb = a[8]!;
    const state = (a[2] ?? a[7] ?? asked?.state)?.toLowerCase();
    const pair = PAIRS[verb.toLowerCase()]!;
    if (!state || pair.state !== state || pair.when !== positive) return undefined;
    const object = a[9]!.replace(TAIL, '').trim();
    const target =
      object && !PRONOUN.test(object)
        ? object
        : (asked?.subject ?? (who && !PRONOUN.test(who.trim()) ? who.trim() : object || who?.trim() || 'them'));
    return `${verb.toLowerCase()} ${target}`;
  }
  const b = s.match(THEN_IF);
  if (b) {
    // (1 verb, 2 object, 3 "unless", 4 "not", 5 its state, 6 negated, 7 affirmed, 8 the state said)
    const verb = b[1]!;
    const state = (b[5] ?? b[8] ?? asked?.state)?.toLowerCase();
    // "unless she's banned" = if she is not; "if not already banned" / "if she isn't" = not; "if she is" = so.
    const positive = b[3] === undefined && b[7] !== undefined;
    if (b[3] !== undefined && b[7] === undefined) return undefined;
    const pair = PAIRS[verb.toLowerCase()]!;
    if (!state || pair.state !== state || pair.when !== positive) return undefined;
    return `${verb.toLowerCase()} ${b[2]!.replace(TAIL, '').trim()}`;
  }
  return undefined;
}

/** The message with each state-conditioned change read as the bare change; unchanged when there is none. */
export function conditionalChanges(masked: string, asQuestion: (sentence: string) => string = (s) => s): string {
  const text = masked.replace(CHECK_AND, '');
  // Sentences (with their separators), and "…, and if not …" split off the check it follows.
  const pieces = text.split(/((?:[.!?;]+)\s+|\s*,\s*(?:and\s+)?(?=if\s)|\s+and\s+(?=if\s+(?:not|so|s?he|they|it)\b))/i);
  let changed = text !== masked;
  let asked: { at: number; what: Asked } | undefined;
  for (let i = 0; i < pieces.length; i += 2) {
    const p = pieces[i]!;
    const question = /\?\s*$/.test(p) || /^\s*\?/.test(pieces[i + 1] ?? '');
    const what = askedState(asQuestion(p), question);
    if (what) {
      asked = { at: i, what };
      // A terse or embedded check reads as the plain question from here on.
      const plain = `is ${what.subject} ${what.state}`;
      if (!IS_Q.test(p.trim().replace(/\?+$/, ''))) {
        pieces[i] = /\?\s*$/.test(p) ? `${plain}?` : plain;
        if (!question) pieces[i + 1] = `?${pieces[i + 1] ?? ''}`;
        changed = true;
      }
      continue;
    }
    const request = conditional(p, asked?.what);
    if (request) {
      pieces[i] = request;
      // The check it answered is the request's own read now ("already banned" / "not banned" is the answer).
      if (asked) {
        pieces[asked.at] = '';
        pieces[asked.at + 1] = '';
      }
      asked = undefined;
      changed = true;
      if (OTHERWISE_ALONE.test((pieces[i + 2] ?? '').trim())) {
        pieces[i + 2] = '';
        pieces[i + 1] = /[.!?]/.test(pieces[i + 1] ?? '') ? '.' : '';
      }
      continue;
    }
    const only = p.trim().match(ONLY_THAT);
    if (
      only &&
      i > 0 &&
      /\b(?:only|just|no|not|never|without|don'?t)\b/i.test(p) &&
      pieces.slice(0, i).some((x, k) => k % 2 === 0 && new RegExp(`\\b${only[1]}\\b`, 'i').test(x))
    ) {
      pieces[i] = '';
      changed = true;
      continue;
    }
    if (i > 0 && IF_ALREADY.test(p.trim()) && pieces.slice(0, i).some((x, k) => k % 2 === 0 && x.trim())) {
      pieces[i] = '';
      pieces[i - 1] = /[.!?]/.test(pieces[i - 1]!) ? pieces[i - 1]! : '. ';
      changed = true;
    }
  }
  if (!changed) return masked;
  return pieces
    .join('')
    .replace(/^\s*[?.,;]+\s*/, '')
    .replace(/\s*[,;]\s*$/, '')
    .trim();
}
