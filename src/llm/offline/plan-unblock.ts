/**
 * "unblock x@y.test" can mean two things: lift the user's ban, or remove the address from the sign-up blocklist.
 * Both are read (the user by email, the blocklist), and the one that applies is proposed; when both apply, one
 * question decides. Nothing is guessed.
 */
import { act, say } from './mutation-step.js';
import type { Intent } from './intent-types.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';
import { missingNotes, userCall, userText } from './plan-users.js';
import { asPage, field } from './results.js';
import { askFor, firstStop, readFailed, resolveUsers, stopped } from './resolve.js';

type Of<K extends Intent['kind']> = Extract<Intent, { kind: K }>;

/** Unban and/or remove blocklist entries for the emails of an "unblock" request. */
export function planUnblock(ctx: PlanContext, intent: Of<'user_action'>): PlanStep {
  const env = ctx.read('clerk_blocklists_list', {});
  const users = resolveUsers(ctx, intent.targets);
  const stop = firstStop(ctx, [users, env ? { ok: true, value: env } : { ok: false, outcome: 'pending' }]);
  if (stop) return stop;
  if (env!.status !== 'ok') return readFailed(env!, 'the blocklist');
  if (!users.ok) return stopped(ctx, users);
  const entries = asPage((env as { result: unknown }).result).items;
  const calls: Call[] = [];
  const notes: string[] = [];
  for (const ref of intent.targets) {
    const email = ref.value.toLowerCase();
    const user = users.value.found.find((u) => u.email?.toLowerCase() === email);
    const entry = entries.find((i) => field(i, 'identifier')?.toLowerCase() === email);
    const unban = user?.banned === true;
    let which: 'user' | 'list' | 'both' | undefined =
      unban && entry ? undefined : unban ? 'user' : entry ? 'list' : undefined;
    if (unban && entry) {
      const r = askFor(
        ctx,
        `${userText(user)} is banned and ${email} is also on the blocklist. Should I unban the user, remove the blocklist entry, or both?`,
        (a) =>
          /\bboth\b/i.test(a)
            ? ('both' as const)
            : /\bblock ?list|\bentry|\blist\b/i.test(a)
              ? ('list' as const)
              : /\bunban|\buser\b|\baccount\b/i.test(a)
                ? ('user' as const)
                : undefined,
      );
      if (!r.ok) return stopped(ctx, r);
      which = r.value;
    }
    if (!which) {
      notes.push(
        user
          ? `${userText(user)} is not banned and ${email} is not on the blocklist, so there is nothing to unblock.`
          : `${email} is not on the blocklist and no user has that email.`,
      );
      continue;
    }
    if ((which === 'user' || which === 'both') && user) calls.push(userCall('clerk_user_unban', user));
    if ((which === 'list' || which === 'both') && entry) {
      const id = field(entry, 'id')!;
      calls.push({
        name: 'clerk_blocklist_delete',
        args: { identifier_id: id },
        label: `remove ${email} from the blocklist (${id})`,
        done: () => `Removed ${email} from the blocklist`,
      });
    }
  }
  if (calls.length === 0 && users.value.missing.length > 0 && notes.length === 0)
    return say(`${missingNotes(users.value.missing).join('\n')}\nNothing was changed.`);
  return act(ctx, calls, notes);
}
