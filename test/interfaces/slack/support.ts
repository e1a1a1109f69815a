/**
 * The Slack test stack, all on 127.0.0.1: a fake Slack Web API that records every call, the real app (in-process
 * sandbox, offline or scripted model, embedded approval queue in a temp folder, a team policy file) and the bot
 * on Bolt's HTTP receiver, reached with signed requests.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { type App, createApp } from '../../../src/app.js';
import { loadConfig, loadSlackConfig } from '../../../src/config.js';
import { createSlackBot, type SlackBot, type SlackBotOptions } from '../../../src/interfaces/slack/bot.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../../src/interfaces/slack/testing/fake-web-api.js';
import {
  post,
  signedEvent,
  signedInteraction,
  type SignOptions,
} from '../../../src/interfaces/slack/testing/signed-request.js';
import type { ChatModel } from '../../../src/llm/model.js';

export const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const BOT_TOKEN = 'xoxb-1111-2222-fakebottokenvalue';

export const TEAM_POLICY = `
users:
  alice: { name: Alice, identities: ['slack:UALICE'] }
  bob: { name: Bob, identities: ['slack:UBOB'] }
  carol: { name: Carol, identities: ['slack:UCAROL'] }
groups:
  approvers: { members: [alice, bob], slack_usergroups: [SOPS] }
request: ['*']
approve: { write: ['group:approvers'], destructive: ['group:approvers'] }
approvals: { write: 1, destructive: 1 }
self_approval: { write: true, destructive: false }
expiry: 1h
`;

export interface SlackStack {
  dataDir: string;
  app: App;
  fake: FakeSlackApi;
  bot: SlackBot;
  url: string;
  logs: string[];
  /** POSTs a signed event and waits until the bot is idle. */
  event(
    event: Record<string, unknown>,
    eventId?: string,
    options?: SignOptions,
  ): Promise<{ status: number; text: string }>;
  mention(user: string, text: string, options?: { channel?: string; threadTs?: string }): Promise<{ ts: string }>;
  /** Clicks `actionId` on the card of request `requestId` as `user`. */
  click(
    user: string,
    actionId: string,
    value: string,
    options?: SignOptions & { triggerId?: string },
  ): Promise<{ status: number; text: string }>;
  /** The latest blocks/text a card message got (post or update), by ts. */
  message(ts: string): { text: string; blocks: any[] } | undefined;
  close(): Promise<void>;
}

let counter = 0;

export interface StackOptions {
  model?: ChatModel;
  policy?: string;
  dataDir?: string;
  env?: Record<string, string>;
  bot?: Partial<SlackBotOptions>;
  /** Reuse a fake Slack (a "restart" keeps Slack). */
  fake?: FakeSlackApi;
}

export async function createSlackStack(options: StackOptions = {}): Promise<SlackStack> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'slack-test-'));
  const policyFile = path.join(dataDir, 'policy.yaml');
  writeFileSync(policyFile, options.policy ?? TEAM_POLICY);
  const fake = options.fake ?? (await startFakeSlackApi());
  const env = {
    CLERK_AGENT_DATA_DIR: dataDir,
    CLERK_AGENT_POLICY: policyFile,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.url,
    SLACK_PORT: '0',
    ...options.env,
  };
  const app = await createApp(loadConfig(env), options.model ? { model: options.model } : {});
  const logs: string[] = [];
  const bot = await createSlackBot({
    app,
    config: loadSlackConfig(env),
    logSink: (line) => logs.push(line),
    pollIntervalMs: 0,
    host: '127.0.0.1',
    ...options.bot,
  });
  const port = await bot.start();
  const url = `http://127.0.0.1:${port}/slack/events`;

  const stack: SlackStack = {
    dataDir,
    app,
    fake,
    bot,
    url,
    logs,
    async event(event, eventId = `Ev${++counter}`, signOptions = {}) {
      const res = await post(url, signedEvent(SECRET, event, eventId, signOptions));
      await bot.idle();
      return res;
    },
    async mention(user, text, where = {}) {
      const ts = `1765100000.${String(++counter).padStart(6, '0')}`;
      const channel = where.channel ?? 'COPS';
      await stack.event({
        type: 'app_mention',
        user,
        text: `<@UBOT> ${text}`,
        ts,
        channel,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
        event_ts: ts,
      });
      return { ts: where.threadTs ?? ts };
    },
    async click(user, actionId, value, signOptions = {}) {
      const res = await post(
        url,
        signedInteraction(
          SECRET,
          clickPayload(user, actionId, value, signOptions.triggerId, fake.responseUrl),
          signOptions,
        ),
      );
      await bot.idle();
      return res;
    },
    message(ts) {
      let latest: { text: string; blocks: any[] } | undefined;
      for (const c of fake.calls) {
        if (c.method === 'chat.postMessage' && c.result?.ts === ts)
          latest = { text: String(c.args.text), blocks: (c.args.blocks as any[]) ?? [] };
        if (c.method === 'chat.update' && c.args.ts === ts)
          latest = { text: String(c.args.text), blocks: (c.args.blocks as any[]) ?? [] };
      }
      return latest;
    },
    async close() {
      await bot.stop();
      await app.close();
      if (!options.fake) await fake.close();
    },
  };
  return stack;
}

/**
 * For a test file: `open` creates a stack that is closed after the test (newest first); `opened` lists the ones
 * still open (a test that closes one itself pops it).
 */
export function stacksClosedAfterEach(): {
  open: (options?: StackOptions) => Promise<SlackStack>;
  opened: SlackStack[];
} {
  const opened: SlackStack[] = [];
  afterEach(async () => {
    while (opened.length > 0) await opened.pop()!.close();
  });
  const open = async (options: StackOptions = {}) => {
    const s = await createSlackStack(options);
    opened.push(s);
    return s;
  };
  return { open, opened };
}

export function clickPayload(user: string, actionId: string, value: string, triggerId?: string, responseUrl?: string) {
  const n = ++counter;
  return {
    type: 'block_actions',
    team: { id: 'T1' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase() },
    api_app_id: 'A1',
    token: 'legacy-unused',
    trigger_id: triggerId ?? `trig.${n}`,
    container: { type: 'message', channel_id: 'COPS', message_ts: '1765000000.000001', is_ephemeral: false },
    channel: { id: 'COPS', name: 'support-ops' },
    message: { ts: '1765000000.000001', thread_ts: '1765100000.000001' },
    response_url: `${responseUrl ?? 'http://127.0.0.1:9/'}${n}`,
    actions: [{ action_id: actionId, block_id: 'b', type: 'button', value, action_ts: `1765200000.${n}` }],
  };
}

/** Buttons of the card blocks (action ids and values). */
export function buttonsOf(
  blocks: any[],
): Array<{ action_id: string; value: string; confirm?: unknown; style?: string }> {
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements);
}

/** Every text in a message (text field + all mrkdwn in blocks). */
export function allText(message: { text: string; blocks: any[] } | undefined): string {
  if (!message) return '';
  return [message.text, JSON.stringify(message.blocks)].join('\n');
}

/** Cards posted so far (chat.postMessage calls with an Approve button). */
export function postedCards(fake: FakeSlackApi) {
  return fake
    .callsOf('chat.postMessage')
    .filter((c) => Array.isArray(c.args.blocks) && JSON.stringify(c.args.blocks).includes('clerk_approve"'))
    .map((c) => ({ channel: String(c.args.channel), args: c.args, buttons: buttonsOf(c.args.blocks as any[]) }));
}
