/**
 * What a message says once the noise is gone: a pasted ticket or email keeps only its own words (the greeting
 * line, "hope you're well", the sign-off and signature are dropped), casual verbs become the canonical ones, and
 * misspelt verbs and resource words are corrected (lexicon.ts). Works on the masked text, so emails, ids, quoted
 * names and JSON are never touched. Context sentences are kept: the clause splitter drops what carries no action.
 */
import type { Sentence } from './entities.js';
import { unhedge } from './hedges.js';
import { canonicalVerb, correctTypos, FIELD_WORDS, correctParticiples } from './lexicon.js';
import { checkQuestions } from './checks.js';
import { imperatives } from './request-form.js';
import { withLoanwords } from './loanwords.js';
import { withPlainForms } from './plain-forms.js';
import { withRoleCondition } from './role-condition.js';
import { spellOutTexting } from './texting.js';
import { withAccessDenial } from './access-denial.js';
import { withLabelledAccount } from './labelled-account.js';
import { withNameless } from './nameless.js';
import { withMetaDescribed } from './meta-described.js';
import { withStatedCorrection } from './stated-correction.js';
import { withPluralAnaphora } from './plural-anaphora.js';
import { withWriter } from './first-person.js';
import { withNamedAddress } from './named-address.js';
import { withUndoneSanction } from './undo-sanction.js';
import { withAccountAnaphor } from './account-anaphora.js';
import { withSubjectFirst } from './subject-first.js';
import { correctedValues } from './address-correction.js';
import { withNamedList } from './list-anaphora.js';
import { withArrowRoles } from './arrow-roles.js';
import { withNoteRemoval } from './note-removal.js';
import { ACTION_VERB } from './clauses.js';
import { withoutRemarks } from './nonrestrictive.js';
import { withChosenName, withValueAnaphor } from './value-anaphora.js';
import { withSentInvite } from './sent-invite.js';
import { withOrgOfPerson } from './org-of-person.js';
import { withRecentRecord } from './recent-record.js';
import { withNamedInvitee } from './name-address.js';
import { withOrgThere } from './org-there.js';
import { withRegainedAccess } from './regained-access.js';
import { withListPointer } from './list-pointer.js';
import { VOUCHED } from './constraints.js';
import { withDefinedTerms } from './defined-term.js';
import { withPassiveRequests } from './passive-request.js';
import { withWholeOrgRemoval } from './whole-org.js';
import { withoutCourtesy } from './courtesy.js';
import { withRebrand } from './rebrand.js';
import { withKeyInWords, withKeyOfOwner, withOwnerThenPair } from './key-of-owner.js';
import { withInviterDescribed } from './inviter-described.js';
import { withNameDisplay } from './name-display.js';
import { withListTopic } from './list-topic.js';

