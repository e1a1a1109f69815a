/**
 * Ends the one active session that fits the device the admin described. No fit, or several, is a question that
 * lists the user's active sessions by device; the answer (session id, number or device words) picks one. A
 * session is never picked by elimination or by guess.
 */
import { act, say } from './mutation-step.js';
import type { Intent } from './intent-types.js';
import type { PlanStep, PlanContext } from './plan-context.js';
import { missingNotes, userText } from './plan-users.js';
import { asPage, field } from './results.js';
import { askFor, readFailed, resolveUsers, stopped } from './resolve.js';
import { deviceWords } from './session-device.js';

type Of<K extends Intent['kind']> = Extract<Intent, { kind: K }>;
type Obj = Record<string, unknown>;

/** "Safari on iPhone, New York (US)". */
function deviceLabel(session: Obj): string {
  const a = (session.latest_activity ?? {}) as Obj;
  const place = [field(a, 'city'), field(a, 'country')].filter(Boolean).join(', ');
  const what = [field(a, 'browser_name'), field(a, 'device_type')].filter(Boolean).join(' on ');
  return [what, place].filter(Boolean).join(', ') || 'unknown device';
}

function fits(session: Obj, words: string[]): boolean {
  const a = (session.latest_activity ?? {}) as Obj;
  const tests = deviceWords(words.join(', '));
  return tests.length > 0 && tests.every((t) => t.test(a));
}

/** Revokes the described session of one user. */
export function planSessionRevokeDevice(ctx: PlanContext, intent: Of<'session_revoke_device'>): PlanStep {
  const res = resolveUsers(ctx, [intent.target]);
  if (!res.ok) return stopped(ctx, res);
  const user = res.value.found[0];
  if (!user) return say(`${missingNotes(res.value.missing).join('\n')}\nNothing was changed.`);
  const env = ctx.read('clerk_sessions_list', { user_id: user.id, status: 'active' });
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, `the sessions of ${userText(user)}`);
  const sessions = asPage(env.result).items.filter((s) => (field(s, 'status') ?? 'active') === 'active');
  if (sessions.length === 0)
    return say(`${userText(user)} has no active sessions, so there is nothing to end. Nothing was changed.`);
  // "revoke her session" with no device words fits only when she has exactly one active session.
  let matches =
    intent.words.length === 0 && sessions.length === 1 ? sessions : sessions.filter((s) => fits(s, intent.words));
  if (matches.length !== 1) {
    const list = sessions.map((s, i) => `${i + 1}. ${field(s, 'id')} — ${deviceLabel(s)}`).join('\n');
    const said = intent.words.length > 0 ? `"${intent.words.join(', ')}"` : 'your description';
    const why =
      matches.length === 0
        ? `None of ${userText(user)}'s active sessions matches ${said}.`
        : `Several of ${userText(user)}'s active sessions match ${said}.`;
    const r = askFor(ctx, `${why} Active sessions:\n${list}\nWhich one should I revoke?`, (answer) => {
      const byId = sessions.find((s) => answer.includes(field(s, 'id') ?? '\u0000'));
      if (byId) return byId;
      const n = answer.match(/^\D*(\d+)\D*$/);
      if (n && sessions[Number(n[1]) - 1]) return sessions[Number(n[1]) - 1];
      const picked = sessions.filter((s) => fits(s, [answer]));
      return picked.length === 1 ? picked[0] : undefined;
    });
    if (!r.ok) return stopped(ctx, r);
    matches = [r.value];
  }
  const s = matches[0]!;
  const id = field(s, 'id')!;
  const label = `revoke ${userText(user)}'s session ${id} (${deviceLabel(s)})`;
  return act(ctx, [
    {
      name: 'clerk_session_revoke',
      args: { session_id: id },
      label,
      done: () => `Revoked ${userText(user)}'s session ${id} (${deviceLabel(s)}); other sessions were left alone`,
    },
  ]);
}
