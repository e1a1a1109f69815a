/**
 * "Foo has 2 viewers; Ann should stay. Remove the remaining Foo viewer." — "the other <role holder>" leaves
 * out whoever the message's other clauses name (by full name, address, or a first name that is a clause's subject:
 * org-context.ts `referents`). Nothing named elsewhere leaves the list empty, and the planner asks which holder is
 * meant when several remain (resolve.ts); the people named are never the target.
 */
import type { Entities } from './entities.js';
import { unmask } from './entities.js';
import type { Intent, Ref } from './intent-types.js';
import { describedRef } from './described.js';
import { referents } from './org-context.js';

/** The intent with each "other" role reference given the people the other clauses name. */
export function withKeptOut(intent: Intent, others: string[], org: string | undefined, ents: Entities): Intent {
  if (intent.kind === 'sequence')
    return { ...intent, steps: intent.steps.map((s) => withKeptOut(s, others, org, ents)) };
  const refs = (intent as { targets?: Ref[] }).targets ?? (intent as { users?: Ref[] }).users;
  if (!refs?.some((r) => r.kind === 'role' && r.except?.length === 0)) return intent;
  const context = others.join(' ');
  const named = others
    .flatMap((o) => [...(o.match(/⟦e\d+⟧/g) ?? []), ...referents(o, org, context)])
    .filter((n) => !describedRef(n))
    .map((n) => unmask(n, ents).trim())
    .filter((n) => n !== '');
  const fill = (r: Ref): Ref =>
    r.kind === 'role' && r.except?.length === 0
      ? { ...r, except: named.filter((n) => n.toLowerCase() !== r.org?.toLowerCase()) }
      : r;
  if ('targets' in intent) return { ...intent, targets: intent.targets.map(fill) } as Intent;
  return { ...intent, users: (intent as { users: Ref[] }).users.map(fill) } as Intent;
}
