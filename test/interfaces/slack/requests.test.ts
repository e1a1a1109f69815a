/**
 * Hostile deliveries at the HTTP edge: forged signatures, stale timestamps, replayed payloads and Events API
 * retries never reach the agent or the approval queue twice.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { post, signedEvent, signedInteraction } from '../../../src/interfaces/slack/testing/signed-request.js';
import { clickPayload, createSlackStack, postedCards, SECRET, type SlackStack } from './support.js';

let stack: SlackStack;
beforeAll(async () => {
  stack = await createSlackStack();
  return () => stack.close();
});
let before = 0;
afterEach(() => {
  before = stack.fake.calls.length;
});
const newCalls = () => stack.fake.calls.slice(before).filter((c) => c.method !== 'users.info');

const mentionEvent = (text: string, ts: string) => ({
  type: 'app_mention',
  user: 'UCAROL',
  text: `<@UBOT> ${text}`,
  ts,
  channel: 'COPS',
  event_ts: ts,
});

describe('signed requests', () => {
  it('a forged signature gets 401 and nothing happens', async () => {
    before = stack.fake.calls.length;
    const forged = signedEvent(SECRET, mentionEvent('list users', '1.000001'), 'EvForged', { secret: 'f'.repeat(32) });
    const res = await post(stack.url, forged);
    await stack.bot.idle();
    expect(res.status).toBe(401);
    expect(newCalls()).toEqual([]);
    // A body changed after signing is a forgery too.
    const good = signedEvent(SECRET, mentionEvent('list users', '1.000002'), 'EvTampered');
    const res2 = await post(stack.url, { ...good, body: good.body.replace('list users', 'ban everyone') });
    expect(res2.status).toBe(401);
    await stack.bot.idle();
    expect(newCalls()).toEqual([]);
  });

  it('a timestamp older than 5 minutes gets 401 (Bolt checks the window)', async () => {
    before = stack.fake.calls.length;
    const stale = signedEvent(SECRET, mentionEvent('list users', '1.000003'), 'EvStale', {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    const res = await post(stack.url, stale);
    await stack.bot.idle();
    expect(res.status).toBe(401);
    expect(newCalls()).toEqual([]);
  });

  it('a replayed event (same signed body) is answered once', async () => {
    before = stack.fake.calls.length;
    const request = signedEvent(SECRET, mentionEvent('how many users are there', '1.000004'), 'EvReplay');
    expect((await post(stack.url, request)).status).toBe(200);
    await stack.bot.idle();
    const first = newCalls().length;
    expect(first).toBeGreaterThan(0);
    expect((await post(stack.url, request)).status).toBe(200);
    await stack.bot.idle();
    expect(newCalls().length).toBe(first);
  });

  it('an Events API retry (X-Slack-Retry-Num, same event_id) is not processed twice', async () => {
    before = stack.fake.calls.length;
    const event = mentionEvent('how many users are there', '1.000005');
    expect((await post(stack.url, signedEvent(SECRET, event, 'EvRetry'))).status).toBe(200);
    await stack.bot.idle();
    const first = newCalls();
    expect(first.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    for (const retryNum of [1, 2]) {
      expect((await post(stack.url, signedEvent(SECRET, event, 'EvRetry', { retryNum }))).status).toBe(200);
    }
    await stack.bot.idle();
    expect(newCalls()).toHaveLength(first.length);
    expect(stack.logs.some((l) => l.includes('retry 1'))).toBe(true);
  });

  it('a replayed click is acknowledged and ignored (one refusal, not two)', async () => {
    await stack.mention('UCAROL', 'ban jane@example.com');
    const card = postedCards(stack.fake).at(-1)!;
    const value = card.buttons.find((b) => b.action_id === 'clerk_approve')!.value;
    before = stack.fake.calls.length;
    const click = signedInteraction(SECRET, clickPayload('UMALLORY', 'clerk_approve', value, 'trig.replayed'));
    expect((await post(stack.url, click)).status).toBe(200);
    await stack.bot.idle();
    expect((await post(stack.url, click)).status).toBe(200);
    await stack.bot.idle();
    expect(newCalls().filter((c) => c.method === 'chat.postEphemeral')).toHaveLength(1);
  });
});
