/**
 * Plans for sessions (sign out everywhere = list active sessions, then revoke each; get/revoke by id; list a
 * user's sessions) and for the sign-up allowlist and blocklist (list, add, remove by identifier or id).
 */
import { namedEntries } from './list-entry.js';
import { act, say } from './mutation-step.js';
import { analyze } from './entities.js';
import type { Intent } from './intent-types.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';
import { asObject, asPage, field } from './results.js';
import { askFor, readFailed, resolveUsers, stopped } from './resolve.js';
import { toRef, userRefsAnywhere } from './refs.js';
import { missingNotes, userText } from './plan-users.js';
import { day, plural, table } from './summarize.js';

type Of<K extends Intent['kind']> = Extract<Intent, { kind: K }>;

function sessionRow(o: Record<string, unknown>): unknown[] {
  const activity = (o.latest_activity ?? {}) as Record<string, unknown>;
  const device = [field(activity, 'browser_name'), field(activity, 'device_type'), field(activity, 'city')]
    .filter(Boolean)
    .join(', ');
  return [
    field(o, 'id'),
    field(o, 'status'),
    day(field(o, 'last_active_at')),
    day(field(o, 'expire_at')),
    device || null,
  ];
}

/** "sign Dave out everywhere": active sessions of each user, then one revoke per session. */
export function planSignOut(ctx: PlanContext, intent: Of<'sign_out'>): PlanStep {
  const res = resolveUsers(ctx, intent.targets);
  if (!res.ok) return stopped(ctx, res);
  const { found, missing } = res.value;
  const notes = missingNotes(missing);
  if (found.length === 0) return say(`${notes.join('\n')}\nNothing was changed.`);
  const envs = found.map((u) => ctx.read('clerk_sessions_list', { user_id: u.id, status: 'active' }));
  if (envs.some((e) => !e)) return ctx.pending();
  const calls: Call[] = [];
  found.forEach((u, i) => {
    const env = envs[i]!;
    if (env.status !== 'ok') {
      notes.push(
        `I couldn't list the sessions of ${userText(u)}: ${env.status === 'error' ? env.message : env.status}.`,
      );
      return;
    }
    const sessions = asPage(env.result).items.filter((s) => (field(s, 'status') ?? 'active') === 'active');
    if (sessions.length === 0) notes.push(`${userText(u)} has no active sessions.`);
    for (const s of sessions) {
      const id = field(s, 'id')!;
      calls.push({
        name: 'clerk_session_revoke',
        args: { session_id: id },
        label: `revoke session ${id} of ${userText(u)}`,
        done: () => `Revoked session ${id} of ${userText(u)}`,
      });
    }
  });
  return act(ctx, calls, notes);
}

/** A user's sessions. */
export function planSessionsList(ctx: PlanContext, intent: Of<'sessions_list'>): PlanStep {
  let target = intent.target;
  if (!target) {
    const r = askFor(
      ctx,
      'Whose sessions should I list (email, id or name)?',
      (a) => userRefsAnywhere(analyze(a))[0] ?? toRef(a, analyze(a).ents),
    );
    if (!r.ok) return stopped(ctx, r);
    target = r.value;
  }
  const res = resolveUsers(ctx, [target]);
  if (!res.ok) return stopped(ctx, res);
  const u = res.value.found[0];
  if (!u) return say(`No user matches ${target.kind === 'name' ? `"${target.value}"` : target.value}.`);
  const args: Record<string, unknown> = { user_id: u.id };
  if (intent.status) args.status = intent.status;
  const env = ctx.read('clerk_sessions_list', args);
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, `the sessions of ${userText(u)}`);
  const items = asPage(env.result).items;
  const what = `${intent.status ? `${intent.status} ` : ''}session`;
  if (items.length === 0) return say(`${userText(u)} has no ${what}s.`);
  return say(
    `${userText(u)} has ${plural(items.length, what)}:\n${table(['Session', 'Status', 'Last active', 'Expires', 'Device'], items.map(sessionRow))}`,
  );
}

