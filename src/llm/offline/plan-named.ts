/**
 * Plans for JWT templates, domains and OAuth applications: found by name in their list (or used by id), then read
 * or changed. A JWT template update first reads the template, because Clerk requires the full name and claims on
 * every update.
 */
import { applyClaimChange, type ClaimChange } from './claim-change.js';
import { act, jsonArg, say } from './mutation-step.js';
import { analyze, type Sentence } from './entities.js';
import type { Fields, Intent, NamedResource, Ref } from './intent-types.js';
import { parseDomains, parseJwt, parseOAuth } from './intents-named.js';
import type { Call, PlanStep, PlanContext } from './plan-context.js';
import { asObject, asPage, field } from './results.js';
import { askFor, chooseNamed, matchAnswer, readFailed, requestWords, stopped, type Res } from './resolve.js';
import { cell, plural, table } from './summarize.js';
import { mentionedOne, mentions } from './mentioned.js';
import { scopeNames } from './scope-names.js';
import { recordsNamed, withoutKept } from './listed-names.js';
import { distance } from './lexicon.js';

type Of<K extends Intent['kind']> = Extract<Intent, { kind: K }>;
type Obj = Record<string, unknown>;

interface Spec {
  noun: string;
  list: string;
  get: string;
  create: string;
  update?: string;
  delete: string;
  idParam: string;
  listArgs: (name?: string) => Record<string, unknown>;
  columns: string[];
  row: (o: Obj) => unknown[];
  details: string[];
}

const SPECS: Record<NamedResource, Spec> = {
  jwt: {
    noun: 'JWT template',
    list: 'clerk_jwt_templates_list',
    get: 'clerk_jwt_template_get',
    create: 'clerk_jwt_template_create',
    update: 'clerk_jwt_template_update',
    delete: 'clerk_jwt_template_delete',
    idParam: 'template_id',
    listArgs: () => ({}),
    columns: ['Name', 'Lifetime (s)', 'Claims', 'ID'],
    row: (o) => [field(o, 'name'), field(o, 'lifetime'), o.claims, field(o, 'id')],
    details: [
      'id',
      'name',
      'claims',
      'lifetime',
      'allowed_clock_skew',
      'signing_algorithm',
      'custom_signing_key',
      'created_at',
    ],
  },
  domain: {
    noun: 'domain',
    list: 'clerk_domains_list',
    get: 'clerk_domain_get',
    create: 'clerk_domain_create',
    delete: 'clerk_domain_delete',
    idParam: 'domain_id',
    listArgs: () => ({}),
    columns: ['Name', 'Satellite', 'Frontend API', 'ID'],
    row: (o) => [
      field(o, 'name'),
      o.is_satellite === true ? 'yes' : 'no (primary)',
      field(o, 'frontend_api_url'),
      field(o, 'id'),
    ],
    details: [
      'id',
      'name',
      'is_satellite',
      'frontend_api_url',
      'accounts_portal_url',
      'proxy_url',
      'development_origin',
      'cname_targets',
    ],
  },
  oauth: {
    noun: 'OAuth application',
    list: 'clerk_clients_list',
    get: 'clerk_client_get',
    create: 'clerk_client_create',
    update: 'clerk_client_update',
    delete: 'clerk_client_delete',
    idParam: 'oauth_application_id',
    listArgs: (name) => (name ? { name_query: name } : {}),
    columns: ['Name', 'Client ID', 'Public', 'Scopes', 'ID'],
    row: (o) => [
      field(o, 'name'),
      field(o, 'client_id'),
      o.public === true ? 'yes' : 'no',
      field(o, 'scopes'),
      field(o, 'id'),
    ],
    details: [
      'id',
      'name',
      'client_id',
      'public',
      'pkce_required',
      'consent_screen_enabled',
      'scopes',
      'redirect_uris',
      'created_at',
    ],
  },
};

interface Item {
  id: string;
  name: string;
  raw: Obj;
}

function toItem(o: Obj): Item {
  return { id: field(o, 'id') ?? '', name: field(o, 'name') ?? '', raw: o };
}

