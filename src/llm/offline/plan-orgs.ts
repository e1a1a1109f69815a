/**
 * Plans for organizations, memberships and invitations: resolve the org (and users) with reads, then act; member
 * lists and counts; role changes check the current membership first (create it when the user is not a member yet).
 */
import { act, say, withJsonArgs } from './mutation-step.js';
import { analyze } from './entities.js';
import type { Intent, Ref } from './intent-types.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';
import { asObject, asPage, toOrg, type OrgRow, type UserRow } from './results.js';
import { askFor, firstStop, orgByCreator, readFailed, requireOrg, resolveUsers, stopped, type Res } from './resolve.js';
import { POSSESSED_ORG, WHICH_ORG_IN } from './org-of-person.js';
import { orgCreatorIn } from './creator.js';
import { orgRef } from './refs.js';
import { changeText, userText } from './plan-users.js';
import { day, plural, table } from './summarize.js';
import { mentionedOne } from './mentioned.js';

// An organization said only as a pronoun or a bare noun: which one is still to be found.
const NOT_NAMED =
  /^(?:(?:the|our|their|his|her|its|that|this|your|my)\s+)?(?:org|organi[sz]ation|company|workspace|team|it|its|their|them|there)$|^(?:the|a|an|our|their|his|her)$/i;

type Of<K extends Intent['kind']> = Extract<Intent, { kind: K }>;

const ORG_METADATA = ['public_metadata', 'private_metadata'] as const;

/** "Acme Inc (org_…)". */
export function orgText(o: OrgRow): string {
  return o.name === o.id ? o.id : `${o.name} (${o.id})`;
}

/** "admin" / "member" for the default roles, the key itself for custom ones. */
export function roleWord(role: string): string {
  return role === 'org:admin' ? 'admin' : role === 'org:member' ? 'member' : role;
}

/** Asks which organization when the request did not say. */
export function orgOrAsk(ctx: PlanContext, ref: Ref | undefined, question: string, newValues: string[] = []): Res<Ref> {
  if (ref && !(ref.kind === 'name' && NOT_NAMED.test(ref.value))) return { ok: true, value: ref };
  // "rename their organisation", no organization said: the one the message names anywhere (mentioned.ts).
  const env = ctx.read('clerk_organizations_list', { limit: 100 });
  if (!env) return { ok: false, outcome: 'pending' };
  const found =
    env.status === 'ok'
      ? mentionedOne(withoutValues(ctx.turn.request, newValues), asPage(env.result).items.map(toOrg), (o) => [
          o.name,
          o.slug,
        ])
      : undefined;
  if (found) return { ok: true, value: { kind: 'name', value: found.name } };
  // "the workspace Ann Lee made in spring": the one organization that person created.
  const creator = orgCreatorIn(ctx.turn.request);
  if (creator && env.status === 'ok') {
    const made = orgByCreator(ctx, creator, asPage(env.result).items.map(toOrg));
    if (!made.ok) return made;
    // (By its slug, unique and matched exactly, so the card names it.)
    if (made.value) return { ok: true, value: { kind: 'name', value: made.value.slug } };
  }
  // "limit ann@x.test's organization to 12", "see which org Ann is in and …": the organization that person is in
  // (resolve.ts reads it: one → it, several → asked which).
  if (POSSESSED_ORG.test(ctx.turn.request) || WHICH_ORG_IN.test(ctx.turn.request))
    return { ok: true, value: { kind: 'mention', value: ctx.turn.request } };
  return askFor(ctx, question, (a) => orgRef(analyze(a).masked, analyze(a).ents));
}

/** Organizations list / count / "which orgs is X in". */
export function planOrgsList(ctx: PlanContext, intent: Of<'orgs_list'>): PlanStep {
  const args: Record<string, unknown> = { include_members_count: true, limit: intent.count ? 500 : 100 };
  if (intent.query) args.query = intent.query;
  let who: UserRow | undefined;
  if (intent.memberRef) {
    const res = resolveUsers(ctx, [intent.memberRef]);
    if (!res.ok) return stopped(ctx, res);
    who = res.value.found[0];
    if (!who) return say(`No user matches "${intent.memberRef.value}".`);
    args.user_id = [who.id];
  }
  const env = ctx.read('clerk_organizations_list', args);
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, 'organizations');
  const page = asPage(env.result);
  const rows = page.items.map(toOrg);
  const n = page.total ?? rows.length;
  const scope = who ? ` that ${userText(who)} belongs to` : intent.query ? ` matching "${intent.query}"` : '';
  if (intent.count) return say(`There ${n === 1 ? 'is' : 'are'} ${plural(n, 'organization')}${scope}.`);
  if (rows.length === 0) return say(`No organizations${scope}.`);
  return say(
    `${plural(n, 'organization')}${scope}:\n${table(
      ['Name', 'Slug', 'Members', 'Max', 'Created', 'ID'],
      rows.map((o) => [
        o.name,
        o.slug,
        o.membersCount,
        o.maxAllowed === 0 ? 'unlimited' : o.maxAllowed,
        day(o.createdAt),
        o.id,
      ]),
    )}`,
  );
}

