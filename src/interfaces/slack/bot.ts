/**
 * The Slack bot: a Bolt app (HTTP Events API with signature verification and Bolt's 5-minute timestamp window, or
 * Socket Mode when an app token is set) wired to the agent and the approval queue. Listeners acknowledge at once
 * and hand the work to a tracked background task, so Slack gets its ack within 3 s however long the agent takes.
 * Retried and replayed deliveries are dropped before any listener runs.
 */
import { App as BoltApp, HTTPReceiver, LogLevel, type Receiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { App } from '../../app.js';
import type { ApprovalService } from '../../approvals/service.js';
import { openApprovals } from '../../approvals/open.js';
import type { SlackConfig } from '../../config.js';
import { reportFromStore, syncCard } from './card-posts.js';
import { ACTIONS, DENY_VIEW } from './card.js';
import { type Click, onApproveAll, onDecision, onDenySubmitted, onDenyWithReason } from './clicks.js';
import { type BotContext, createSerializer } from './context.js';
import { handleRequest } from './conversation.js';
import { createDedup, dedupKey } from './dedup.js';
import { createGroupResolver } from './groups.js';
import { createSlackLogger, scrubSecrets } from './logger.js';
import { escapeMrkdwn, mention } from './mrkdwn.js';
import { createSlackApi, type SlackApi } from './slack-api.js';
import { createThreadStore } from './threads.js';

export interface SlackBotOptions {
  app: App;
  config: SlackConfig;
  /** A receiver to use instead of HTTP / Socket Mode (tests drive `bolt.processEvent` through it). */
  receiver?: Receiver;
  /** Where log lines go (default stderr). Secrets are scrubbed first. */
  logSink?: (line: string) => void;
  /** The approval queue (default: the app's, with the Slack user-group resolver). */
  service?: ApprovalService;
  clock?: () => Date;
  /** How often to look for decisions made elsewhere and expiries (ms; 0 = never, tests call `poll()`). */
  pollIntervalMs?: number;
  /** Address for the HTTP receiver (default all interfaces: Slack must reach it, usually through a proxy). */
  host?: string;
}

export interface SlackBot {
  readonly bolt: BoltApp;
  readonly service: ApprovalService;
  readonly api: SlackApi;
  /** Starts listening; returns the HTTP port (HTTP mode) or undefined (Socket Mode / custom receiver). */
  start(): Promise<number | undefined>;
  /** One pass of the queue's poller, then the card updates it caused. */
  poll(): Promise<void>;
  /** Resolves when every background task started so far (and any it started) has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** A start-up problem the user can fix (bad token, port in use); the message never contains a secret. */
export class SlackStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlackStartError';
  }
}