/** An OAuth application's scopes as Clerk returns them (one space-separated string), as a list. */
function scopeList(app: unknown): string[] {
  return String(asObject(app)?.scopes ?? '')
    .split(/\s+/)
    .filter(Boolean);
}

const SETTING_WORD = /\b(?:redirects?|callbacks?|scopes?|claims?|consent|pkce|lifetime|skew)\b/i;
const CREATE_SAID =
  /\b(?:create|set\s+up|register|make|add)\s+(?:me\s+)?(?:a|an|one|another)\s+(?:new\s+)?(?:o-?auth\s+|jwt\s+)?(?:app|application|client|template)\b|\b(?:create|register)\s+(?:the\s+)?(?:o-?auth\s+|jwt\s+)?(?:app|application|client|template)\b|\bnew\s+(?:o-?auth\s+|jwt\s+)?(?:app|application|client|template)\b/i;

// The message says the URIs there now stay: "alongside", "as well", "keep the old one", "don't drop/remove it".
const KEEPS_EXISTING =
  /\b(?:alongside|as\s+well|in\s+addition|additional|another|second|keep(?:s|ing)?\s+(?:the\s+)?(?:old|existing|current|other)|(?:don['’]?t|do\s+not|never)\s+(?:drop|remove|delete|lose|replace|touch)|existing\s+(?:one|callback|redirect|uri|url)s?\s+(?:stays?|remains?)|add(?:ed|ing)?\b[^.;!?]{0,40}\b(?:existing|current|old))\b/i;

/** Finds one item by name (list read) or takes the id as is. `undefined` = nothing matched. */
function findItem(ctx: PlanContext, resource: NamedResource, ref: Ref): Res<Item | undefined> {
  const spec = SPECS[resource];
  if (ref.kind === 'id') return { ok: true, value: { id: ref.value, name: ref.value, raw: {} } };
  if (ref.where === 'redirect') return appByRedirect(ctx, ref.value);
  if (ref.kind === 'mention') {
    // Named somewhere in the text (frames.ts): the listed record whose name it has; several → asked.
    const all = ctx.read(spec.list, spec.listArgs());
    if (!all) return { ok: false, outcome: 'pending' };
    if (all.status !== 'ok') return { ok: false, outcome: readFailed(all, `${spec.noun}s`) };
    const listed = asPage(all.result).items.map(toItem);
    let named = recordsNamed(ref.value, listed);
    if (named.length === 0 && ref.wider) named = recordsNamed(withoutKept(ref.wider), listed);
    // (Named with a slip of the keys — "the supabse template": the one record one word is a typo of.)
    if (named.length === 0) named = misspeltNamed(withoutKept(ref.wider ?? ref.value), listed);
    if (named.length <= 1) return { ok: true, value: named[0] };
    return chooseNamed(ctx, named, '', spec.noun);
  }
  const env = ctx.read(spec.list, spec.listArgs(ref.value));
  if (!env) return { ok: false, outcome: 'pending' };
  if (env.status !== 'ok') return { ok: false, outcome: readFailed(env, `${spec.noun}s`) };
  let found = asPage(env.result).items;
  if (found.length === 0 && ref.value !== '' && spec.list && JSON.stringify(spec.listArgs(ref.value)) !== '{}') {
    // The server found nothing by that name: a misspelt one is matched against the whole list (chooseNamed).
    const all = ctx.read(spec.list, spec.listArgs());
    if (!all) return { ok: false, outcome: 'pending' };
    if (all.status === 'ok') found = asPage(all.result).items;
  }
  const items = found.map(toItem);
  if (ref.where === 'satellite') {
    // Described, not named: the satellites among the listed domains (one → it, several → ask which).
    // ("the blog satellite domain": the satellites whose host holds the word said with it, when any does; a word
    // no host holds — "the extra satellite domain" — only describes, and every satellite stays a candidate.)
    const all = items.filter((i) => i.raw.is_satellite === true);
    const word = ref.value.toLowerCase();
    const named = word !== 'satellite' ? all.filter((i) => i.name.toLowerCase().includes(word)) : [];
    const satellites = named.length > 0 ? named : all;
    if (satellites.length <= 1) return { ok: true, value: satellites[0] };
    return chooseNamed(ctx, satellites, '', `satellite ${spec.noun}`);
  }
  const chosen = chooseNamed(ctx, items, ref.value, spec.noun);
  // Nothing by the name read ("Zapier customer is nervous about …" read as a name): the one listed record the
  // request names anywhere (listed-names.ts) — never guessed between several.
  if (chosen.ok && !chosen.value && found.length > 0 && ref.value !== '') {
    const named = recordsNamed(withoutKept(requestWords(ctx)), items);
    if (named.length === 1) return { ok: true, value: named[0] };
  }
  return chosen;
}

/**
 * "the app that redirects to foo.com": the OAuth applications whose redirect URIs are on that host (or a subdomain
 * of it), from the full listing. One → it; several → asked which; none → nothing (the caller says so).
 */
function appByRedirect(ctx: PlanContext, host: string): Res<Item | undefined> {
  const spec = SPECS.oauth;
  const env = ctx.read(spec.list, spec.listArgs());
  if (!env) return { ok: false, outcome: 'pending' };
  if (env.status !== 'ok') return { ok: false, outcome: readFailed(env, `${spec.noun}s`) };
  const onHost = (uri: unknown): boolean => {
    try {
      const h = new URL(String(uri)).hostname.toLowerCase();
      return h === host || h.endsWith(`.${host}`);
    } catch {
      return false;
    }
  };
  const items = asPage(env.result)
    .items.filter((o) => Array.isArray(o.redirect_uris) && o.redirect_uris.some(onHost))
    .map((o) => ({ id: field(o, 'id') ?? '', name: field(o, 'name') ?? '', raw: o }));
  if (items.length <= 1) return { ok: true, value: items[0] };
  return chooseNamed(ctx, items, '', `${spec.noun} redirecting to ${host}`);
}

/**
 * The one listed record whose name (or a word of it, five letters or more) a word of the text misspells: one edit
 * away, two for words of eight letters or more. None, or several, is none: the reply then asks.
 */
function misspeltNamed(text: string, listed: Item[]): Item[] {
  const words = (text.toLowerCase().match(/[a-z][a-z0-9-]{4,}/g) ?? []).filter((w) => !/\d/.test(w));
  const hits = listed.filter((item) =>
    item.name
      .toLowerCase()
      .split(/[\s_-]+/)
      .filter((n) => n.length >= 5)
      .some((n) => words.some((w) => w !== n && distance(w, n) <= (n.length >= 8 ? 2 : 1))),
  );
  return hits.length === 1 ? hits : [];
}

function requireItem(ctx: PlanContext, resource: NamedResource, ref: Ref): Res<Item> {
  const r = findItem(ctx, resource, ref);
  if (!r.ok) return r;
  if (!r.value)
    return {
      ok: false,
      outcome: say(
        ref.where === 'redirect'
          ? `No ${SPECS[resource].noun} has a redirect URI on ${ref.value}. Nothing was changed. Try "list ${SPECS[resource].noun}s with their redirect URIs".`
          : ref.kind === 'mention'
            ? `I couldn't tell which ${SPECS[resource].noun} you mean: no ${SPECS[resource].noun}'s name is in what you wrote. Nothing was changed. Try "list ${SPECS[resource].noun}s".`
            : `I couldn't find a ${SPECS[resource].noun} called "${ref.value}". Nothing was changed. Try "list ${SPECS[resource].noun}s".`,
      ),
    };
  return { ok: true, value: r.value };
}

function itemText(resource: NamedResource, item: Item): string {
  return item.name === item.id
    ? `${SPECS[resource].noun} ${item.id}`
    : `${SPECS[resource].noun} "${item.name}" (${item.id})`;
}

/** Lists JWT templates, domains or OAuth apps. */
export function planNamedList(ctx: PlanContext, intent: Of<'named_list'>): PlanStep {
  const spec = SPECS[intent.resource];
  const env = ctx.read(spec.list, spec.listArgs());
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, `${spec.noun}s`);
  const items = asPage(env.result).items;
  if (items.length === 0) return say(`There are no ${spec.noun}s.`);
  const extra = (intent.details ?? []).filter(
    (k) => !spec.columns.some((c) => c.toLowerCase() === k.replace(/_/g, ' ')),
  );
  // Asked-for fields are listed in full under the table (URIs are too long for a column and must not be cut).
  const lines = extra.flatMap((k) => [
    `${k.replace(/_/g, ' ')}:`,
    ...items.map((o) => `  ${short(field(o, 'name') ?? field(o, 'id') ?? '?')}: ${listValue(o[k])}`),
  ]);
  return say(
    `${plural(items.length, spec.noun)}:\n${table(spec.columns, items.map(spec.row))}${lines.length > 0 ? `\n${lines.join('\n')}` : ''}`,
  );
}

function short(name: string): string {
  return name.length > 48 ? `${name.slice(0, 47)}…` : name;
}

function listValue(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.map(String).join(', ');
  return v === undefined || v === null || v === '' ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v);
}

/** One item in detail. */
export function planNamedGet(ctx: PlanContext, intent: Of<'named_get'>): PlanStep {
  const spec = SPECS[intent.resource];
  if (!intent.ref) return planNamedList(ctx, { kind: 'named_list', resource: intent.resource });
  const item = requireItem(ctx, intent.resource, intent.ref);
  if (!item.ok) return stopped(ctx, item);
  const env = ctx.read(spec.get, { [spec.idParam]: item.value.id });
  if (!env) return ctx.pending();
  if (env.status === 'error' && env.httpStatus === 404) return say(`No ${spec.noun} has the id ${item.value.id}.`);
  if (env.status !== 'ok') return readFailed(env, itemText(intent.resource, item.value));
  const o = asObject(env.result) ?? {};
  const asked = (intent.fields ?? []).filter((k) => spec.details.includes(k));
  // The fields the user asked about come first ("what scopes does X have?"), then the rest of the record.
  const keys = [...asked, ...spec.details.filter((k) => !asked.includes(k))];
  const lines = keys
    .filter((k) => o[k] !== undefined && o[k] !== null)
    .map((k) => `  ${k.replace(/_/g, ' ')}: ${fieldText(k, o[k])}`);
  return say(
    `${spec.noun.charAt(0).toUpperCase()}${spec.noun.slice(1)} ${field(o, 'name') ?? item.value.id}:\n${lines.join('\n')}`,
  );
}

/** CNAME targets as "host → value" lines (what a DNS person types in), claims as JSON, the rest as cells. */
function fieldText(key: string, value: unknown): string {
  if (key === 'cname_targets' && Array.isArray(value)) {
    return value
      .map((t) =>
        t && typeof t === 'object'
          ? `\n    ${String((t as Obj).host ?? '?')} → ${String((t as Obj).value ?? '?')}`
          : `\n    ${String(t)}`,
      )
      .join('');
  }
  if (key === 'scopes' && typeof value === 'string') return value.split(/\s+/).filter(Boolean).join(', ');
  return key === 'claims' ? JSON.stringify(value) : cell(value);
}

// Words of a sentence, not of a name: a reply made of them is not the name asked for.
const NOT_A_NAME =
  /^(?:(?:\S+\s+){6,}\S+|.*\b(?:please|pls|just\s+do|what\s+i\s+asked|nothing\s+(?:more|else)|don'?t|do\s+not|i\s+(?:said|asked|meant)|no\s+idea|whatever|never\s*mind)\b.*)$/i;

/** Whether a reply to "what should it be called?" can be a name (not a sentence about something else). */
export function readsAsName(reply: string): boolean {
  return !NOT_A_NAME.test(reply.trim());
}

/** Creates a JWT template, a satellite domain or an OAuth app (asking for a missing name). */
export function planNamedCreate(ctx: PlanContext, intent: Of<'named_create'>): PlanStep {
  const spec = SPECS[intent.resource];
  const fields: Fields = { ...intent.fields };
  if (!fields.name) {
    const question =
      intent.resource === 'jwt'
        ? 'What should the new JWT template be called?'
        : intent.resource === 'domain'
          ? 'Which domain should I add as a satellite (for example shop.example.com)?'
          : 'What should the new OAuth application be called?';
    const r = askFor(ctx, question, (a) => {
      if (intent.resource === 'domain') return analyze(a).ents.hosts[0];
      const s = analyze(a);
      const name =
        s.ents.quoted[0] ??
        a
          .replace(/^(?:call it|name it|it'?s|called|named)\s+/i, '')
          .replace(/[.!?]+$/, '')
          .trim();
      // (A reply that reads as a sentence — "please just do what I asked" — is no name: asked again, never used.)
      if (name && !readsAsName(name)) return undefined;
      return name && (intent.resource === 'oauth' || /^[\w.-]+$/.test(name)) ? name : undefined;
    });
    if (!r.ok) return stopped(ctx, r);
    fields.name = r.value;
  }
  // An OAuth application or JWT template of that exact name exists already: a second one is almost never what was
  // meant ("a new redirect for the Foo app" is a change to Foo). Nothing is created; the admin is told.
  // (Only when the message speaks of a setting and asks for no creation outright: "create an app called X" is a
  // creation, and Clerk allows two of one name.)
  if (intent.resource !== 'domain' && SETTING_WORD.test(ctx.turn.request) && !CREATE_SAID.test(ctx.turn.request)) {
    const env = ctx.read(spec.list, spec.listArgs());
    if (!env) return ctx.pending();
    const same =
      env.status === 'ok'
        ? asPage(env.result)
            .items.map(toItem)
            .find((i) => i.name.toLowerCase() === String(fields.name).toLowerCase())
        : undefined;
    if (same)
      return say(
        `${itemText(intent.resource, same)} already exists, so I created nothing. To change it, say what to change (for example "add redirect URI https://… to ${same.name}"); to create a second one, give it a different name.`,
      );
  }
  const notes: string[] = [];
  if (intent.resource === 'jwt') {
    if (!fields.claims) notes.push('No claims were given, so the template starts with empty claims ({}).');
    fields.claims = jsonArg(fields.claims ?? {});
  }
  const what =
    intent.resource === 'domain' ? `satellite domain ${String(fields.name)}` : `${spec.noun} "${String(fields.name)}"`;
  const details = Object.entries(fields)
    .filter(([k]) => k !== 'name')
    .map(([k, v]) => `${k.replace(/_/g, ' ')} ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
  return act(
    ctx,
    [
      {
        name: spec.create,
        args: fields,
        label: `create ${what}${details ? ` with ${details}` : ''}`,
        done: (result) => {
          const o = asObject(result) ?? {};
          const extra =
            intent.resource === 'oauth' && field(o, 'client_id')
              ? `, client_id ${field(o, 'client_id')}; the client secret is shown only in the Clerk Dashboard`
              : '';
          return `Created ${what}${field(o, 'id') ? ` (${field(o, 'id')}${extra})` : ''}`;
        },
      },
    ],
    notes,
  );
}

/** Fields for an update given in a follow-up answer ("lifetime 300", "redirect uri https://…"). */
function fieldsFromAnswer(resource: NamedResource, answer: string): Fields | undefined {
  const parsers: Record<NamedResource, (c: string, s: Sentence) => Intent | undefined> = {
    jwt: parseJwt,
    domain: parseDomains,
    oauth: parseOAuth,
  };
  const noun = resource === 'jwt' ? 'jwt template' : resource === 'oauth' ? 'oauth app' : 'domain';
  const s = analyze(`update ${noun} x ${answer}`);
  const intent = parsers[resource](s.masked, s);
  if (intent?.kind !== 'named_update') return undefined;
  return Object.keys(intent.fields).length > 0 ? intent.fields : undefined;
}

/** Updates a JWT template (read first: name and claims are required) or an OAuth app. */
export function planNamedUpdate(ctx: PlanContext, intent: Of<'named_update'>): PlanStep {
  const spec = SPECS[intent.resource];
  if (!spec.update)
    return say(`Clerk can't update a ${spec.noun} in place; delete it and add it again. Nothing was changed.`);
  let ref = intent.ref;
  if (!ref) {
    // "the OAuth app for it", "its scopes": the one item whose whole name the message says anywhere.
    const mentioned = mentionedItem(ctx, intent.resource);
    if (mentioned === 'pending') return ctx.pending();
    if (mentioned) ref = { kind: 'name', value: mentioned.name };
  }
  if (!ref) {
    const r = askFor(ctx, `Which ${spec.noun} should I change?`, (a) => {
      const name =
        analyze(a).ents.quoted[0] ??
        a
          .replace(/^(?:the\s+)?/i, '')
          .replace(/\s+(?:jwt\s+)?template$|\s+(?:oauth\s+)?app$/i, '')
          .trim();
      return name ? ({ kind: 'name', value: name } as Ref) : undefined;
    });
    if (!r.ok) return stopped(ctx, r);
    ref = r.value;
  }
  let fields = intent.fields;
  if (Object.keys(fields).length === 0) {
    const example =
      intent.resource === 'jwt'
        ? '"lifetime 300" or claims as JSON'
        : '"redirect uri https://app.example.com/cb" or "require PKCE"';
    const r = askFor(ctx, `What should I change on the ${spec.noun} "${ref.value}" (for example ${example})?`, (a) =>
      fieldsFromAnswer(intent.resource, a),
    );
    if (!r.ok) return stopped(ctx, r);
    fields = r.value;
  }
  const item = requireItem(ctx, intent.resource, ref);
  if (!item.ok) return stopped(ctx, item);
  const it = item.value;
  let args: Record<string, unknown> = { [spec.idParam]: it.id, ...fields };
  if (intent.resource === 'jwt') {
    const env = ctx.read(spec.get, { template_id: it.id });
    if (!env) return ctx.pending();
    if (env.status !== 'ok') return readFailed(env, itemText('jwt', it));
    const current = asObject(env.result) ?? {};
    let claims = fields.claims ?? current.claims ?? {};
    if (fields.claim_change) {
      // One claim described in words: change that key only, keep every other claim as it is.
      const changed = applyClaimChange(current.claims, fields.claim_change as ClaimChange);
      if (!changed.ok)
        return say(
          `${itemText('jwt', it)} has ${changed.reason}; its claims are ${JSON.stringify(current.claims ?? {})}. Nothing was changed. Say which claim key to change.`,
        );
      claims = changed.claims;
      const { claim_change: _c, ...rest } = fields;
      const removed = (fields.claim_change as ClaimChange).remove === true;
      fields = {
        ...rest,
        [`claim ${changed.path.join('.')}`]: removed ? '(removed)' : (fields.claim_change as ClaimChange).value,
      };
    }
    // "make sure the lifetime is 60 — if it is, change nothing": every value asked is the one it holds already.
    const asked = Object.entries(fields);
    if (
      asked.length > 0 &&
      asked.every(([k]) => !k.startsWith('claim') || k === 'claims') &&
      asked.every(([k, v]) => JSON.stringify(current[k]) === JSON.stringify(v))
    )
      return say(
        `${itemText('jwt', it)} already has ${asked.map(([k, v]) => `${k.replace(/_/g, ' ')} ${JSON.stringify(v)}`).join(', ')}, so there is nothing to change. Nothing was changed.`,
      );
    args = {
      template_id: it.id,
      name: fields.name ?? field(current, 'name') ?? it.name,
      claims: jsonArg(claims),
    };
    for (const k of ['lifetime', 'allowed_clock_skew'] as const) if (fields[k] !== undefined) args[k] = fields[k];
  }
  if (intent.resource === 'oauth' && (Array.isArray(fields.remove_scopes) || Array.isArray(fields.add_scopes))) {
    // Clerk replaces the scope string: read the app and send its scopes minus/plus the named ones.
    const env = ctx.read(spec.get, { oauth_application_id: it.id });
    if (!env) return ctx.pending();
    if (env.status !== 'ok') return readFailed(env, itemText('oauth', it));
    const current = scopeList(env.result);
    // ("scopes only A + B. drop C": a list said outright is the base the edits apply to.)
    // (Only a list of real scope names: "the other scopes are to be retained" says none.)
    const said = typeof fields.scopes === 'string' ? fields.scopes.split(/\s+/).filter(Boolean) : [];
    const base = said.length > 0 && scopeNames(said.join(' ')).length === said.length ? said : current;
    const removing = (fields.remove_scopes as string[] | undefined) ?? [];
    const adding = (fields.add_scopes as string[] | undefined) ?? [];
    const next = [...base.filter((x) => !removing.includes(x)), ...adding.filter((x) => !base.includes(x))];
    if (next.join(' ') === current.join(' '))
      return say(
        `${itemText('oauth', it)} already has the scopes ${current.join(' ') || '(none)'}${removing.length > 0 ? ` (no ${removing.join(', ')})` : ''}. Nothing was changed.`,
      );
    const { remove_scopes: _r, add_scopes: _a, ...rest } = fields;
    fields = { ...rest, scopes: next.join(' ') };
    args = { [spec.idParam]: it.id, ...fields };
  }
  // ("New callback for Foo: <url>. Add it alongside the existing one."): a replacement read from one sentence while
  // the message says the existing URIs stay is an addition — Clerk replaces the list, and dropping a working
  // callback nobody asked to drop is the worst reading.
  if (
    intent.resource === 'oauth' &&
    Array.isArray(fields.redirect_uris) &&
    !/\b(?:replac\w*|swap\w*|instead\s+of)\b/i.test(ctx.turn.request) &&
    KEEPS_EXISTING.test(ctx.turn.request)
  ) {
    const { redirect_uris: uris, ...rest } = fields;
    fields = { ...rest, add_redirect_uris: uris };
  }
  if (intent.resource === 'oauth' && Array.isArray(fields.add_redirect_uris)) {
    // clerk_client_update replaces redirect_uris: read the app and send the union, so existing callbacks keep working.
    const env = ctx.read(spec.get, { oauth_application_id: it.id });
    if (!env) return ctx.pending();
    if (env.status !== 'ok') return readFailed(env, itemText('oauth', it));
    const current = asObject(env.result)?.redirect_uris;
    const existing = Array.isArray(current) ? current.filter((u): u is string => typeof u === 'string') : [];
    const added = (fields.add_redirect_uris as string[]).filter((u) => !existing.includes(u));
    if (added.length === 0)
      return say(
        `${itemText('oauth', it)} already has ${(fields.add_redirect_uris as string[]).join(', ')} as a redirect URI. Nothing was changed.`,
      );
    const { add_redirect_uris: _added, ...rest } = fields;
    fields = { ...rest, redirect_uris: [...existing, ...added] };
    args = { [spec.idParam]: it.id, ...fields };
  }
  // A scope list replaces the app's: the card and the answer say which scopes that takes away or adds, read
  // from the app (so "scopes → profile email" also says it removes public_metadata).
  let scopeDiff = '';
  if (intent.resource === 'oauth' && typeof fields.scopes === 'string') {
    const env = ctx.read(spec.get, { oauth_application_id: it.id });
    if (!env) return ctx.pending();
    if (env.status === 'ok') {
      const had = scopeList(env.result);
      const next = fields.scopes.split(/\s+/).filter(Boolean);
      const removes = had.filter((x) => !next.includes(x));
      const adds = next.filter((x) => !had.includes(x));
      scopeDiff = [
        removes.length > 0 ? `removes ${removes.join(', ')}` : '',
        adds.length > 0 ? `adds ${adds.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ');
    }
  }
  const change = Object.entries(fields)
    .map(
      ([k, v]) =>
        `${k.startsWith('claim ') ? k : k.replace(/_/g, ' ')} → ${typeof v === 'string' ? v : JSON.stringify(v)}${k === 'scopes' && scopeDiff ? ` (${scopeDiff})` : ''}`,
    )
    .join(', ');
  const call: Call = {
    name: spec.update,
    args,
    label: `update ${itemText(intent.resource, it)}: ${change}`,
    done: () => `Updated ${itemText(intent.resource, it)}: ${change}`,
  };
  return act(ctx, [call]);
}

/** Deletes one or more items. */
export function planNamedDelete(ctx: PlanContext, intent: Of<'named_delete'>): PlanStep {
  const spec = SPECS[intent.resource];
  if (intent.refs.length === 0) return planNamedDeleteWhich(ctx, intent.resource);
  const found: Item[] = [];
  let pending = false;
  for (const ref of intent.refs) {
    const r = requireItem(ctx, intent.resource, ref);
    if (!r.ok && r.outcome === 'pending') pending = true;
    else if (!r.ok) return r.outcome as PlanStep;
    else found.push(r.value);
  }
  if (pending) return ctx.pending();
  return act(
    ctx,
    found.map((it) => ({
      name: spec.delete,
      args: { [spec.idParam]: it.id },
      label: `permanently delete ${itemText(intent.resource, it)}`,
      done: () => `Deleted ${itemText(intent.resource, it)}`,
    })),
  );
}

/** "Delete the JWT template" without a name: list them and ask which one (never pick one ourselves). */
function planNamedDeleteWhich(ctx: PlanContext, resource: NamedResource): PlanStep {
  const spec = SPECS[resource];
  const env = ctx.read(spec.list, spec.listArgs());
  if (!env) return ctx.pending();
  if (env.status !== 'ok') return readFailed(env, `${spec.noun}s`);
  const items: Item[] = asPage(env.result).items.map(toItem);
  if (items.length === 0) return say(`There are no ${spec.noun}s, so there is nothing to delete.`);
  // Rule: when the message names exactly one item anywhere (in any case, e.g. in a context sentence before the
  // request), that is the one; a name also contained in another never counts as named.
  // (Not in a sentence that says it stays: "… the one for Foo we keep" names the one NOT to delete.)
  const named = items.filter((i) => mentions(withoutKept(ctx.turn.request), i.name));
  if (named.length === 1) {
    const it = named[0]!;
    return act(ctx, [
      {
        name: spec.delete,
        args: { [spec.idParam]: it.id },
        label: `permanently delete ${itemText(resource, it)}`,
        done: () => `Deleted ${itemText(resource, it)}`,
      },
    ]);
  }
  const names = items.map((i) => i.name || i.id);
  const question =
    items.length === 1
      ? `There is one ${spec.noun}, ${names[0]}. Should I delete it?`
      : `There are ${items.length} ${spec.noun}s: ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}. Which one should I delete?`;
  const r = askFor(ctx, question, (a) => matchAnswer(a, items, (i) => [i.id, i.name]));
  if (!r.ok) return stopped(ctx, r);
  const it = r.value;
  return act(ctx, [
    {
      name: spec.delete,
      args: { [spec.idParam]: it.id },
      label: `permanently delete ${itemText(resource, it)}`,
      done: () => `Deleted ${itemText(resource, it)}`,
    },
  ]);
}

/**
 * The one item whose whole name the request says anywhere ("… a staging copy of the internal dashboard. Could
 * the OAuth app for it …"): a listing of them all, then the names the message contains. Several or none → undefined
 * (the caller asks).
 */
function mentionedItem(ctx: PlanContext, resource: NamedResource): Item | undefined | 'pending' {
  const spec = SPECS[resource];
  const env = ctx.read(spec.list, spec.listArgs());
  if (!env) return 'pending';
  if (env.status !== 'ok') return undefined;
  const items: Item[] = asPage(env.result).items.map(toItem);
  const text = withoutKept(ctx.turn.request);
  // ("for the application Zapier": the first word of one item's longer name, said alone — listed-names.ts.)
  const byName = recordsNamed(text, items);
  return mentionedOne(text, items, (i) => [i.name]) ?? (byName.length === 1 ? byName[0] : undefined);
}
