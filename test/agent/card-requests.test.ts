/**
 * The card's request lines are the requests the Clerk client sends. For each of the 48 actions, with minimal and
 * full sample arguments: a mutation goes through the real agent (the card is the pending call's preview), is
 * approved, and the non-GET requests that reach the wire after the yes must equal the card's lines, bodies
 * included (secrets masked on the card, exact on the wire). A read's lines must equal what `execute` sends.
 * The wire is a recording fetch that answers 200 `{}` to everything, so every planned request is sent.
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/actions/define-action.js';
import { allActions } from '../../src/actions/index.js';
import { toolSpecs } from '../../src/actions/json-schema.js';
import { parseToolArguments } from '../../src/actions/parse-args.js';
import { createRegistry } from '../../src/actions/registry.js';
import { createAuditLog } from '../../src/agent/audit.js';
import { createAgent } from '../../src/agent/create-agent.js';
import { requestLines } from '../../src/agent/preview.js';
import { redactDeep } from '../../src/util/secrets.js';
import type { RequestLine, RunOutcome } from '../../src/agent/types.js';
import { createClerkClient } from '../../src/clerk/client.js';
import { createScriptedModel } from '../../src/llm/scripted.js';
import { approveAll, assistantText, toolCall, toolCalls } from '../support/builders.js';

type Prop = { type: string | string[]; enum?: unknown[]; description?: string };

/** A value the schema accepts for `key`, as a strict-mode model would send it. */
function sample(key: string, prop: Prop): unknown {
  const type = Array.isArray(prop.type) ? prop.type[0] : prop.type;
  if (prop.enum) return prop.enum.find((v) => v !== null);
  if (type === 'boolean') return true;
  if (type === 'integer') return 60;
  if (type === 'array') return ['a@example.com', 'b@example.com'];
  if (prop.description?.startsWith('JSON object')) return '{"plan":"pro","seats":3}';
  if (key.endsWith('_id')) return `${key.replace(/_id$/, '')}_1`;
  if (key === 'password') return 'correct horse battery staple';
  return `${key} value`;
}

/** Validated args: only required fields (minimal) or every field (full). */
function sampleArgs(action: Action, mode: 'minimal' | 'full'): Record<string, unknown> {
  const params = toolSpecs([action])[0]!.parameters as { properties: Record<string, Prop> };
  const raw: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(params.properties)) {
    const optional = Array.isArray(prop.type) && prop.type.includes('null');
    raw[key] = optional && mode === 'minimal' ? null : sample(key, prop);
  }
  const parsed = parseToolArguments(action, JSON.stringify(raw));
  if (!parsed.ok) throw new Error(`${action.name} ${mode}: ${parsed.message}`);
  return parsed.args;
}

const BASE = 'https://api.clerk.test/v1';

/** A fetch that records every request as a card line would show it, and answers 200 `{}`. */
function recordingFetch() {
  const sent: RequestLine[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    sent.push({ method: init?.method ?? 'GET', path: url.slice(BASE.length), ...(body ? { body } : {}) });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

function stack() {
  const wire = recordingFetch();
  const clerk = createClerkClient({ secretKey: 'sk_test_card_requests', baseUrl: BASE, fetch: wire.fetch });
  return { wire, clerk };
}

/** The card of `action` with `args` from the real agent, and the non-GET requests sent after the yes. */
async function cardAndWire(action: Action, args: Record<string, unknown>) {
  const { wire, clerk } = stack();
  const model = createScriptedModel([toolCalls([toolCall(action.name, args, 'c')]), assistantText('done')]);
  const agent = createAgent({ model, registry: createRegistry(), clerk, audit: createAuditLog(), systemPrompt: 's' });
  const paused = (await agent.run('do it')) as Extract<RunOutcome, { status: 'paused' }>;
  expect(paused.status, action.name).toBe('paused');
  const card = paused.pending[0]!.preview;
  const before = wire.sent.length;
  const done = await agent.resume(paused.state, approveAll(paused.pending));
  expect(done.status === 'done' && done.summary.executed.length, action.name).toBe(1);
  return { card, sent: wire.sent.slice(before).filter((r) => r.method !== 'GET') };
}

const cases = allActions.flatMap((action) =>
  (['minimal', 'full'] as const).map((mode) => [`${action.name} (${mode})`, action, mode] as const),
);

describe('the card shows the requests the client sends', () => {
  it('covers all 48 actions', () => {
    expect(new Set(cases.map(([, a]) => a.name)).size).toBe(48);
  });

  it.each(cases)('%s', async (_name, action, mode) => {
    const args = sampleArgs(action, mode);
    if (action.risk === 'read') {
      const { wire, clerk } = stack();
      await clerk.execute(action, args).catch(() => undefined); // a pick_from_list 404 is fine: it was sent
      expect(wire.sent).toEqual(requestLines(action, args));
      return;
    }
    let planned: RequestLine[] | undefined;
    try {
      planned = requestLines(action, args);
    } catch {
      // No request can be built (an update with nothing to change): the model is told, no human is asked.
      const { wire, clerk } = stack();
      const model = createScriptedModel([toolCalls([toolCall(action.name, args, 'c')]), assistantText('ok')]);
      const agent = createAgent({
        model,
        registry: createRegistry(),
        clerk,
        audit: createAuditLog(),
        systemPrompt: '',
      });
      expect((await agent.run('do it')).status).toBe('done');
      expect(JSON.parse(model.requests[1]!.messages.at(-1)!.content as string)).toMatchObject({
        ok: false,
        error: { kind: 'invalid_args' },
      });
      expect(wire.sent).toEqual([]);
      return;
    }
    const { card, sent } = await cardAndWire(action, args);
    expect(sent.length).toBeGreaterThan(0);
    expect(card.requests).toEqual(redactDeep(sent));
    // The exact bodies (unmasked) come from the same function the card's lines come from.
    expect(sent).toEqual(planned);
    expect({ method: card.method, path: card.path }).toEqual({ method: sent[0]!.method, path: sent[0]!.path });
  });

  it('a metadata update shows both requests of its plan: PATCH /users/{id} and PATCH /users/{id}/metadata', async () => {
    const action = allActions.find((a) => a.name === 'clerk_user_update')!;
    const { card } = await cardAndWire(action, { user_id: 'user_1', first_name: 'Jane', public_metadata: { a: 1 } });
    expect(card.requests).toEqual([
      { method: 'PATCH', path: '/users/user_1', body: { first_name: 'Jane' } },
      { method: 'PATCH', path: '/users/user_1/metadata', body: { public_metadata: { a: 1 } } },
    ]);
    const metadataOnly = await cardAndWire(action, { user_id: 'user_1', public_metadata: { plan: 'enterprise' } });
    expect(metadataOnly.card.requests?.map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /users/user_1/metadata']);
  });

  it('the card masks a password in a request body; the wire carries it', async () => {
    const action = allActions.find((a) => a.name === 'clerk_user_update')!;
    const { card, sent } = await cardAndWire(action, { user_id: 'user_1', password: 'hunter2-long-enough' });
    expect(sent[0]!.body).toEqual({ password: 'hunter2-long-enough' });
    expect(JSON.stringify(card)).not.toContain('hunter2');
  });
});
