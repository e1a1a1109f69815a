/**
 * The organization a message keeps talking about, clause after clause: "create an organization called X and add
 * Y to it" (the one created), "remove X from globex and make Y an admin there", "…Stark Industries to 20 and
 * rename it to Stark Intl" (the one the clause before named). A clause that does not parse, or names no
 * organization for a membership step, is re-read with the reference replaced by that organization's name; the
 * re-reading is kept only when it parses to a step of the right kind, so nothing is guessed.
 */
import { subSentence } from './clauses.js';
import type { Sentence } from './entities.js';
import type { Intent, Ref } from './intent-types.js';
import { fillThere } from './org-context.js';

const PASSIVE = new Set<Intent['kind']>(['unknown', 'smalltalk', 'help']);
// "to it", "to the new organization", "there": the organization an earlier clause created.
const NEW_ORG = /\b(?:it|there|the new (?:org|organi[sz]ation|team|one)|that (?:org|organi[sz]ation))\b/i;
const THERE = /\b(?:there|in the same (?:org|organi[sz]ation))\b/i;
const IT = /\bit\b/i;
export const CREATOR =
  /\b(?:make|set|have|put|mark|record)\s+((?:(?!\b(?:make|set|have|put|mark|record|and|with|called|named)\b)[^,;])+?)\s+(?:as\s+)?(?:its|the|their|the new (?:org|organi[sz]ation)'s)\s+(?:creator|owner|founder)\b/i;
const ORG_INTENTS = new Set<Intent['kind']>(['org_update', 'rename_any', 'org_get', 'org_delete']);
const ORG_STEPS = new Set<Intent['kind']>(['invite', 'membership_add', 'membership_set_role', 'members_list']);

type Parse = (s: Sentence) => Intent;

/** True when an intent names an organization by name (so "there" / "it" in another clause can mean it). */
function namesOrg(intent: Intent): boolean {
  return (intent as { org?: Ref }).org?.kind === 'name';
}

/** True when a clause that does not parse alone may be completed by another clause's organization. */
export function refersToOrgOf(masked: string, others: Intent[]): boolean {
  if (NEW_ORG.test(masked) && others.some((o) => o.kind === 'org_create')) return true;
  return (THERE.test(masked) || IT.test(masked)) && others.some(namesOrg);
}

/** Tracks the organizations of earlier clauses and completes later clauses that refer to them. */
export class OrgThread {
  private created: string | undefined;
  private last: string | undefined;
  private memberOf: Ref | undefined;

  /** The clause's sentence and intent, re-read with the organization reference filled when that parses. */
  complete(whole: Sentence, masked: string, s: Sentence, intent: Intent, parse: Parse): [Sentence, Intent] {
    let out: [Sentence, Intent] = [s, intent];
    const orgless = (i: Intent): boolean => PASSIVE.has(i.kind) || (ORG_STEPS.has(i.kind) && !namesOrg(i));
    const retry = (text: string, accept: (i: Intent) => boolean): void => {
      const again = subSentence(whole, text);
      const parsed = parse(again);
      if (accept(parsed)) out = [again, parsed];
    };
    if (orgless(out[1]) && this.created && NEW_ORG.test(masked))
      retry(masked.replace(NEW_ORG, this.created), (i) => !PASSIVE.has(i.kind));
    // "…, and make Ann Park its creator": the person who creates the new organization (its first admin), one
    // field of the create — re-read as "create <it> owned by <person>" and folded into the create (merge-steps.ts).
    const creator = this.created ? masked.match(CREATOR) : null;
    if (creator && this.created)
      retry(
        `create an organization called ${this.created} owned by ${creator[1]!.replace(/\s*\([^)]*\)/g, '')}`,
        (i) => i.kind === 'org_create' && i.ownerRef !== undefined,
      );
    if (PASSIVE.has(out[1].kind) && this.last && IT.test(masked))
      retry(masked.replace(IT, this.last), (i) => ORG_INTENTS.has(i.kind));
    if (orgless(out[1]) && this.last && THERE.test(masked))
      retry(fillThere(masked, this.last), (i) => !PASSIVE.has(i.kind));
    // "how many members does Foo have, and who are the admins?": a question about members that names no
    // organization asks about the one the clause before named (a read: nothing is changed on a guess).
    if (out[1].kind === 'members_list' && !out[1].org && this.last)
      out = [out[0], { ...out[1], org: { kind: 'name', value: this.last } }];
    // "what team is X on? who holds billing over there?": the organization the clause before asked about is X's own.
    else if (out[1].kind === 'members_list' && !out[1].org && !out[1].ofUser && this.memberOf)
      out = [out[0], { ...out[1], ofUser: this.memberOf }];
    const final = out[1];
    if (final.kind === 'orgs_list' && final.memberRef) this.memberOf = final.memberRef;
    if (final.kind === 'org_create' && typeof final.fields.name === 'string') this.created = final.fields.name;
    const named = (final as { org?: Ref }).org;
    if (named?.kind === 'name') this.last = named.value;
    return out;
  }
}
