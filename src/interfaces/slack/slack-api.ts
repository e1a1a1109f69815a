/**
 * The few Web API calls the bot makes, as one small typed port over Bolt's WebClient (so the handlers need not
 * know the SDK's wide types). The Web API client never retries here: a chat.update that failed is redone from the
 * store on the next change, and a retried post could duplicate a card. It is also the one way out to Slack, so
 * every text and block passes the secret scrubbers here (Clerk/OpenAI keys, Slack tokens, our own secrets): a key a
 * user typed into `/clerk`, or one in Clerk data, never gets posted.
 */
import type { webApi } from '@slack/bolt';
import { redact, redactDeep } from '../../util/secrets.js';
import { scrubSecrets } from './logger.js';
import type { MessageRef } from './threads.js';

type Blocks = unknown[];

export interface SlackApi {
  postMessage(input: { channel: string; text: string; threadTs?: string; blocks?: Blocks }): Promise<MessageRef>;
  update(input: { channel: string; ts: string; text: string; blocks?: Blocks }): Promise<void>;
  postEphemeral(input: { channel: string; user: string; text: string; threadTs?: string }): Promise<void>;
  openView(triggerId: string, view: unknown): Promise<void>;
  permalink(ref: MessageRef): Promise<string | undefined>;
  userName(userId: string): Promise<string>;
  groupMembers(usergroup: string): Promise<string[]>;
  /** The bot's own user id (auth.test). */
  whoAmI(): Promise<{ userId: string; botId?: string }>;
}

export function createSlackApi(client: webApi.WebClient, secrets: readonly string[] = []): SlackApi {
  const clean = (text: string) => scrubSecrets(redact(text), secrets);
  const cleanBlocks = (blocks: Blocks): Blocks => JSON.parse(clean(JSON.stringify(redactDeep(blocks)))) as Blocks;
  const names = new Map<string, { at: number; name: string }>();
  return {
    async postMessage({ channel, text, threadTs, blocks }) {
      const res = await client.chat.postMessage({
        channel,
        text: clean(text),
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(blocks ? { blocks: cleanBlocks(blocks) as never } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      return { channel: String(res.channel ?? channel), ts: String(res.ts) };
    },
    async update({ channel, ts, text, blocks }) {
      await client.chat.update({ channel, ts, text: clean(text), blocks: cleanBlocks(blocks ?? []) as never });
    },
    async postEphemeral({ channel, user, text, threadTs }) {
      await client.chat.postEphemeral({
        channel,
        user,
        text: clean(text),
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    },
    async openView(triggerId, view) {
      await client.views.open({ trigger_id: triggerId, view: cleanBlocks([view])[0] as never });
    },
    async permalink({ channel, ts }) {
      const res = await client.chat.getPermalink({ channel, message_ts: ts }).catch(() => undefined);
      return res?.permalink;
    },
    async userName(userId) {
      const hit = names.get(userId);
      if (hit && Date.now() - hit.at < 10 * 60_000) return hit.name;
      const res = await client.users.info({ user: userId }).catch(() => undefined);
      const name = res?.user?.profile?.display_name || res?.user?.real_name || res?.user?.name || userId;
      names.set(userId, { at: Date.now(), name });
      return name;
    },
    async groupMembers(usergroup) {
      const res = await client.usergroups.users.list({ usergroup });
      return res.users ?? [];
    },
    async whoAmI() {
      const res = await client.auth.test();
      return { userId: String(res.user_id ?? ''), ...(res.bot_id ? { botId: String(res.bot_id) } : {}) };
    },
  };
}