// "Hi team,", "Hello Kim!", "Dear support -": a greeting at the very start, with whom it greets.
const GREETING =
  /^(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening)|greetings)(?:\s+(?:team|all|there|folks|everyone|everybody|guys|support|admins?|[A-Z][\w'-]*))?\s*[,!.:-]+\s*/i;
// "Quick q -", "quick question:", "Random question,": a label for what follows, not part of it.
const LABEL =
  /^(?:(?:a\s+)?(?:quick|random|simple|small|short|silly|dumb)\s+(?:q|qq|question|one|ask|query)|question|q|qq|query)\s*[,!.:–—-]+\s*/i;
// "Hope you're well.", "hope this message finds you in good health": a pleasantry sentence anywhere.
const PLEASANTRY =
  /(?:^|(?<=[.!?]\s))(?:i\s+)?hope\s+(?:you(?:'re| are)|this (?:finds you|message finds you)|all is|everything is|your (?:day|week) is)[^.!?]*[.!?]?\s*/gi;
// "Thanks, Kim", "Best regards,\nSam", "-- Sam", "Sent from my phone": the sign-off and everything after it.
const SIGN_OFF =
  /(?:^|(?<=[.!?\n])\s*|\s+)(?:thx|tia|ty|(?:many\s+)?thanks(?:\s+(?:a lot|so much|in advance))?|thank you(?: so much| in advance)?|cheers|best(?:\s+regards|\s+wishes)?|kind regards|regards|warm regards|sincerely|--+|sent from my \w+)\s*[,!.]?(?:\s+(?:[A-Z][\w'-]*|⟦e\d+⟧)(?:\s+[A-Z][\w'-]*)?)?(?:\s*\([^()]{1,60}\))?\s*[.!]?\s*$/i;

const SETTING_NAME = new RegExp(
  `^(?:${[...FIELD_WORDS.filter((w) => w.param !== 'name').map((w) => w.words), 'pkce(?:\\s+required)?', 'consent\\s+screen'].join('|')})$`,
  'i',
);

const SETTING_CALLED = new RegExp(
  `\\b(?:setting|option|field|value|thing)\\s+(?:called|named)\\s+(${SETTING_NAME.source.slice(1, -1)})\\b`,
  'i',
);
const CHANGE_IT = /\b(change|set|put|make|bump|raise|increase|lower|reduce|move)\s+it\s+(?:up\s+|down\s+)?to\b/gi;

// "Mr. Jared Dunn", "Ms Fatima", "dr lee": a title before a name is not part of the name the lookup searches.
// ("young Mr Noah Wilson", "dear old Mrs Brown": a fond adjective before the honorific goes with it.)
const HONORIFIC =
  /\b(?:(?:(?:young|old|dear|poor|little|lovely|good)\s+){1,2}(?=(?:mr|mrs|ms|mx|miss|dr|mister)\.?\s+[A-Z]))?(?:mr|mrs|ms|mx|miss|dr|mister)\.?\s+(?=[a-z][\w'’-]*\b)(?!(?:and|or|the|a|an)\b)/gi;

// "is he locked or not?", "banned or not": the question asks the same without its "or not".
const OR_NOT = /\s*,?\s+or\s+not(?=\s*[?.!]|\s*$)/gi;

// "the member Ann Lee, her login is locked?", "Ann Lee is still banned?": a yes/no question said in the order of a
// statement is the question.
const STATED_QUESTION =
  /(^|[.!?]\s+)(?:the\s+(?:user|account)\s+)?(⟦e\d+⟧|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*,?\s*(?:(?:his|her|their)\s+(?:account|acct|user|login)\s+)?(?:is|['’]s)\s+(?:still\s+)?(locked|banned|blocked|suspended)\s*\?/g;

// "Wong-san", "Tanaka-sama": an honorific written after a name is not part of it either.
const NAME_SUFFIX = /\b([A-Z][\w'’]*)-(?:san|sama|kun|chan|sensei|ssi|nim)\b/g;
// "Priya ma'am", "Alice madam", "Ramesh sir", "Ravi ji": a courtesy title said after the name.
const NAME_TITLE_AFTER = /\b([A-Z][\w'’-]*)\s+(?:ma['’]?am|madam|maam|sir|ji|saab|sahib)\b/g;

// "permanently delete X", "temporarily lock her", "immediately revoke …": a manner adverb before the action verb
// says how, not what; the readers expect the verb first.
const MANNER = new RegExp(
  `\\b(?!(?:only|early|likely|family|apply|reply|supply|rely|kindly|friendly)\\b)[a-z]{3,}ly\\s+(?=${ACTION_VERB}\\b)`,
  'gi',
);

// "… as a viewer (new budget).", "… to 30 (per the contract).": a remark in brackets at the end of a
// sentence says why: plain words only — no address, id, "key: value", setting or role word, and no "(not X)" that
// corrects a value.
const ASIDE =
  /\s*\((?!\s*(?:not|or|aka|i\.e|e\.g|no|was|formerly|previously|with|without)\b)(?![^()]*\b(?:user\s*name|handle|login|id|e-?mail|role|admin|member|viewer|billing|metadata|md|true|false|yes|no)\b)[a-z][a-z\s'’-]{0,58}\)(?=\s*(?:[.!?;]|$))/gi;

// "John Smith — a retired teacher, very exact — has asked …": a remark between two dashes is an aside; the sentence
// reads on without it. (Only a short aside with no address, id or quoted value in it, and no request word.)
const DASHED_ASIDE =
  /\s+[—–]\s+(?![^—–]*(?:⟦|\b(?:please|pls|kindly|delete|remove|ban|lock|unlock|unban|revoke|invite|add|rename|change|set|update|make|not|never|don['’]?t)\b))[^—–.!?;\n\s]+\s+[^—–.!?;\n]{2,90}?\s+[—–]\s+/g;
// "a delightful young woman, Aisha Bello, came to …": the person's description before the name, said between
// commas, goes; the name is the subject the other clauses' pronouns mean.
const DESCRIBED_NAME =
  /\b(?:a|an|our|my|the|this|one)\s+(?:[a-z][\w-]*\s+){0,3}(?:woman|man|lady|gentleman|girl|boy|friend|member|colleague|customer|student|teacher|neighbou?r|volunteer|guest|reader|client|contractor|employee)\s*,\s*(?:(?:miss|mrs|mr|ms|dr)\.?\s+)?([A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s*,\s*/gi;

// Emoji: a run between two words ends a sentence ("finished the quiz 🎉 can you …"); elsewhere it says nothing.
const EMOJI =
  /[ \t]*(?:(?:\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}])(?:\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}])*)+[ \t]*/gu;
function withoutEmoji(masked: string): string {
  return masked
    .replace(EMOJI, (run: string, at: number, all: string) => {
      const before = all.slice(0, at);
      const after = all.slice(at + run.length);
      if (/[\w⟧)'"’]$/.test(before) && /^[A-Za-z⟦]/.test(after)) return '. ';
      return before === '' || after === '' || /^[\s.,;:!?]/.test(after) ? '' : ' ';
    })
    .trim();
}

// "a full member", "a standard member", "an ordinary member": one role, said with the adjective the readers know.
const ROLE_ADJECTIVE = /\b(?:full(?:[- ]fledged)?|standard|ordinary|simple|basic)\s+(?=members?\b)/gi;

// "ugh can u …", "welp, …", "sigh. …": a sound of feeling before the sentence is no part of it.
// "ngl he's been trolling lol", "tbh just kick him fr": chat fillers say how the writer feels, never what to do.
// 'the organization "Foo Labs" (slug foo-labs) …', "Foo (id org_1)": an identifier in brackets after a name says
// which record is meant; it is never a new value of that identifier.
const IDENTIFIER_ASIDE = /\s*\(\s*(?:slug|id|identifier|key)\s*[:=]?\s*[^()\s]+\s*\)/gi;

const FILLER =
  /\s*(?<![\w'’-])(?:lol+|lmao+|lmfao|rofl|ngl|tbh|tbf|smh|istg|bruh|lowkey|highkey|no\s+cap|fr\s+fr|jk|haha+|hehe+|xd)(?![\w'’-])[,!]*/gi;

// ("so yeah can you …", "ok so, …", "anyway, …": a turn of talk before the ask, no part of it.)
const INTERJECTION =
  /(^|[.!?]\s+)(?:u+g+h+|a+r+g+h+|h+m+|oo+f|welp|sigh|omg|ugh+|um+|uh+|meh|yikes|jeez|geez|so\s+yeah|yeah\s+so|ok(?:ay)?\s+so|right\s+so|anyway(?:s)?|so\s+anyway)\b[,!.]*\s+/gi;

// "Env: prod, build 77", "Actual: still shows Sales", "Severity: P2": a bug report's context lines say where and
// what is wrong now, never what to do (its "Steps:" and "Expected:" lines say that). A "Device:" or "Browser:"
// line stays: it may be what picks one session out of several.
const REPORT_CONTEXT =
  /(^|[.!?]\s+)(?:env|environment|build|version|actual(?:\s+result)?|severity|priority|labels?|component|preconditions?)\s*:[^.!?]*(?:[.!?]|$)/gi;

// "Steps: rename org X → Y. Expected: display name reads Y.": when the steps say the act, the expected result only
// restates it (and its words — "reads Y" — are no value); without an act in the steps, "Expected:" is the request.
const STEPS_LABEL = /(^|[.!?]\s+)steps?(?:\s+to\s+\w+)?\s*:\s*/gi;
const EXPECTED = /(^|[.!?]\s+)expected(?:\s+result)?\s*:[^.!?]*(?:[.!?]|$)/gi;
const STEP = /(?:^|[.!?]\s+)steps?\s*:\s*([^.!?]*)/gi;
const STARTS_WITH_ACT = new RegExp(`^(?:\\d+[.)]\\s*)?(?:please\\s+)?${ACTION_VERB}\\b`, 'i');
function withReportSteps(masked: string): string {
  const acts = [...masked.matchAll(STEP)].some((m) => STARTS_WITH_ACT.test(m[1]!.trim()));
  const out = acts ? masked.replace(EXPECTED, '$1') : masked;
  return out.replace(STEPS_LABEL, '$1').trim();
}

// "what is the status of X. Please don't resend": a sentence opened by a question word is a question, typed with a
// full stop or with nothing at its end.
const UNMARKED_QUESTION =
  /(^|[.!]\s+)((?:what|which|who|whose|when)\s+(?:is|are|was|were|does|do|did|has|have)\b[^.!?\n]*?)\s*(?:\.(?=\s)|\.?$)/gi;

const STAGES: ReadonlyArray<(masked: string) => string> = [
  (m) => m.trim(),
  (m) => m.replace(INTERJECTION, '$1'),
  withoutCourtesy,
  (m) => m.replace(UNMARKED_QUESTION, '$1$2?'),
  (m) => m.replace(REPORT_CONTEXT, '$1').trim(),
  withReportSteps,
  withoutEmoji,
  (m) => m.replace(MANNER, ''),
  (m) => m.replace(ASIDE, ''),
  (m) => m.replace(DASHED_ASIDE, ' ').replace(DESCRIBED_NAME, '$1 '),
  (m) => m.replace(IDENTIFIER_ASIDE, ''),
  (m) => m.replace(VOUCHED, ''),
  spellOutTexting,
  withLoanwords,
  withPlainForms,
  withKeyInWords,
  withRebrand,
  withRoleCondition,
  (m) => m.replace(FILLER, '').trim(),
  withWholeOrgRemoval,
  correctParticiples,
  withPassiveRequests,
  withoutRemarks,
  withValueAnaphor,
  withChosenName,
  withSentInvite,
  withOrgOfPerson,
  withRecentRecord,
  withOrgThere,
  withRegainedAccess,
  correctedValues,
  withWriter,
  withArrowRoles,
  withNoteRemoval,
  withNamedList,
  withPluralAnaphora,
  withNamedAddress,
  withLabelledAccount,
  withNameless,
  withMetaDescribed,
  withAccountAnaphor,
  correctTypos,
  (m) => m.replace(ROLE_ADJECTIVE, 'regular '),
  withListPointer,
  withAccessDenial,
  withStatedCorrection,
  withSubjectFirst,
  checkQuestions,
  unhedge,
  imperatives,
  withUndoneSanction,
  canonicalVerb,
  withKeyOfOwner,
  withOwnerThenPair,
  // ("can we perhaps just nuke it": the hedge before a casual verb goes once the verb is canonical.)
  unhedge,
];

/** The message without greeting, pleasantries and sign-off; synonyms and typos normalized. */
export function normalize(s: Sentence): Sentence {
  let masked = s.masked
    .replace(GREETING, '')
    .replace(LABEL, '')
    .replace(PLEASANTRY, '')
    .replace(HONORIFIC, '')
    .replace(NAME_SUFFIX, '$1')
    .replace(NAME_TITLE_AFTER, '$1')
    .replace(OR_NOT, '')
    .replace(STATED_QUESTION, '$1is $2 $3?');
  // Only a sign-off that leaves something before it: "thanks" alone is a reply, not a signature.
  const signed = masked.replace(SIGN_OFF, '');
  // "rename it to Foo Bar, ty": the comma before the sign-off goes with it.
  if (signed.trim() !== '' && /[a-z]/i.test(signed)) {
    const signature = masked.slice(signed.length);
    masked = signed.replace(/\s*[,;:–—-]\s*$/, '');
    // "Thanks, Lee Wong (lee@x.test)": the address in the signature is who wrote ("my account is locked … could you
    // sort it?"); it stays as a context sentence pronouns and "the account" can use, when nothing else names anyone.
    const signer = [...new Set(signature.match(/⟦e\d+⟧/g) ?? [])];
    if (signer.length === 1 && !/⟦[ei]\d+⟧/.test(masked))
      masked = `${/[.!?]$/.test(masked) ? masked : `${masked}.`} The message was signed by ${signer[0]}.`;
  }
  // "the option named 'lifetime'", "wants 'PKCE' turned on": a setting's name in quotes is still the
  // setting, never a value — it is read as typed.
  masked = masked.replace(/⟦q(\d+)⟧/g, (token, n: string) => {
    const text = s.ents.quoted[Number(n)];
    return text !== undefined && SETTING_NAME.test(text.trim()) ? text.trim() : token;
  });
  // "an option named leeway, now 10s … please raise it to 60": "it" is that setting.
  const setting = masked.match(SETTING_CALLED)?.[1];
  if (setting) masked = masked.replace(CHANGE_IT, (_m, verb: string) => `${verb} the ${setting} to`);
  // Each stage reads what the one before it left (order matters: a reference is filled before the request
  // forms are read, and casual verbs are canonical last).
  // (A person described by the invitation they sent is said as one token first: the address in the description
  // must never be read as whom the request means — inviter-described.ts.)
  masked = withInviterDescribed(masked, s.ents.emails);
  masked = withNameDisplay(masked, s.ents.quoted);
  masked = withListTopic(masked);
  masked = withDefinedTerms(masked, s.ents);
  for (const stage of STAGES) masked = stage(masked);
  masked = withNamedInvitee(masked, s.ents.emails);
  return masked === s.masked ? s : { ...s, masked: masked || s.masked };
}
