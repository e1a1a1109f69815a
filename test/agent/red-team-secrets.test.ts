/**
 * Red team: secrets and private data. Keys hidden in Clerk data, in errors from Clerk or the model provider, in
 * the user's own words or the model's text must not reach the model, events, audit or the approval card in clear;
 * `private_metadata` never reaches the model unless the operator exposes it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/actions/registry.js';
import { messageTokens } from '../../src/agent/budget.js';
import { createAuditLog } from '../../src/agent/audit.js';
import { createAgent } from '../../src/agent/create-agent.js';
import { loadSystemPrompt } from '../../src/agent/prompt.js';
import { redact, redactDeep } from '../../src/util/secrets.js';
import { okResult, toToolMessage } from '../../src/agent/tool-result.js';
import type { RunOutcome } from '../../src/agent/types.js';
import type { ClerkClient } from '../../src/clerk/types.js';
import { createScriptedModel } from '../../src/llm/scripted.js';
import { assistantText, decide, rawToolCall, toolCall, toolCalls } from '../support/builders.js';
import { createHarness, type Harness } from '../support/agent-harness.js';

type Paused = Extract<RunOutcome, { status: 'paused' }>;

const KEY = 'sk_live_Q2xlcmtTZWNyZXRLZXlGb3JUZXN0czEyMzQ1Njc4';
const OPENAI_KEY = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123456789';
const PRIVATE = 'PRIV-ONLY-FOR-ADMINS-42';

/** Everything the model was ever sent, as one string. */
const sentToModel = (h: Harness) => JSON.stringify(h.model.requests.map((r) => r.messages));

/** Jane, with keys hidden in her metadata (after JSON escapes and glued to other words) and a private note. */
async function janeWithSecrets() {
  const h0 = createHarness([]);
  const jane = await h0.userId('jane@example.com');
  await h0.clerk.request('PATCH', `/users/${jane}/metadata`, {
    body: {
      public_metadata: { note: `rotated:\n${KEY}`, tabbed: `\t${KEY}`, glued: `token_${KEY}`, plain: KEY },
      private_metadata: { internal: PRIVATE },
    },
  });
  return { sandbox: h0.sandbox, jane };
}

describe('red team: keys inside Clerk data', () => {
  it('never reach the model, events or audit, even after a JSON escape or glued to a word', async () => {
    const { sandbox, jane } = await janeWithSecrets();
    const h = createHarness(
      [
        toolCalls([
          toolCall('clerk_user_get', { user_id: jane }, 'get'),
          toolCall('clerk_users_list', { query: 'jane' }, 'list'),
        ]),
        toolCalls([toolCall('clerk_user_update', { user_id: jane, first_name: 'Janet' }, 'upd')]),
        assistantText('Renamed.'),
      ],
      { sandbox },
    );
    const paused = (await h.agent.run('rename jane', { onEvent: h.record })) as Paused;
    await h.agent.resume(paused.state, [decide(paused.pending[0]!, true)], { onEvent: h.record });

    expect(h.mutations()).toHaveLength(1);
    const model = sentToModel(h);
    expect(model).toContain('rotated:'); // the data itself did reach the model …
    expect(model).not.toContain('sk_live_'); // … without the key
    expect(JSON.stringify(h.events)).not.toContain('sk_live_');
    expect(readFileSync(h.auditFile, 'utf8')).not.toContain('sk_live_');
  });

  it('the approval card (the pending call a front end renders) shows no key in its diff', async () => {
    const { sandbox, jane } = await janeWithSecrets();
    const update = toolCall(
      'clerk_user_update',
      { user_id: jane, public_metadata: JSON.stringify({ note: 'rotated again' }) },
      'upd',
    );
    const h = createHarness([toolCalls([update]), assistantText('ok')], { sandbox });
    const paused = (await h.agent.run('update jane', { onEvent: h.record })) as Paused;

    const diff = paused.pending[0]!.preview.diff ?? [];
    expect(diff.map((d) => d.field)).toContain('public_metadata.note');
    expect(JSON.stringify(paused.pending.map((p) => p.preview))).not.toContain('sk_live_');
    expect(JSON.stringify(paused.state.pending.map((p) => p.preview))).not.toContain('sk_live_');
    // The binding is untouched: the human's yes still runs the exact call.
    await h.agent.resume(paused.state, [decide(paused.pending[0]!, true)]);
    expect(h.mutations()).toHaveLength(1);
  });

  it('tool messages scrub secret-named fields (password, signing_key) as well as key-shaped values', () => {
    const content = toToolMessage(
      'c',
      okResult({ password: 'hunter2-correct-horse', nested: { signing_key: 'abc', text: `x\n${KEY}` } }),
    ).content;
    expect(content).not.toContain('hunter2');
    expect(content).not.toContain('"abc"');
    expect(content).not.toContain('sk_live_');
    expect(JSON.parse(content)).toMatchObject({ ok: true, result: { nested: { text: 'x\n[redacted Clerk key]' } } });
  });

  it('redact catches keys glued to a word, and leaves short look-alikes in ordinary words alone', () => {
    expect(redact(`CLERK_${KEY}`)).not.toContain('sk_live_');
    expect(redact(`prefix${KEY}`)).not.toContain('sk_live_');
    expect(redactDeep({ a: [`\n${OPENAI_KEY}`] })).toEqual({ a: ['\n[redacted API key]'] });
    expect(redact('task_test_runner and disk_live_view')).toBe('task_test_runner and disk_live_view');
  });
});