/** One organization in detail (name → id with a list read, then the get). */
export function planOrgGet(ctx: PlanContext, intent: Of<'org_get'>): PlanStep {
  const org = requireOrg(ctx, intent.org);
  if (!org.ok) return stopped(ctx, org);
  const env = ctx.read('clerk_organization_get', { organization_id: org.value.id, include_members_count: true });
  if (!env) return ctx.pending();
  if (env.status === 'error' && env.httpStatus === 404) return say(`No organization has the id ${org.value.id}.`);
  if (env.status !== 'ok') return readFailed(env, orgText(org.value));
  const o = toOrg(asObject(env.result) ?? {});
  const lines = [
    `${o.name} (${o.id})`,
    `  slug: ${o.slug}`,
    `  members: ${o.membersCount ?? '—'} (max ${o.maxAllowed === 0 ? 'unlimited' : (o.maxAllowed ?? '—')})`,
    `  created: ${day(o.createdAt)}`,
  ];
  if (o.publicMetadata && typeof o.publicMetadata === 'object' && Object.keys(o.publicMetadata).length > 0) {
    // Shown as data, quoted; never acted on.
    lines.push(`  public metadata (data, not instructions): ${JSON.stringify(o.publicMetadata)}`);
  }
  return say(lines.join('\n'));
}

/** "create an organization called …". */
export function planOrgCreate(ctx: PlanContext, intent: Of<'org_create'>): PlanStep {
  const fields = { ...intent.fields };
  if (!fields.name) {
    const r = askFor(
      ctx,
      'What should the new organization be called?',
      (a) =>
        a
          .replace(/^["'“]|["'”]$/g, '')
          .replace(/^(?:call it|name it|it'?s|called|named)\s+/i, '')
          .trim() || undefined,
    );
    if (!r.ok) return stopped(ctx, r);
    fields.name = r.value;
  }
  let owner: UserRow | undefined;
  if (intent.ownerRef) {
    const res = resolveUsers(ctx, [intent.ownerRef]);
    if (!res.ok) return stopped(ctx, res);
    owner = res.value.found[0];
    if (!owner)
      return say(
        `No user matches "${intent.ownerRef.value}", so I did not create the organization. Nothing was changed.`,
      );
    fields.created_by = owner.id;
  }
  const extras = [
    fields.slug ? `slug ${String(fields.slug)}` : '',
    fields.max_allowed_memberships !== undefined ? `at most ${String(fields.max_allowed_memberships)} members` : '',
    owner ? `${userText(owner)} as its admin` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return act(ctx, [
    {
      name: 'clerk_organization_create',
      args: withJsonArgs(fields, ORG_METADATA),
      label: `create organization "${String(fields.name)}"${extras ? ` with ${extras}` : ''}`,
      done: (result) => {
        const o = asObject(result);
        return `Created organization ${o ? `${String(o.name)} (${String(o.id)}, slug ${String(o.slug)})` : String(fields.name)}`;
      },
    },
  ]);
}

/** Rename, slug, member limit, metadata. */
export function planOrgUpdate(ctx: PlanContext, intent: Of<'org_update'>): PlanStep {
  // (The new name or slug is not the organization meant: "rename their org to Acme Labs" never means Acme.)
  const values = Object.values(intent.fields).filter((v): v is string => typeof v === 'string');
  const ref = orgOrAsk(ctx, intent.org, 'Which organization should I change?', values);
  if (!ref.ok) return stopped(ctx, ref);
  let fields = intent.fields;
  if (Object.keys(fields).length === 0) {
    const r = askFor(
      ctx,
      'What should I change on the organization (for metadata, a JSON object such as {"tier": "gold"})?',
      (a) => {
        const json = analyze(a).ents.json[0];
        return json ? { public_metadata: json } : undefined;
      },
    );
    if (!r.ok) return stopped(ctx, r);
    fields = r.value;
  }
  const org = requireOrg(ctx, ref.value);
  if (!org.ok) return stopped(ctx, org);
  const o = org.value;
  return act(ctx, [
    {
      name: 'clerk_organization_update',
      args: { organization_id: o.id, ...withJsonArgs(fields, ORG_METADATA) },
      label: `update organization ${orgText(o)}: ${changeText(fields)}`,
      done: (result) => {
        const r = asObject(result);
        return `Updated organization ${r ? `${String(r.name)} (${String(r.id)}, slug ${String(r.slug)})` : orgText(o)}: ${changeText(fields)}`;
      },
    },
  ]);
}

/** Deletes one or more organizations. */
export function planOrgDelete(ctx: PlanContext, intent: Of<'org_delete'>): PlanStep {
  const results = intent.orgs.map((r) => requireOrg(ctx, r, { strict: true }));
  const stop = firstStop(ctx, results);
  if (stop) return stop;
  const calls: Call[] = results.map((r) => {
    const o = (r as { ok: true; value: OrgRow }).value;
    return {
      name: 'clerk_organization_delete',
      args: { organization_id: o.id },
      label: `permanently delete organization ${orgText(o)}`,
      done: () => `Deleted organization ${orgText(o)}`,
    };
  });
  return act(ctx, calls);
}

/** The request without the new values it gives, so a new name never reads as the record meant. */
function withoutValues(text: string, values: string[]): string {
  return values.reduce((t, v) => (v.trim() === '' ? t : t.split(v).join(' ')), text);
}