export async function createSlackBot(options: SlackBotOptions): Promise<SlackBot> {
  const { app, config } = options;
  const secrets = [config.botToken, config.signingSecret, config.appToken].filter((s): s is string => !!s);
  const sink = options.logSink ?? ((line: string) => process.stderr.write(line + '\n'));
  const logger = createSlackLogger(sink, { secrets });
  const log: BotContext['log'] = (level, message) => logger[level](message);

  let receiver = options.receiver;
  if (!receiver) {
    receiver = config.appToken
      ? new SocketModeReceiver({ appToken: config.appToken, logger })
      : new HTTPReceiver({
          signingSecret: config.signingSecret ?? '',
          endpoints: '/slack/events',
          logger,
          processBeforeResponse: false,
        });
  }
  // The Web API client warns on every failed request; start() and the handlers report failures themselves.
  const clientLogger = createSlackLogger(sink, { secrets, level: LogLevel.ERROR, fixedLevel: true });
  // A fresh object for each client: Bolt overwrites `logger` in the options it is given.
  const clientOptions = () => ({ slackApiUrl: config.apiUrl, retryConfig: { retries: 0 }, logger: clientLogger });
  // The bot's identity is checked once at start() (auth.test), not at construction (Bolt would retry for 30
  // minutes, or crash the process) and not on every delivery (Bolt's single-token authorize does that).
  let identity: { userId: string; botId?: string } | undefined;
  const bolt = new BoltApp({
    receiver,
    authorize: async () => ({
      botToken: config.botToken,
      ...(identity?.botId ? { botId: identity.botId } : {}),
      ...(identity?.userId ? { botUserId: identity.userId } : {}),
    }),
    logger,
    ignoreSelf: false,
    clientOptions: clientOptions(),
  });
  const api = createSlackApi(new webApi.WebClient(config.botToken, clientOptions()), secrets);
  const clock = options.clock ?? (() => new Date());
  let service = options.service;
  if (!service) {
    const groupsOf = createGroupResolver(
      () => app.approvals.policy,
      { members: (g) => api.groupMembers(g) },
      {
        onError: (m) => log('warn', m),
      },
    );
    // The app's queue (same store, policy, state key and audit file) plus the Slack user-group resolver.
    service = await openApprovals({
      config: app.config,
      agent: app.agent,
      registry: app.registry,
      clerk: app.clerk,
      store: app.approvals.store,
      policy: app.approvals.policy,
      service: { groupsOf, clock, ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}) },
    });
  }
  const ctx: BotContext = {
    app,
    service,
    slack: api,
    threads: createThreadStore(app.dataDir),
    config,
    log,
    serial: createSerializer(),
    now: clock,
    executing: new Set(),
  };

  const tasks = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const task = work.catch((error: unknown) =>
      log('error', scrubSecrets(String((error as Error)?.message ?? error), secrets)),
    );
    tasks.add(task);
    void task.finally(() => tasks.delete(task));
  };

  const dedup = createDedup();
  bolt.use(async (args) => {
    const body = args.body as Record<string, any>;
    const key = dedupKey(body);
    if (key && !dedup.first(key)) {
      // A retry (X-Slack-Retry-Num) or a replayed payload: acknowledged, not processed again.
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      log(
        'info',
        `ignored a repeated delivery (${key.split(':')[0]}${args.context.retryNum ? `, retry ${args.context.retryNum}` : ''})`,
      );
      return;
    }
    await args.next();
  });

  const allowed = (channel: string) =>
    channel.startsWith('D') || config.channels.length === 0 || config.channels.includes(channel);
  const stripMentions = (text: string) => text.replace(/^\s*(<@[A-Z0-9]+(\|[^>]*)?>\s*)+/, '').trim();

  bolt.event('app_mention', async ({ event }) => {
    const e = event as unknown as Record<string, string | undefined>;
    if (e.bot_id || !e.user || !e.channel || !e.ts) return;
    if (!allowed(e.channel)) {
      track(
        api.postEphemeral({
          channel: e.channel,
          user: e.user,
          text: 'I do not take requests in this channel (it is not on the allowlist). Ask in an allowed channel or send me a direct message.',
        }),
      );
      return;
    }
    const text = stripMentions(e.text ?? '');
    if (text === '') return;
    track(handleRequest(ctx, { channel: e.channel, threadTs: e.thread_ts ?? e.ts, user: e.user, text }));
  });

  bolt.message(async ({ message }) => {
    const m = message as unknown as Record<string, string | undefined>;
    if (m.channel_type !== 'im' || m.subtype || m.bot_id || !m.user || !m.channel || !m.ts) return;
    const text = stripMentions(m.text ?? '');
    if (text === '') return;
    track(handleRequest(ctx, { channel: m.channel, threadTs: m.thread_ts ?? m.ts, user: m.user, text }));
  });

  bolt.command('/clerk', async ({ command, ack }) => {
    const text = command.text.trim();
    if (text === '') {
      await ack({ response_type: 'ephemeral', text: 'Usage: /clerk <what you want>, e.g. /clerk list banned users' });
      return;
    }
    if (!allowed(command.channel_id)) {
      await ack({
        response_type: 'ephemeral',
        text: 'I do not take requests in this channel (it is not on the allowlist).',
      });
      return;
    }
    await ack();
    track(
      (async () => {
        const root = await api.postMessage({
          channel: command.channel_id,
          text: `${mention(command.user_id)} asked: ${escapeMrkdwn(text.slice(0, 1000))}`,
        });
        await handleRequest(ctx, { channel: root.channel, threadTs: root.ts, user: command.user_id, text });
      })(),
    );
  });

  const clickOf = (body: Record<string, any>, action: Record<string, any>): Click => ({
    user: { id: String(body.user?.id ?? ''), name: body.user?.name ?? body.user?.username },
    channel: body.channel?.id ?? body.container?.channel_id,
    threadTs: body.message?.thread_ts ?? body.container?.thread_ts,
    value: action.value,
  });
  bolt.action(ACTIONS.approve, async ({ ack, body, action }) => {
    await ack();
    track(onDecision(ctx, clickOf(body as any, action as any), true));
  });
  bolt.action(ACTIONS.deny, async ({ ack, body, action }) => {
    await ack();
    track(onDecision(ctx, clickOf(body as any, action as any), false));
  });
  bolt.action(ACTIONS.denyReason, async ({ ack, body, action }) => {
    await ack();
    track(onDenyWithReason(ctx, clickOf(body as any, action as any), String((body as any).trigger_id ?? '')));
  });
  bolt.action(ACTIONS.approveAll, async ({ ack, body, action }) => {
    await ack();
    track(onApproveAll(ctx, clickOf(body as any, action as any)));
  });
  bolt.view(DENY_VIEW, async ({ ack, body, view }) => {
    await ack();
    const reason = String((view.state.values as any)?.reason?.reason?.value ?? '');
    track(onDenySubmitted(ctx, { id: body.user.id, name: body.user.name }, view.private_metadata, reason));
  });
  bolt.error(async (error) => log('error', scrubSecrets(error.message, secrets)));

  // Decisions made elsewhere (another bot process, `clerk-agent approvals approve`), expiries and executions by the
  // poller: refresh the card and, once the whole run is final, report it in the thread if nobody did.
  service.onChange((request) => {
    track(syncCard(ctx, request.id).then(() => reportFromStore(ctx, request)));
  });

  let stopPolling: (() => void) | undefined;
  const idle = async () => {
    for (let round = 0; round < 1000; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (tasks.size === 0) return;
      await Promise.allSettled([...tasks]);
    }
  };

  return {
    bolt,
    service,
    api,
    async start() {
      try {
        identity = await api.whoAmI();
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error;
        throw new SlackStartError(
          code
            ? `Slack refused SLACK_BOT_TOKEN (${code}): check the token under OAuth & Permissions and reinstall the app if needed.`
            : `Cannot reach the Slack Web API at ${config.apiUrl} (${scrubSecrets((error as Error).message, secrets).slice(0, 200)}); check SLACK_API_URL and the network.`,
        );
      }
      let port: number | undefined;
      if (receiver instanceof HTTPReceiver) {
        try {
          const server = (await bolt.start({ port: config.port, ...(options.host ? { host: options.host } : {}) })) as {
            address(): { port: number } | string | null;
          };
          const address = server.address();
          port = typeof address === 'object' && address ? address.port : config.port;
        } catch (error) {
          throw new SlackStartError(
            `Cannot listen on port ${config.port}: ${(error as Error).message.slice(0, 200)}. Pick another with --port.`,
          );
        }
      } else {
        await bolt.start();
      }
      const interval = options.pollIntervalMs ?? 1000;
      if (interval > 0) stopPolling = ctx.service.startPolling();
      return port;
    },
    async poll() {
      await ctx.service.poll();
      await idle();
    },
    idle,
    async stop() {
      stopPolling?.();
      await idle();
      await bolt.stop().catch(() => undefined);
    },
  };
}
