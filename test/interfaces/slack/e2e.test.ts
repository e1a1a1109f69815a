/**
 * End to end through Bolt's HTTP receiver with signed requests and the fake Slack Web API: a mention becomes a
 * thread with an approval card; a non-approver's click is refused (ephemeral, nothing changes); an approver's click
 * runs the change exactly once; the card shows who approved; the thread summary matches the audit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { allText, buttonsOf, createSlackStack, postedCards, type SlackStack } from './support.js';

let stack: SlackStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const janeBanned = (s: SlackStack) =>
  Object.values(s.app.sandbox!.snapshot().users).find((u: any) =>
    JSON.stringify(u).includes('jane@example.com'),
  ) as any;

describe('Slack end to end (offline model, in-process sandbox)', () => {
  it('mention → thread → card → refused non-approver → approver → executed once → card and summary', async () => {
    stack = await createSlackStack();
    const s = stack;
    const { ts } = await s.mention('UCAROL', 'ban jane@example.com');

    // Everything the bot said went into the request's thread.
    const posts = s.fake.callsOf('chat.postMessage');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const p of posts) expect(p.args.thread_ts).toBe(ts);
    const cards = postedCards(s.fake);
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(allText({ text: String(card.args.text), blocks: card.args.blocks as any[] })).toContain('Jane Doe');
    expect(JSON.stringify(card.args.blocks)).toContain('/users/');
    expect(JSON.stringify(card.args.blocks)).toContain('<@UCAROL>');
    const approve = card.buttons.find((b) => b.action_id === 'clerk_approve')!;
    expect(janeBanned(s).banned).toBe(false);
    const mutationsBefore = s.app.sandbox!.requests.filter((r) => r.method !== 'GET').length;

    // Mallory is no approver: an ephemeral refusal, nothing changed.
    await s.click('UMALLORY', 'clerk_approve', approve.value);
    const eph = s.fake.callsOf('chat.postEphemeral');
    expect(eph).toHaveLength(1);
    expect(eph[0]!.args.user).toBe('UMALLORY');
    expect(String(eph[0]!.args.text)).toContain('You are not an approver for write changes');
    expect(janeBanned(s).banned).toBe(false);
    expect(s.app.sandbox!.requests.filter((r) => r.method !== 'GET').length).toBe(mutationsBefore);

    // Nor may Mallory deny it (denying is an approver's right too).
    const deny = card.buttons.find((b) => b.action_id === 'clerk_deny')!;
    await s.click('UMALLORY', 'clerk_deny', deny.value);
    expect(s.fake.callsOf('chat.postEphemeral')).toHaveLength(2);
    expect(String(s.fake.callsOf('chat.postEphemeral')[1]!.args.text)).toContain('not an approver');
    expect((await s.bot.service.list({ status: ['pending'] })).length).toBe(1);

    // Alice approves: executed exactly once.
    await s.click('UALICE', 'clerk_approve', approve.value);
    expect(janeBanned(s).banned).toBe(true);
    const bans = s.app.sandbox!.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/ban'));
    expect(bans).toHaveLength(1);

    // The card now says who approved, with no buttons left.
    const cardTs = String(
      card.args && s.fake.callsOf('chat.postMessage').find((c) => c.args === card.args)!.result!.ts,
    );
    const latest = s.message(cardTs)!;
    expect(buttonsOf(latest.blocks)).toHaveLength(0);
    expect(allText(latest)).toContain('Approved by <@UALICE>');
    expect(allText(latest)).toContain('executed ✓');

    // The thread's summary agrees with the audit: one executed ban, approved by Alice, asked for by Carol.
    const audit = s.app.audit.entries();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      status: 'executed',
      action: 'clerk_user_ban',
      approver: 'slack:UALICE',
      requester: 'slack:UCAROL',
    });
    const summary = s.fake.callsOf('chat.postMessage').at(-1)!;
    expect(summary.args.thread_ts).toBe(ts);
    const text = String(summary.args.text);
    expect(text).toContain('Done');
    expect(text).toContain(audit[0]!.preview.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(text).not.toMatch(/not done|failed|denied/i);
  });
});