describe('red team: keys in errors, input and model text', () => {
  it('a transport error that echoes the key becomes a scrubbed tool result', async () => {
    const { sandbox, jane } = await janeWithSecrets();
    const base = createHarness([], { sandbox });
    const leaky: ClerkClient = {
      baseUrl: base.clerk.baseUrl,
      live: true,
      execute: async () => {
        throw new Error(`request failed with headers {"Authorization":"Bearer ${KEY}"} key=${KEY}`);
      },
      request: (...args) => base.clerk.request(...args),
    };
    const model = createScriptedModel([
      toolCalls([toolCall('clerk_user_get', { user_id: jane }, 'get')]),
      assistantText('It failed.'),
    ]);
    const audit = createAuditLog();
    const events: unknown[] = [];
    const agent = createAgent({
      model,
      registry: createRegistry(),
      clerk: leaky,
      audit,
      systemPrompt: loadSystemPrompt(),
    });
    await agent.run('show jane', { onEvent: (e) => events.push(e) });
    const sent = JSON.stringify(model.requests.map((r) => r.messages));
    expect(sent).toContain('request failed');
    expect(sent).not.toContain('sk_live_');
    expect(JSON.stringify(events)).not.toContain('sk_live_');
  });

  it('a model provider error (returned or thrown) that echoes its key is scrubbed from the outcome and events', async () => {
    for (const turn of [
      {
        message: { role: 'assistant' as const, content: null },
        finishReason: 'error' as const,
        errorMessage: `401 Incorrect API key provided: ${OPENAI_KEY}`,
      },
      () => {
        throw new Error(`401 Incorrect API key provided: ${OPENAI_KEY}`);
      },
    ]) {
      const h = createHarness([turn]);
      const outcome = await h.agent.run('hi', { onEvent: h.record });
      expect(outcome.status).toBe('error');
      expect(outcome.status === 'error' && outcome.error).toContain('Incorrect API key');
      expect(JSON.stringify(outcome)).not.toContain(OPENAI_KEY);
      expect(JSON.stringify(h.events)).not.toContain(OPENAI_KEY);
    }
  });

  it('a key the user pastes, or the model repeats, is not sent on to the model nor shown in events', async () => {
    const h = createHarness([assistantText(`Your key is ${KEY}; I will not store it.`), assistantText('ok')]);
    const first = await h.agent.run(`my key is ${KEY}, check it`, { onEvent: h.record });
    await h.agent.run('thanks', { state: first.state, onEvent: h.record });
    expect(sentToModel(h)).not.toContain('sk_live_');
    expect(JSON.stringify(h.events)).not.toContain('sk_live_');
    expect(JSON.stringify(first.state)).not.toContain('sk_live_');
  });

  it('a password the model sets is masked in events and audit, and not in the preview text', async () => {
    const create = toolCall(
      'clerk_user_create',
      { email_address: ['new@example.com'], password: 'Correct-Horse-Battery-9' },
      'mk',
    );
    const h = createHarness([toolCalls([create]), assistantText('ok')]);
    const paused = (await h.agent.run('create new@example.com', { onEvent: h.record })) as Paused;
    expect(paused.pending[0]!.preview.text).not.toContain('Correct-Horse');
    await h.agent.resume(paused.state, [decide(paused.pending[0]!, true)], { onEvent: h.record });
    expect(h.mutations()).toHaveLength(1);
    expect(JSON.stringify(h.events)).not.toContain('Correct-Horse');
    expect(readFileSync(h.auditFile, 'utf8')).not.toContain('Correct-Horse');
  });
});

describe('red team: private_metadata', () => {
  it('is hidden from the model in reads, lists and the results of executed updates', async () => {
    const { sandbox, jane } = await janeWithSecrets();
    const upd = rawToolCall(
      'clerk_user_update',
      JSON.stringify({ user_id: jane, private_metadata: '{"reviewed":true}' }),
      'upd',
    );
    const h = createHarness(
      [
        toolCalls([
          toolCall('clerk_user_get', { user_id: jane }, 'get'),
          toolCall('clerk_users_list', { query: 'jane' }, 'list'),
        ]),
        toolCalls([upd]),
        assistantText('ok'),
      ],
      { sandbox },
    );
    const paused = (await h.agent.run('mark jane reviewed', { onEvent: h.record })) as Paused;
    // The human sees the private diff (it is their data) …
    expect(JSON.stringify(paused.pending[0]!.preview)).toContain('private_metadata.reviewed');
    await h.agent.resume(paused.state, [decide(paused.pending[0]!, true)], { onEvent: h.record });
    expect(h.mutations().length).toBeGreaterThan(0);
    // … the model never sees what was already in it.
    const model = sentToModel(h);
    expect(model).not.toContain(PRIVATE);
    expect(model).not.toContain('"private_metadata":{');
    for (const e of h.events)
      if (e.type === 'tool_end') expect(JSON.stringify(e.result ?? null)).not.toContain(PRIVATE);
    expect(JSON.stringify(h.audit.entries().map((e) => [e.before, e.after]))).not.toContain(PRIVATE);
  });

  it('is shown to the model when the operator exposes it', async () => {
    const { sandbox, jane } = await janeWithSecrets();
    const h = createHarness([toolCalls([toolCall('clerk_user_get', { user_id: jane }, 'get')]), assistantText('ok')], {
      sandbox,
      exposePrivateMetadata: true,
    });
    await h.agent.run('show jane', { onEvent: h.record });
    expect(sentToModel(h)).toContain(PRIVATE);
  });
});

describe('red team: oversized history', () => {
  it('a huge message is budgeted without the tokenizer (a 2 MB run of one character made tiktoken crash)', () => {
    const huge = { role: 'user' as const, content: 'x'.repeat(2_000_000) };
    expect(messageTokens(huge)).toBeGreaterThanOrEqual(2_000_000 / 8);
  });
});
