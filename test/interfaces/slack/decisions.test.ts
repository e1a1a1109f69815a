/**
 * Who may press and how often: double clicks and two approvers at once execute once; the requester cannot approve
 * their own destructive change under four-eyes; a click after expiry changes nothing; a click on a card posted
 * before a restart works (the state is in the store, not in memory).
 */
import { describe, expect, it } from 'vitest';
import { allText, buttonsOf, postedCards, type SlackStack, stacksClosedAfterEach } from './support.js';

const { open, opened: stacks } = stacksClosedAfterEach();

const userByEmail = (s: SlackStack, email: string) =>
  Object.values(s.app.sandbox!.snapshot().users).find((u: any) => JSON.stringify(u).includes(`"${email}"`)) as any;
const mutations = (s: SlackStack) => s.app.sandbox!.requests.filter((r) => r.method !== 'GET');

function lastCard(s: SlackStack) {
  const card = postedCards(s.fake).at(-1)!;
  const ts = String(s.fake.callsOf('chat.postMessage').find((c) => c.args === card.args)!.result!.ts);
  return {
    ts,
    approve: card.buttons.find((b) => b.action_id === 'clerk_approve')!,
    deny: card.buttons.find((b) => b.action_id === 'clerk_deny')!,
  };
}

describe('decisions from Slack', () => {
  it('a double click executes once; the second click is told it was already approved', async () => {
    const s = await open();
    await s.mention('UCAROL', 'ban jane@example.com');
    const { approve, ts } = lastCard(s);
    await Promise.all([
      s.click('UALICE', 'clerk_approve', approve.value),
      s.click('UALICE', 'clerk_approve', approve.value),
    ]);
    await s.bot.idle();
    expect(mutations(s).filter((m) => m.path.endsWith('/ban'))).toHaveLength(1);
    expect(userByEmail(s, 'jane@example.com').banned).toBe(true);
    const eph = s.fake.callsOf('chat.postEphemeral');
    expect(eph).toHaveLength(1);
    expect(String(eph[0]!.args.text)).toMatch(/already approved/);
    expect(allText(s.message(ts))).toContain('executed ✓');
    expect(s.app.audit.entries().filter((e) => e.status === 'executed')).toHaveLength(1);
  });

  it('two approvers clicking at once: one execution, one approver recorded', async () => {
    const s = await open();
    await s.mention('UCAROL', 'ban jane@example.com');
    const { approve, ts } = lastCard(s);
    await Promise.all([
      s.click('UALICE', 'clerk_approve', approve.value),
      s.click('UBOB', 'clerk_approve', approve.value),
    ]);
    await s.bot.idle();
    expect(mutations(s).filter((m) => m.path.endsWith('/ban'))).toHaveLength(1);
    const audit = s.app.audit.entries();
    expect(audit).toHaveLength(1);
    const winner = audit[0]!.approver;
    expect(['slack:UALICE', 'slack:UBOB']).toContain(winner);
    expect(allText(s.message(ts))).toContain(`Approved by <@${winner!.slice(6)}>`);
    expect(s.fake.callsOf('chat.postEphemeral')).toHaveLength(1);
  });

  it('four-eyes: the requester cannot approve their own destructive change; another approver can', async () => {
    const s = await open();
    await s.mention('UALICE', 'delete the user jane@example.com');
    const { approve, ts } = lastCard(s);
    expect(approve.confirm).toBeDefined(); // destructive Approve asks in a confirm dialog
    expect(approve.style).toBe('danger');
    expect(allText(s.message(ts))).toContain('DESTRUCTIVE');
    await s.click('UALICE', 'clerk_approve', approve.value);
    const eph = s.fake.callsOf('chat.postEphemeral');
    expect(eph).toHaveLength(1);
    expect(String(eph[0]!.args.text)).toMatch(/four-eyes/);
    expect(userByEmail(s, 'jane@example.com')).toBeDefined();
    expect(mutations(s)).toHaveLength(0);
    expect(buttonsOf(s.message(ts)!.blocks).length).toBeGreaterThan(0); // still waiting
    await s.click('UBOB', 'clerk_approve', approve.value);
    expect(userByEmail(s, 'jane@example.com')).toBeUndefined();
    expect(allText(s.message(ts))).toContain('Approved by <@UBOB>');
  });

  it('a forged or stale button (other digest, unknown request, garbage) is refused and changes nothing', async () => {
    const s = await open();
    await s.mention('UCAROL', 'ban jane@example.com');
    const { approve } = lastCard(s);
    const { r } = JSON.parse(approve.value) as { r: string };
    await s.click('UALICE', 'clerk_approve', JSON.stringify({ r, d: '0'.repeat(64) }));
    await s.click('UALICE', 'clerk_approve', JSON.stringify({ r: 'cr_doesnotexist000000', d: '0'.repeat(64) }));
    await s.click('UALICE', 'clerk_approve', '{"r":"../../x"}');
    const texts = s.fake.callsOf('chat.postEphemeral').map((c) => String(c.args.text));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/out of date/);
    expect(texts[2]).toMatch(/not valid/);
    for (const t of texts) expect(t).toMatch(/Nothing was changed/);
    expect(mutations(s)).toHaveLength(0);
    expect(await s.bot.service.list({ status: ['pending'] })).toHaveLength(1);
  });

  it('a tier that needs two approvals: the first keeps the buttons ("approved so far"), the second runs it', async () => {
    const { TEAM_POLICY } = await import('./support.js');
    const s = await open({
      policy: TEAM_POLICY.replace('approvals: { write: 1, destructive: 1 }', 'approvals: { write: 2, destructive: 2 }'),
    });
    await s.mention('UCAROL', 'ban jane@example.com');
    const { approve, ts } = lastCard(s);
    await s.click('UALICE', 'clerk_approve', approve.value);
    expect(mutations(s)).toHaveLength(0);
    const partial = s.message(ts)!;
    expect(buttonsOf(partial.blocks).length).toBeGreaterThan(0);
    expect(allText(partial)).toContain('Approved so far by <@UALICE>; waiting for 1 more');
    await s.click('UALICE', 'clerk_approve', approve.value); // the same person twice does not count twice
    expect(mutations(s)).toHaveLength(0);
    await s.click('UBOB', 'clerk_approve', approve.value);
    expect(mutations(s).filter((m) => m.path.endsWith('/ban'))).toHaveLength(1);
    expect(allText(s.message(ts))).toContain('Approved by <@UALICE> and <@UBOB>');
  });

  it('a click after expiry changes nothing and the card says Expired', async () => {
    let now = Date.now();
    const s = await open({ bot: { clock: () => new Date(now) } });
    await s.mention('UCAROL', 'ban jane@example.com');
    const { approve, ts } = lastCard(s);
    now += 2 * 3_600_000; // the policy's expiry is 1h
    await s.click('UALICE', 'clerk_approve', approve.value);
    expect(String(s.fake.callsOf('chat.postEphemeral')[0]!.args.text)).toMatch(/expired/i);
    expect(mutations(s)).toHaveLength(0);
    expect(userByEmail(s, 'jane@example.com').banned).toBe(false);
    const card = s.message(ts)!;
    expect(buttonsOf(card.blocks)).toHaveLength(0);
    expect(allText(card)).toContain('Expired');
  });

  it('expiry without any click: the poller closes the card and the thread says nothing was changed', async () => {
    let now = Date.now();
    const s = await open({ bot: { clock: () => new Date(now) } });
    const { ts: thread } = await s.mention('UCAROL', 'ban jane@example.com');
    const { ts } = lastCard(s);
    now += 2 * 3_600_000;
    await s.bot.poll();
    const card = s.message(ts)!;
    expect(buttonsOf(card.blocks)).toHaveLength(0);
    expect(allText(card)).toContain('Expired');
    const summary = s.fake.callsOf('chat.postMessage').at(-1)!;
    expect(summary.args.thread_ts).toBe(thread);
    expect(String(summary.args.text)).toContain('Nothing was changed');
    expect(mutations(s)).toHaveLength(0);
    // Reported once, however often the poller runs.
    const posts = s.fake.callsOf('chat.postMessage').length;
    await s.bot.poll();
    expect(s.fake.callsOf('chat.postMessage')).toHaveLength(posts);
  });

  it('a click on a card posted before a restart works (new bot, same data dir)', async () => {
    const first = await open();
    await first.mention('UCAROL', 'ban jane@example.com');
    const { approve, ts } = lastCard(first);
    const thread = first.fake.callsOf('chat.postMessage')[0]!.args.thread_ts;
    // "Restart": the bot and app stop; a new process starts on the same data dir (Slack stays the same).
    await first.bot.stop();
    await first.app.close();
    stacks.pop();
    const second = await open({ dataDir: first.dataDir, fake: first.fake });
    await second.click('UALICE', 'clerk_approve', approve.value);
    expect(userByEmail(second, 'jane@example.com').banned).toBe(true);
    expect(allText(second.message(ts))).toContain('Approved by <@UALICE>');
    const summary = second.fake.callsOf('chat.postMessage').at(-1)!;
    expect(summary.args.thread_ts).toBe(thread);
    expect(String(summary.args.text)).toContain('Done');
    await first.fake.close();
  });

  it('Deny with reason: a modal, then the card says who denied and why; nothing runs', async () => {
    const s = await open();
    await s.mention('UCAROL', 'ban jane@example.com');
    const { ts } = lastCard(s);
    const reasonButton = buttonsOf(s.message(ts)!.blocks).find((b) => b.action_id === 'clerk_deny_reason')!;
    await s.click('UBOB', 'clerk_deny_reason', reasonButton.value, { triggerId: 'trig.modal' });
    const views = s.fake.callsOf('views.open');
    expect(views).toHaveLength(1);
    expect(views[0]!.args.trigger_id).toBe('trig.modal');
    const view = views[0]!.args.view as any;
    const { signedInteraction, post } = await import('../../../src/interfaces/slack/testing/signed-request.js');
    const { SECRET } = await import('./support.js');
    const submission = {
      type: 'view_submission',
      team: { id: 'T1' },
      user: { id: 'UBOB', name: 'bob' },
      api_app_id: 'A1',
      trigger_id: 'trig.submit',
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { reason: { reason: { type: 'plain_text_input', value: 'wrong person <!channel>' } } } },
      },
    };
    expect((await post(s.url, signedInteraction(SECRET, submission))).status).toBe(200);
    await s.bot.idle();
    const card = allText(s.message(ts));
    expect(card).toContain('Denied by <@UBOB>');
    expect(card).toContain('wrong person &lt;!channel&gt;');
    expect(mutations(s)).toHaveLength(0);
    expect(userByEmail(s, 'jane@example.com').banned).toBe(false);
    const summary = String(s.fake.callsOf('chat.postMessage').at(-1)!.args.text);
    expect(summary).toMatch(/denied|not done|No changes/i);
  });

  it('a decision made elsewhere (the shared queue) updates the card and reports in the thread', async () => {
    const s = await open();
    const { ts: thread } = await s.mention('UCAROL', 'ban jane@example.com');
    const { ts } = lastCard(s);
    const [request] = await s.bot.service.list({ status: ['pending'] });
    // e.g. `clerk-agent approvals approve`: another service instance on the same store.
    const result = await s.app.approvals.decide(
      request!.id,
      { approve: true },
      { via: 'slack', id: 'UBOB', name: 'Bob' },
    );
    expect(result.ok).toBe(true);
    await s.bot.poll();
    expect(userByEmail(s, 'jane@example.com').banned).toBe(true);
    const card = s.message(ts)!;
    expect(buttonsOf(card.blocks)).toHaveLength(0);
    expect(allText(card)).toContain('Approved by <@UBOB>');
    const summary = s.fake.callsOf('chat.postMessage').at(-1)!;
    expect(summary.args.thread_ts).toBe(thread);
    expect(String(summary.args.text)).toContain('Done');
  });
});
