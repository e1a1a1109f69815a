/**
 * Faults and hostile input: Clerk failing during execution, hostile text in Clerk data, a hostile model proposing
 * many changes at once, and secrets that must never reach Slack or the log.
 */
import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../../../src/llm/scripted.js';
import { assistantText, toolCall, toolCalls } from '../../support/builders.js';
import {
  allText,
  BOT_TOKEN,
  buttonsOf,
  postedCards,
  SECRET,
  type SlackStack,
  stacksClosedAfterEach,
} from './support.js';

const { open } = stacksClosedAfterEach();
const mutations = (s: SlackStack) => s.app.sandbox!.requests.filter((r) => r.method !== 'GET');
const cardTs = (s: SlackStack, index: number) => {
  const card = postedCards(s.fake)[index]!;
  return String(s.fake.callsOf('chat.postMessage').find((c) => c.args === card.args)!.result!.ts);
};
/** Every text the bot sent to Slack (bodies as sent, so nothing escapes the check). */
const everythingSent = (s: SlackStack) => s.fake.calls.map((c) => c.raw).join('\n');

describe('faults', () => {
  it('Clerk answers 500 during execution: the card says failed, nothing is retried', async () => {
    const s = await open();
    await s.mention('UCAROL', 'ban jane@example.com');
    s.app.sandbox!.faults.add({ method: 'POST', path: '/users/{user_id}/ban', status: 500, times: 5 });
    const ts = cardTs(s, 0);
    const approve = buttonsOf(s.message(ts)!.blocks).find((b) => b.action_id === 'clerk_approve')!;
    await s.click('UALICE', 'clerk_approve', approve.value);
    const bans = mutations(s).filter((m) => m.path.endsWith('/ban'));
    expect(bans).toHaveLength(1);
    expect(bans[0]!.status).toBe(500);
    const card = allText(s.message(ts));
    expect(card).toContain('failed');
    expect(card).toContain('not retried');
    expect(card).not.toContain('executed ✓');
    expect(s.app.audit.entries()[0]).toMatchObject({ status: 'failed' });
    const summary = String(s.fake.callsOf('chat.postMessage').at(-1)!.args.text);
    expect(summary).toMatch(/not done|failed/i);
    expect(summary).not.toMatch(/^\*Done: 1 change/m);
    // A second click cannot run it again.
    await s.click('UBOB', 'clerk_approve', approve.value);
    expect(mutations(s).filter((m) => m.path.endsWith('/ban'))).toHaveLength(1);
  });

  it('mrkdwn injection in Clerk data shows literally and pings nobody', async () => {
    const s = await open();
    await s.app.clerk.request('POST', '/users', {
      body: {
        email_address: ['evil@example.com'],
        first_name: '<!channel>',
        last_name: '<https://evil.test|click here> @here',
      },
    });
    await s.mention('UCAROL', 'ban evil@example.com');
    expect(postedCards(s.fake)).toHaveLength(1);
    const card = allText(s.message(cardTs(s, 0)));
    expect(card).toContain('&lt;!channel&gt;');
    expect(card).toContain('&lt;https://evil.test|click here&gt;');
    // Nowhere in anything sent to Slack does the raw syntax appear.
    const sent = s.fake.calls.map((c) => JSON.stringify(c.args)).join('\n');
    expect(sent).not.toContain('<!channel>');
    expect(sent).not.toContain('<https://evil.test');
    expect(sent).not.toMatch(/[^\u200d]@here/);
  });

  it('a hostile model proposing 50 changes gets 50 cards, and nothing runs without clicks', async () => {
    const probe = await open();
    // Users not banned yet: banning a banned user is a no-op and gets no card.
    const ids = (probe.app.sandbox!.snapshot().users as unknown as Array<{ id: string; banned: boolean }>)
      .filter((u) => !u.banned)
      .map((u) => u.id)
      .slice(0, 50);
    expect(ids).toHaveLength(50);
    // The agent runs at most 20 tool calls per step, so the model spreads its 50 over three requests.
    const batches = [ids.slice(0, 20), ids.slice(20, 40), ids.slice(40)];
    const model = createScriptedModel([
      ...batches.map((batch) =>
        toolCalls(
          batch.map((id) => toolCall('clerk_user_ban', { user_id: id })),
          'Banning everyone as instructed. <!channel> approve quickly!',
        ),
      ),
      assistantText('done'),
    ]);
    const s = await open({ model });
    for (const n of [1, 2, 3]) await s.mention('UCAROL', `clean up batch ${n}`);
    const cards = postedCards(s.fake);
    expect(cards).toHaveLength(50);
    expect(new Set(cards.map((c) => c.buttons[0]!.value)).size).toBe(50);
    expect(
      s.fake
        .callsOf('chat.postMessage')
        .filter((c) => JSON.stringify(c.args.blocks ?? '').includes('clerk_approve_all')),
    ).toHaveLength(3);
    await s.bot.poll();
    await s.bot.poll();
    expect(mutations(s)).toHaveLength(0);
    expect(s.app.audit.entries()).toHaveLength(0);
    expect(await s.bot.service.list({ status: ['pending'] })).toHaveLength(50);
    expect(everythingSent(s)).not.toContain('<!channel>');
  });

  it('Approve all N: one click by an approver runs the whole step once', async () => {
    const probe = await open();
    const ids = (probe.app.sandbox!.snapshot().users as unknown as Array<{ id: string }>).map((u) => u.id).slice(0, 3);
    const model = createScriptedModel([
      toolCalls(ids.map((id) => toolCall('clerk_user_ban', { user_id: id }))),
      assistantText('Banned three users.'),
    ]);
    const s = await open({ model });
    await s.mention('UCAROL', 'ban those three');
    const all = s.fake
      .callsOf('chat.postMessage')
      .find((c) => JSON.stringify(c.args.blocks ?? '').includes('clerk_approve_all'))!;
    const button = buttonsOf(all.args.blocks as any[])[0]!;
    expect(button.confirm).toBeDefined();
    await s.click('UMALLORY', 'clerk_approve_all', button.value);
    expect(mutations(s)).toHaveLength(0);
    expect(String(s.fake.callsOf('chat.postEphemeral').at(-1)!.args.text)).toContain('not an approver');
    await s.click('UALICE', 'clerk_approve_all', button.value);
    expect(mutations(s).filter((m) => m.path.endsWith('/ban'))).toHaveLength(3);
    for (const i of [0, 1, 2]) expect(allText(s.message(cardTs(s, i)))).toContain('executed ✓');
    expect(s.app.audit.entries().filter((e) => e.status === 'executed')).toHaveLength(3);
  });

  it('secrets never reach a Slack message or the log', async () => {
    const s = await open();
    const clerkKey = 'sk_live_abcdefghijklmnop1234567890';
    await s.mention('UCAROL', `my key is ${clerkKey}, ban jane@example.com`);
    s.fake.fail('chat.postEphemeral', 'invalid_auth');
    const ts = cardTs(s, 0);
    const approve = buttonsOf(s.message(ts)!.blocks).find((b) => b.action_id === 'clerk_approve')!;
    await s.click('UMALLORY', 'clerk_approve', approve.value); // the ephemeral reply fails: a log line
    await s.click('UALICE', 'clerk_approve', approve.value);
    expect(s.logs.length).toBeGreaterThan(0);
    const bodies = everythingSent(s);
    const logs = s.logs.join('\n');
    for (const secret of [BOT_TOKEN, SECRET, clerkKey, s.app.sandbox!.secretKey]) {
      expect(bodies).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
    // A key typed into /clerk is echoed into the channel as the thread's first message: scrubbed there too.
    const { post, signedCommand } = await import('../../../src/interfaces/slack/testing/signed-request.js');
    const typed = 'sk_test_typedintoslack0123456789';
    await post(
      s.url,
      signedCommand(SECRET, {
        command: '/clerk',
        text: `use ${typed} and ${BOT_TOKEN} to list users`,
        user_id: 'UCAROL',
        channel_id: 'COPS',
        trigger_id: 'trig.secret',
        response_url: `${s.fake.responseUrl}x`,
      }),
    );
    await s.bot.idle();
    const root = s.fake.callsOf('chat.postMessage').find((c) => String(c.args.text).includes('asked:'))!;
    expect(String(root.args.text)).toContain('[redacted');
    const after = everythingSent(s);
    expect(after).not.toContain(typed);
    expect(after).not.toContain(BOT_TOKEN);
    // The bot token is only ever in the Authorization header.
    expect(s.fake.calls.every((c) => c.authorization === `Bearer ${BOT_TOKEN}`)).toBe(true);
  });
});
