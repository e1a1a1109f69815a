/**
 * A question about one value a record holds (round 14): "what plan is Foo on?", "which title does Ann Lee have in her
 * profile?", "what's the shift set to for joanna@x.test?". People ask for the value by the name of its metadata key.
 *
 * Rule: the message asks (a "what/which" question, or ends with "?"), names one or more users or organizations, and
 * names a metadata key one of them holds (the key itself, or every word it is made of). The records are read and the
 * value is answered as the data has it; a key no record holds is said to be missing, never guessed. Nothing changes.
 */
import type { Sentence } from './entities.js';
import type { Intent } from './intent-types.js';
import { recordsNamed, usersNamed } from './listed-names.js';
import { notUnderstood } from './examples.js';
import { say } from './mutation-step.js';
import type { PlanContext, PlanStep } from './plan-context.js';
import { toOrg, toUser } from './results.js';
import { keyNamed, listPeopleAndOrgs, readWhole } from './value-swap.js';

type Question = Extract<Intent, { kind: 'value_question' }>;
type Obj = Record<string, unknown>;

// "what plan …", "which tier …", "what's the title of/for …": a question that names the value it asks for.
const ASKS =
  /\b(?:what|which)\s+(?!(?:is|are|was|were|do|does|did|can|could|should|would|will|has|have|had|happened|happens|going|about|if|kind|sort|time|day|else|exactly)\b)[a-z_][\w-]*\b|\bwhat(?:['’]s|\s+is)\s+the\s+[a-z_][\w-]*(?:\s+[a-z_][\w-]*)?\s+(?:of|for|on|in|at)\b/i;
// (Metadata a question may be answered from: private metadata is never shown, compact.ts.)
const SHOWN = ['public_metadata', 'unsafe_metadata'] as const;

/** A question about a value, or undefined when the message asks none. */
export function parseValueQuestion(whole: Sentence, topic?: string): Intent | undefined {
  const text = whole.text.trim();
  // (The whole message names whose value; a sentence of it asks.)
  const asking = text.split(/(?<=[.!?])\s+|\n+/).some((t) => ASKS.test(t) && /\?\s*$|^\s*(?:what|which)\b/i.test(t));
  return asking ? { kind: 'value_question', text, ...(topic ? { topic } : {}) } : undefined;
}

/** Reads the records the question names and answers the value of the metadata key it names. */
export function planValueQuestion(ctx: PlanContext, intent: Question): PlanStep {
  const listed = listPeopleAndOrgs(ctx);
  if ('step' in listed) return listed.step;
  const namedUsers = usersNamed(intent.text, listed.users.map(toUser));
  const namedOrgs = recordsNamed(intent.text, listed.orgs.map(toOrg));
  // (Nothing this reading can answer: the reply is the one for a request not understood.)
  if (namedUsers.length + namedOrgs.length === 0 || namedUsers.length + namedOrgs.length > 3)
    return say(notUnderstood(intent.topic));
  const read = readWhole(ctx, namedUsers, namedOrgs);
  if ('step' in read) return read.step;
  const answers: string[] = [];
  for (const r of read.records)
    for (const field of SHOWN) {
      const meta = r.rec[field];
      if (!meta || typeof meta !== 'object') continue;
      for (const [key, value] of Object.entries(meta as Obj))
        if (keyNamed(intent.text, key))
          answers.push(`${r.label}: ${key} is ${JSON.stringify(value)} (${field.replace('_', ' ')}).`);
    }
  if (answers.length === 0) return say(notUnderstood(intent.topic));
  return say(answers.join('\n'));
}
