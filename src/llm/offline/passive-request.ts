/**
 * Requests said as decisions or in the passive (issue 15, round 11): "the board has agreed that X's login be
 * locked", "the 'region' entry shall be removed from Foo's public metadata", "X is henceforth to hold the admin role
 * at Foo". Formal writing names the thing first and the act last; the readers expect the act first. The rewrite turns
 * the passive clause around ("lock the account of X", "remove the 'region' entry from …", "make X an admin of Foo")
 * and leaves everything else as written. Only participles of acts the model knows are turned; a passive of anything
 * else ("was locked following failed attempts": what happened, past tense) is left alone — only a passive that asks
 * (shall / should / must / is to / be) is a request.
 */
import { OBJECT } from './lexicon.js';

// The act each participle names, and what stands between the verb and the rest when the participle takes "to".
const ACTS: Readonly<Record<string, string>> = {
  locked: 'lock',
  unlocked: 'unlock',
  banned: 'ban',
  unbanned: 'unban',
  deleted: 'delete',
  removed: 'remove',
  revoked: 'revoke',
  rescinded: 'revoke',
  withdrawn: 'revoke',
  cancelled: 'cancel',
  canceled: 'cancel',
  reinstated: 'unban',
  suspended: 'lock',
  blocked: 'block',
  unblocked: 'unblock',
  invited: 'invite',
  renamed: 'rename',
  added: 'add',
  recorded: 'record',
  stored: 'store',
  promoted: 'promote',
  demoted: 'demote',
  // (A value the thing is changed to: "be amended to read 'x'", "be raised to 12", "be upgraded to 'pro'".)
  amended: 'set',
  changed: 'set',
  updated: 'set',
  set: 'set',
  raised: 'set',
  increased: 'set',
  reduced: 'set',
  lowered: 'set',
  upgraded: 'set',
  downgraded: 'set',
  elevated: 'change',
  // ("Foo's owner should be reassigned as a viewer": a role change.)
  reassigned: 'move',
  moved: 'move',
  // (A setting switched: "PKCE must be enabled for Foo" → "enable PKCE for Foo".)
  enabled: 'enable',
  disabled: 'disable',
  signed: 'sign',
  terminated: 'end',
  ended: 'end',
};

const ASKING =
  '(?:shall|should|must|will\\s+need\\s+to|needs?\\s+to|has\\s+to|have\\s+to|is\\s+to|are\\s+to|is\\s+hereby\\s+to)\\s+';
// "it was agreed that …", "the committee has resolved that …": the decision's lead is no part of the request.
const DECIDED =
  /\b(?:it\s+(?:has\s+(?:now\s+)?been|is|was|had\s+been)\s+(?:decided|agreed|resolved|determined|directed|approved|requested|ordered)|(?:we|i|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:have|has)\s+(?:now\s+)?(?:decided|agreed|resolved|determined|directed))\s+that\s*:?\s*/gi;
// (Where a decision's lead stood: only there is a bare "X be locked" a request.)
const MARK = '⟪that⟫ ';
// The subject (no sentence break, no second verb), the asking modal (or the bare subjunctive "be"), the participle.
const ADVERB = '(?:(?:henceforth|now|hereby|immediately|forthwith|also|just|simply|then|please|duly)\\s+)*';
const PASSIVE = new RegExp(
  `(^|[.;:!?]\\s+|\\n\\s*|\\((?:[a-z]|i{1,3}|iv|v|\\d+)\\)\\s*|\\b(?:and|then)\\s+|⟪that⟫\\s*)([^.;:!?\\n⟪]{2,160}?)\\s+(?:${ASKING}|(?<=⟪that⟫\\s*[^.;:!?\\n⟪]{2,160}))${ADVERB}be\\s+(?:(?:immediately|forthwith|hereby|duly|promptly)\\s+)?(${Object.keys(ACTS).join('|')})\\b(\\s+(?:out|off))?`,
  'gi',
);
// "X shall (instead / henceforth) hold the administrator role in Foo": the role they are to have.
const HOLD = new RegExp(
  `(^|[.;:!?]\\s+|\\b(?:and|then)\\s+)([^.;:!?\\n]{2,120}?)\\s+(?:${ASKING})(?:no\\s+longer\\s+hold\\s+the\\s+[\\w"'’ ]{1,30}?\\s+role\\s+(?:in|at|of|within)\\s+(?:the\\s+)?([^.;:!?\\n]{1,60}?)\\s+and\\s+(?:${ASKING})?)?(?:(?:instead|henceforth|now)\\s+)?hold\\s+the\\s+["'“]?(admin(?:istrator)?|member|viewer|billing)["'”]?\\s+role(?:\\s+(?:in|at|of|within)\\s+(?:the\\s+)?([^.;:!?\\n,]{1,60}))?`,
  'gi',
);
// "Y be given the viewer role at Foo", "X be granted the admin role within Bar": given a role.
const ASSIGNED = new RegExp(
  `(^|[.;:!?]\\s+|\\b(?:and|then)\\s+)([^.;:!?\\n]{2,120}?)\\s+(?:${ASKING})?be\\s+(?:assigned|given|granted)\\s+the\\s+["'“]?(admin(?:istrator)?|member|viewer|billing)["'”]?\\s+role\\s+(?:in|at|of|within)\\s+(?:the\\s+)?([^.;:!?\\n,]{1,60})`,
  'gi',
);

const AUXILIARY_END =
  /\b(?:was|were|has|have|had|is|are|will|would|can|could|may|might|to|not|been|being|already|also|get|gets|got|should|shall|must|just|simply)\s*$/i;
