/**
 * The ways in: @mentions (allowlisted channels only), direct messages, `/clerk`, follow-ups in a thread, Socket
 * Mode (through Bolt's processEvent), Slack user groups as approvers, and progress as edits of one status message.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { loadConfig, loadSlackConfig } from '../../../src/config.js';
import { createSlackBot } from '../../../src/interfaces/slack/bot.js';
import { createScriptedModel } from '../../../src/llm/scripted.js';
import { assistantText, toolCall, toolCalls } from '../../support/builders.js';
import { startFakeSlackApi } from '../../../src/interfaces/slack/testing/fake-web-api.js';
import { post, signedCommand } from '../../../src/interfaces/slack/testing/signed-request.js';
import {
  allText,
  buttonsOf,
  clickPayload,
  postedCards,
  SECRET,
  type SlackStack,
  stacksClosedAfterEach,
  TEAM_POLICY,
} from './support.js';

const { open } = stacksClosedAfterEach();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});
const userByEmail = (s: { app: SlackStack['app'] }, email: string) =>
  Object.values(s.app.sandbox!.snapshot().users).find((u: any) => JSON.stringify(u).includes(`"${email}"`)) as any;

describe('ways in', () => {
  it('answers in a thread, edits one status message for progress, and renders tables in a code block', async () => {
    const s = await open();
    const { ts } = await s.mention('UCAROL', 'list users');
    const posts = s.fake.callsOf('chat.postMessage');
    expect(posts).toHaveLength(1); // one status message, then edits
    expect(posts[0]!.args.thread_ts).toBe(ts);
    const status = String(posts[0]!.result!.ts);
    const updates = s.fake.callsOf('chat.update').filter((u) => u.args.ts === status);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    const answer = String(updates.at(-1)!.args.text);
    expect(answer).toContain('```');
    expect(answer).toMatch(/and (\w+|\d[\d,]*) more rows? not shown/);
  });

  it('a follow-up in the thread continues the same conversation', async () => {
    const probe = await open();
    const jane = userByEmail(probe, 'jane@example.com');
    const model = createScriptedModel([
      assistantText('Jane Doe is active.'),
      toolCalls([toolCall('clerk_user_ban', { user_id: jane.id })]),
      assistantText('Banned.'),
    ]);
    const s = await open({ model });
    const { ts } = await s.mention('UCAROL', 'show jane@example.com');
    await s.mention('UCAROL', 'ban her', { threadTs: ts });
    // The second request reached the model with the first one in its history.
    const seen = JSON.stringify(model.requests[1]!.messages);
    expect(seen).toContain('show jane@example.com');
    expect(seen).toContain('Jane Doe is active.');
    const cards = postedCards(s.fake);
    expect(cards).toHaveLength(1);
    expect(allText({ text: String(cards[0]!.args.text), blocks: cards[0]!.args.blocks as any[] })).toContain(
      'Jane Doe',
    );
    expect(cards[0]!.args.thread_ts).toBe(ts);
    // While the change waits, the thread takes no new request.
    await s.mention('UCAROL', 'ban john.smith@example.com', { threadTs: ts });
    expect(String(s.fake.callsOf('chat.postMessage').at(-1)!.args.text)).toContain('still waiting');
    expect(postedCards(s.fake)).toHaveLength(1);
    expect(model.requests).toHaveLength(2);
    // A new message outside the thread is a new conversation.
    const other = await s.mention('UCAROL', 'hello');
    expect(other.ts).not.toBe(ts);
    expect(JSON.stringify(model.requests[2]!.messages)).not.toContain('show jane@example.com');
  });

  it('ignores mentions outside the channel allowlist (ephemeral note, no agent run)', async () => {
    const s = await open({ env: { SLACK_CHANNELS: 'COPS' } });
    await s.mention('UCAROL', 'ban jane@example.com', { channel: 'CRANDOM' });
    expect(s.fake.callsOf('chat.postMessage')).toHaveLength(0);
    expect(s.fake.callsOf('chat.postEphemeral')).toHaveLength(1);
    expect(await s.bot.service.list()).toHaveLength(0);
    await s.mention('UCAROL', 'how many users are there', { channel: 'COPS' });
    expect(s.fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it("direct messages work; the bot ignores its own and other bots' messages", async () => {
    const s = await open({ env: { SLACK_CHANNELS: 'COPS' } });
    await s.event({
      type: 'message',
      channel_type: 'im',
      channel: 'D123',
      user: 'UCAROL',
      text: 'how many users are there',
      ts: '5.1',
    });
    await s.event({
      type: 'message',
      channel_type: 'im',
      channel: 'D123',
      bot_id: 'B1',
      user: 'UBOT',
      text: 'There are 60 users.',
      ts: '5.2',
    });
    await s.event({
      type: 'message',
      channel_type: 'im',
      channel: 'D123',
      subtype: 'message_changed',
      text: 'x',
      ts: '5.3',
    });
    const posts = s.fake.callsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args).toMatchObject({ channel: 'D123', thread_ts: '5.1' });
    expect(String(s.fake.callsOf('chat.update').at(-1)!.args.text)).toContain('60 users');
  });

  it('/clerk posts the request and answers in its thread; empty text gets usage', async () => {
    const s = await open();
    const fields = {
      command: '/clerk',
      text: 'ban jane@example.com',
      user_id: 'UCAROL',
      user_name: 'carol',
      channel_id: 'COPS',
      team_id: 'T1',
      trigger_id: 'trig.cmd1',
      response_url: `${s.fake.responseUrl}c1`,
    };
    const res = await post(s.url, signedCommand(SECRET, fields));
    expect(res.status).toBe(200);
    await s.bot.idle();
    const root = s.fake.callsOf('chat.postMessage')[0]!;
    expect(String(root.args.text)).toBe('<@UCAROL> asked: ban jane@example.com');
    expect(root.args.thread_ts).toBeUndefined();
    const cards = postedCards(s.fake);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.args.thread_ts).toBe(root.result!.ts);
    const usage = await post(s.url, signedCommand(SECRET, { ...fields, text: ' ', trigger_id: 'trig.cmd2' }));
    expect(usage.text).toContain('Usage: /clerk');
  });

  it('Slack user groups in the policy: a member may approve (usergroups.users.list, cached)', async () => {
    const s = await open();
    s.fake.groups.SOPS = ['UDAVE'];
    await s.mention('UCAROL', 'ban jane@example.com');
    const card = postedCards(s.fake)[0]!;
    const approve = card.buttons.find((b) => b.action_id === 'clerk_approve')!;
    await s.click('UERIN', 'clerk_approve', approve.value);
    expect(userByEmail(s, 'jane@example.com').banned).toBe(false);
    await s.click('UDAVE', 'clerk_approve', approve.value);
    expect(userByEmail(s, 'jane@example.com').banned).toBe(true);
    const lookups = s.fake.callsOf('usergroups.users.list');
    expect(lookups.length).toBe(1); // cached between the two clicks
    expect(lookups[0]!.args.usergroup).toBe('SOPS');
  });

  it('approval cards go to the approvers channel, with a link from the request thread', async () => {
    const s = await open({ env: { SLACK_APPROVERS_CHANNEL: 'CAPPROVE' } });
    const { ts } = await s.mention('UCAROL', 'ban jane@example.com');
    const card = postedCards(s.fake)[0]!;
    expect(card.channel).toBe('CAPPROVE');
    expect(card.args.thread_ts).toBeUndefined();
    const link = s.fake.callsOf('chat.postMessage').find((c) => String(c.args.text).includes('<#CAPPROVE>'))!;
    expect(link.args).toMatchObject({ channel: 'COPS', thread_ts: ts });
    expect(String(link.args.text)).toContain('https://fake.slack.test/archives/CAPPROVE/');
  });

  it('Socket Mode path: events and clicks through Bolt processEvent with a custom receiver', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'slack-socket-'));
    writeFileSync(path.join(dataDir, 'policy.yaml'), TEAM_POLICY);
    const fake = await startFakeSlackApi();
    const env = {
      CLERK_AGENT_DATA_DIR: dataDir,
      CLERK_AGENT_POLICY: path.join(dataDir, 'policy.yaml'),
      SLACK_BOT_TOKEN: 'xoxb-socket-test',
      SLACK_APP_TOKEN: 'xapp-1-A1-sockettest',
      SLACK_API_URL: fake.url,
    };
    const app = await createApp(loadConfig(env));
    const config = loadSlackConfig(env);
    expect(config.signingSecret).toBeUndefined();
    const receiver = { init() {}, start: async () => undefined, stop: async () => undefined };
    const bot = await createSlackBot({ app, config, receiver, pollIntervalMs: 0, logSink: () => {} });
    cleanups.push(async () => {
      await bot.stop();
      await app.close();
      await fake.close();
    });
    expect(await bot.start()).toBeUndefined();
    const acks: unknown[] = [];
    const ack = async (response?: unknown) => {
      acks.push(response ?? 'ack');
    };
    const event = {
      type: 'app_mention',
      user: 'UCAROL',
      text: '<@UBOT> ban jane@example.com',
      ts: '7.1',
      channel: 'COPS',
      event_ts: '7.1',
    };
    const body = {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'EvSock1',
      event,
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    };
    await bot.bolt.processEvent({ body, ack });
    // A Socket Mode redelivery (retry_attempt) of the same event is dropped.
    await bot.bolt.processEvent({ body, ack, retryNum: 1, retryReason: 'timeout' });
    await bot.idle();
    expect(acks).toHaveLength(2);
    const cards = postedCards(fake);
    expect(cards).toHaveLength(1);
    const approve = cards[0]!.buttons.find((b) => b.action_id === 'clerk_approve')!;
    await bot.bolt.processEvent({ body: clickPayload('UALICE', 'clerk_approve', approve.value), ack });
    await bot.idle();
    expect(acks).toHaveLength(3);
    expect(userByEmail({ app }, 'jane@example.com').banned).toBe(true);
    const update = fake.callsOf('chat.update').at(-1)!;
    expect(allText({ text: String(update.args.text), blocks: update.args.blocks as any[] })).toContain(
      'Approved by <@UALICE>',
    );
    expect(buttonsOf(update.args.blocks as any[])).toHaveLength(0);
  });
});