/** Session details by id. */
export function planSessionGet(ctx: PlanContext, intent: Of<'session_get'>): PlanStep {
  const envs = intent.ids.map((id) => ctx.read('clerk_session_get', { session_id: id }));
  if (envs.some((e) => !e)) return ctx.pending();
  const parts = intent.ids.map((id, i) => {
    const env = envs[i]!;
    if (env.status === 'error' && env.httpStatus === 404) return `No session has the id ${id}.`;
    if (env.status !== 'ok')
      return `I couldn't read session ${id}: ${env.status === 'error' ? env.message : env.status}.`;
    const o = asObject(env.result) ?? {};
    return `Session ${id}\n  user: ${field(o, 'user_id') ?? '—'}\n  status: ${field(o, 'status') ?? '—'}\n  last active: ${field(o, 'last_active_at') ?? '—'}\n  expires: ${field(o, 'expire_at') ?? '—'}`;
  });
  return say(parts.join('\n\n'));
}

/** Revoke sessions by id. */
export function planSessionRevoke(ctx: PlanContext, intent: Of<'session_revoke'>): PlanStep {
  return act(
    ctx,
    intent.ids.map((id) => ({
      name: 'clerk_session_revoke',
      args: { session_id: id },
      label: `revoke session ${id}`,
      done: (result: unknown) =>
        `Revoked session ${id}${field(asObject(result) ?? {}, 'user_id') ? ` (user ${field(asObject(result) ?? {}, 'user_id')})` : ''}`,
    })),
  );
}

const LIST_ACTIONS = {
  allowlist: { list: 'clerk_allowlists_list', create: 'clerk_allowlist_create', delete: 'clerk_allowlist_delete' },
  blocklist: { list: 'clerk_blocklists_list', create: 'clerk_blocklist_create', delete: 'clerk_blocklist_delete' },
} as const;

/** The entries that cover `term`: equal, a wildcard over its domain, or an entry that contains the word. */
function listAnswer(list: 'allowlist' | 'blocklist', term: string, items: Array<Record<string, unknown>>): string {
  const t = term.toLowerCase();
  const domain = t.includes('@') ? t.split('@').pop()! : t.replace(/^\*@/, '');
  const covers = items.filter((i) => {
    const id = (field(i, 'identifier') ?? '').toLowerCase();
    const idDomain = id.replace(/^\*@/, '').split('@').pop()!;
    return id === t || idDomain === domain || (!/[@.]/.test(t) && id.includes(t));
  });
  const state = list === 'blocklist' ? 'blocked' : 'allowed';
  if (covers.length === 0)
    return `No: nothing on the ${list} covers ${term} (I read all ${plural(items.length, 'entry', 'entries')}), so sign-ups from it are not ${state} by the ${list}. Nothing was changed.`;
  return `Yes: ${term} is already covered, so sign-ups from it are ${state}. The ${list} has ${covers
    .map((i) => `${field(i, 'identifier')} (${field(i, 'id')}, added ${day(field(i, 'created_at'))})`)
    .join(', ')}. Nothing was changed.`;
}

/** Allowlist / blocklist entries. */
export function planListEntries(ctx: PlanContext, intent: Of<'list_entries'>): PlanStep {
  const env = ctx.read(LIST_ACTIONS[intent.list].list, {});
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, `the ${intent.list}`);
  const items = asPage(env.result).items;
  if (intent.term) return say(listAnswer(intent.list, intent.term, items));
  if (items.length === 0) return say(`The ${intent.list} is empty.`);
  return say(
    `The ${intent.list} has ${plural(items.length, 'entry', 'entries')}:\n${table(
      ['Identifier', 'Type', 'Added', 'ID'],
      items.map((i) => [
        field(i, 'identifier'),
        field(i, 'identifier_type'),
        day(field(i, 'created_at')),
        field(i, 'id'),
      ]),
    )}`,
  );
}

/** The entry that already covers `identifier`: the same identifier, its `*@` twin, or a wildcard over its domain. */
function coveringEntry(identifier: string, items: Array<Record<string, unknown>>): Record<string, unknown> | undefined {
  const lower = identifier.toLowerCase();
  const twin = lower.startsWith('*@') ? lower.slice(2) : `*@${lower}`;
  const wildcard = lower.includes('@') && !lower.startsWith('*@') ? `*@${lower.split('@').pop()}` : undefined;
  const id = (i: Record<string, unknown>) => field(i, 'identifier')?.toLowerCase();
  return (
    items.find((i) => id(i) === lower) ??
    items.find((i) => id(i) === twin) ??
    (wildcard ? items.find((i) => id(i) === wildcard) : undefined)
  );
}