const NEGATED = /\b(?:not|never|no\s+longer|no\s+need|nor|neither)\b|n['’]t\b/i;
// (Left to the readers that already know these forms: a request said with "that" — "we are requesting that X be
// locked" —, a nested passive — "still waiting to be accepted" —, a label joined by a dash.)
const LEFT_TO_OTHERS =
  /\b(?:requesting|request|requests|requested|asking|ask|asks|asked|want|wants|wanted|need|needs|wish|like)\s+that\b|\bto\s+be\s+\w+ed\b|\s--?\s/i;

// "Could the tier be updated to 'X'?", "we'd like that template to be removed": a passive asked as
// a question or a wish is the same request.
const PARTS = Object.keys(ACTS).join('|');
const ASKED_PASSIVE = new RegExp(
  `\\b(?:could|can|would|will)\\s+((?:the|its|their|his|her|our|this|that)\\s+[^.;:!?\\n]{1,80}?)\\s+(?:please\\s+)?be\\s+(${PARTS})\\b`,
  'gi',
);
const WISHED_PASSIVE = new RegExp(
  `\\b(?:i|we)\\s+(?:would\\s+like|['’]d\\s+like|want|need|wish|would\\s+prefer)\\s+((?:the|its|their|his|her|our|this|that)\\s+[^.;:!?\\n]{1,80}?)\\s+to\\s+be\\s+(${PARTS})\\b`,
  'gi',
);

// "We would be grateful if X could be removed", "it would be appreciated if X were updated to …": a polite wish
// whose subject is the thing, not "you", is the same passive request ("X should be removed"). The "if" is no
// condition here — the readers of conditions never see it.
const POLITE_IF = new RegExp(
  `\\b(?:(?:i|we)(?:'d|’d|\\s+would)\\s+be\\s+(?:\\w+\\s+)?(?:gratef?ull?|thankfull?|glad|happy|obliged|pleased)|it\\s+would\\s+be\\s+(?:\\w+\\s+)?(?:appreciated|great|helpful|ideal))\\s+if\\s+(?!(?:you|u)\\b)([^.;!?\\n]{2,160}?)\\s+(?:could|can|would|might|were(?:\\s+to)?|was)\\s+(?:(?:kindly|please|possibly|also)\\s+)?(?:be\\s+)?(?=(?:${Object.keys(ACTS).join('|')})\\b)`,
  'gi',
);

const role = (r: string): string => (/^admin/i.test(r) ? 'an admin' : `a ${r.toLowerCase()}`);
// (A subject that is itself a clause — "which, having been found …" — or starts with a verb is not turned.)
const NOT_SUBJECT =
  /^(?:it|this|that|there|which|who|what|if|when|unless|provided|nothing|no\s+other|none|i|we|you)\b/i;

const turnable = (who: string): boolean => !NOT_SUBJECT.test(who.trim()) && !NEGATED.test(who);

/** The message with passive and decided requests said as imperatives. */
export function withPassiveRequests(masked: string): string {
  const turn = (m: string, thing: string, part: string): string =>
    NEGATED.test(thing) ? m : `${ACTS[part.toLowerCase()]!} ${thing.trim()}`;
  return (
    masked
      .replace(POLITE_IF, (m, thing: string) => (NEGATED.test(thing) ? m : `${thing} should be `))
      .replace(ASKED_PASSIVE, turn)
      .replace(WISHED_PASSIVE, turn)
      .replace(DECIDED, MARK)
      .replace(
        HOLD,
        (m, lead: string, who: string, fromOrg: string | undefined, r: string, org: string | undefined) => {
          const where = org ?? fromOrg;
          if (!turnable(who)) return m;
          return `${lead}make ${who.trim()} ${role(r)}${where ? ` of ${where.trim()}` : ''}`;
        },
      )
      .replace(ASSIGNED, (m, lead: string, who: string, r: string, org: string) =>
        turnable(who) ? `${lead}make ${who.trim()} ${role(r)} of ${org.trim()}` : m,
      )
      .replace(PASSIVE, (m, lead: string, what: string, part: string, out: string | undefined) => {
        const thing = what.trim();
        // (Never a negated or merely foretold passive: "her login must not be removed", "it will be locked".)
        if (NOT_SUBJECT.test(thing) || AUXILIARY_END.test(thing) || NEGATED.test(thing) || LEFT_TO_OTHERS.test(thing))
          return m;
        const verb = ACTS[part.toLowerCase()]!;
        // ("…, so she has to be invited": the subject is what follows the last "so" / "and" / comma before a pronoun.)
        const pro = thing.match(/^((?:.*?(?:,\s*|\b(?:so|and|but|then)\s+))?)(he|she|they|it)$/i);
        if (pro) return `${lead}${pro[1]}${verb}${out ?? ''} ${OBJECT[pro[2]!.toLowerCase()]}`;
        // ("Pursuant to the policy, the 'x' entry shall be removed": a lead before the subject stays in front.)
        const lead2 = thing.match(
          /^(.*,\s+)((?:the|a|an|all|every|each|his|her|their|its|mr\.?|ms\.?|mrs\.?|dr\.?)\b.*)$/i,
        );
        return lead2 ? `${lead}${lead2[1]}${verb}${out ?? ''} ${lead2[2]}` : `${lead}${verb}${out ?? ''} ${thing}`;
      })
      // ("set the aud claim … to read 'x'": what it is to read is its value.)
      .replace(/\b(set\s+[^.;:!?\n]+?)\s+to\s+read\s+/gi, '$1 to ')
      .replace(/⟪that⟫\s*/g, '')
  );
}