/**
 * Adds identifiers to a list. The list is read first: an identifier it already covers is reported, not added
 * again (a second create would be a needless approval and fails in Clerk with a duplicate error anyway).
 */
export function planListAdd(ctx: PlanContext, intent: Of<'list_add'>): PlanStep {
  const a = LIST_ACTIONS[intent.list];
  const env = ctx.read(a.list, {});
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, `the ${intent.list}`);
  const items = asPage(env.result).items;
  const notes: string[] = [];
  const calls: Call[] = [];
  for (const identifier of intent.identifiers) {
    const entry = coveringEntry(identifier, items);
    if (entry) {
      const shown = field(entry, 'identifier');
      notes.push(
        `${identifier} is already on the ${intent.list}${shown?.toLowerCase() === identifier.toLowerCase() ? '' : ` (covered by ${shown})`}: ${field(entry, 'id')}, added ${day(field(entry, 'created_at'))}.`,
      );
      continue;
    }
    calls.push({
      name: a.create,
      args: { identifier, ...(intent.notify ? { notify: true } : {}) },
      label: `add ${identifier} to the ${intent.list}${intent.notify ? ' and notify them' : ''}`,
      done: (result: unknown) =>
        `Added ${identifier} to the ${intent.list}${field(asObject(result) ?? {}, 'id') ? ` (${field(asObject(result) ?? {}, 'id')})` : ''}`,
    });
  }
  return act(ctx, calls, notes);
}

/** Removes entries, found by identifier in the list (or given by id). */
export function planListRemove(ctx: PlanContext, intent: Of<'list_remove'>): PlanStep {
  const a = LIST_ACTIONS[intent.list];
  const calls: Call[] = intent.ids.map((id) => ({
    name: a.delete,
    args: { identifier_id: id },
    label: `remove entry ${id} from the ${intent.list}`,
    done: () => `Removed entry ${id} from the ${intent.list}`,
  }));
  const notes: string[] = [];
  if (intent.described && intent.identifiers.length === 0 && intent.ids.length === 0) return removeNamed(ctx, intent);
  if (intent.identifiers.length > 0) {
    const env = ctx.read(a.list, {});
    if (!env) return ctx.pending();
    if (env.status !== 'ok') return readFailed(env, `the ${intent.list}`);
    const items = asPage(env.result).items;
    for (const ident of intent.identifiers) {
      const lower = ident.toLowerCase();
      const alt = lower.startsWith('*@') ? lower.slice(2) : `*@${lower}`;
      const hit =
        items.find((i) => field(i, 'identifier')?.toLowerCase() === lower) ??
        items.find((i) => field(i, 'identifier')?.toLowerCase() === alt);
      if (!hit) {
        notes.push(`${ident} is not on the ${intent.list}.`);
        continue;
      }
      const shown = field(hit, 'identifier')!;
      calls.push({
        name: a.delete,
        args: { identifier_id: field(hit, 'id')! },
        label: `remove ${shown} from the ${intent.list} (${field(hit, 'id')})`,
        done: () => `Removed ${shown} from the ${intent.list}`,
      });
    }
  }
  return act(ctx, calls, notes);
}

/** "nuke the mailinator thing from the blocklist": the one entry the message names by a word of it. */
function removeNamed(ctx: PlanContext, intent: Of<'list_remove'>): PlanStep {
  const a = LIST_ACTIONS[intent.list];
  const ask = `Tell me which entry to remove from the ${intent.list}, e.g. "remove *@acme.test from the ${intent.list}".`;
  const env = ctx.read(a.list, {});
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, `the ${intent.list}`);
  const items = asPage(env.result).items;
  const hits = namedEntries(ctx.turn.request, items, (i) => field(i, 'identifier') ?? '');
  if (hits.length === 0) return say(`I couldn't tell which ${intent.list} entry you mean. ${ask} Nothing was changed.`);
  if (hits.length > 1)
    return say(
      `Several ${intent.list} entries fit (${hits.map((h) => field(h, 'identifier')).join(', ')}). ${ask} Nothing was changed.`,
    );
  const shown = field(hits[0]!, 'identifier')!;
  return act(
    ctx,
    [
      {
        name: a.delete,
        args: { identifier_id: field(hits[0]!, 'id')! },
        label: `remove ${shown} from the ${intent.list} (${field(hits[0]!, 'id')})`,
        done: () => `Removed ${shown} from the ${intent.list}`,
      },
    ],
    [],
  );
}
