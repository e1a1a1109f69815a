/** Rendering: mrkdwn escaping, answers (tables cut with a count), cards per status, button values. */
import { describe, expect, it } from 'vitest';
import type { ApprovalCard } from '../../../src/approvals/service.js';
import type { ChangeRequest } from '../../../src/approvals/types.js';
import { renderAnswer, textToMrkdwn } from '../../../src/interfaces/slack/answer.js';
import { outcomeLine, parseButtonValue, renderCard } from '../../../src/interfaces/slack/card.js';
import { countWords, escapeMrkdwn } from '../../../src/interfaces/slack/mrkdwn.js';

describe('mrkdwn', () => {
  it('escapes links, mentions and broadcasts', () => {
    expect(escapeMrkdwn('<!channel> & <https://evil.test|click here> <@U123>')).toBe(
      '&lt;!channel&gt; &amp; &lt;https://evil.test|click here&gt; &lt;@U123&gt;',
    );
    expect(escapeMrkdwn('@here now')).not.toBe('@here now');
    expect(escapeMrkdwn('user_2xBM_abc')).toBe('user_2xBM_abc'); // ids stay copyable
  });

  it('counts in words', () => {
    expect(countWords(1, 'change')).toBe('one change');
    expect(countWords(3, 'user')).toBe('three users');
    expect(countWords(1500, 'user')).toBe('1,500 users');
  });
});

describe('answers', () => {
  it('puts a table in a code block and cuts it with a count', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `User ${i}  u${i}@example.com`);
    const text = ['40 users:', 'Name     Email', '-------  -----', ...rows].join('\n');
    const out = textToMrkdwn(text);
    expect(out).toContain('```Name');
    expect(out).toContain('User 14');
    expect(out).not.toContain('User 15 ');
    expect(out).toContain('25 more rows not shown');
  });

  it('adds the audit line when something was decided', () => {
    const summary = {
      modelText: 'Banned <b>.',
      executed: [{ callId: 'c', action: 'a', args: {}, previewText: 'x', status: 'executed' as const }],
      denied: [],
      failed: [],
      dryRun: [],
      noop: [],
      unknown: [],
      line: 'Done: 1 change (Ban <!here>).',
    };
    const out = renderAnswer(summary);
    expect(out).toContain('Banned &lt;b&gt;.');
    expect(out).toContain('*Done: 1 change (Ban &lt;!here&gt;).*');
  });
});

const request = (over: Partial<ChangeRequest> = {}): ChangeRequest => ({
  id: 'cr_abcdefghijklmnopqrst',
  version: 1,
  runId: 'run1',
  conversationId: 'C:1',
  approvalId: 'a1',
  callId: 'c1',
  action: 'clerk_user_delete',
  args: { user_id: 'user_1' },
  argsDigest: 'a'.repeat(64),
  risk: 'destructive',
  preview: { text: 'Permanently delete <!channel>', method: 'DELETE', path: '/users/user_1' },
  live: false,
  requester: { via: 'slack', id: 'UCAROL', name: 'Carol' },
  createdAt: '2026-12-06T14:00:00.000Z',
  expiresAt: '2026-12-06T15:00:00.000Z',
  status: 'pending',
  approvals: [],
  sig: 'x',
  ...over,
});
const card = (r: ChangeRequest): ApprovalCard => ({
  request: r,
  call: {
    approvalId: r.approvalId,
    callId: r.callId,
    action: r.action,
    args: r.args,
    argsDigest: r.argsDigest,
    risk: r.risk,
    preview: {
      ...r.preview,
      diff: [{ field: 'first_name', before: 'Jane', after: '<!here>' }],
      consequences: ['All <sessions> end'],
    },
    live: r.live,
  },
  status: '',
  approvalsNeeded: 2,
});

describe('cards', () => {
  const now = new Date('2026-12-06T14:30:00Z');
  it('pending: tier, preview, request line, diff, consequences, requester, expiry, buttons with confirm', () => {
    const { blocks } = renderCard(card(request()), { index: 1, total: 3, now });
    const text = JSON.stringify(blocks);
    for (const part of [
      'Change 2 of 3',
      'DESTRUCTIVE',
      'DELETE /users/user_1',
      'first_name',
      'Consequences',
      '<@UCAROL>',
      '15:00 UTC',
      'needs 2 approvals',
    ])
      expect(text).toContain(part);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<!here>');
    const actions = blocks.find((b) => b.type === 'actions') as any;
    expect(actions.elements.map((e: any) => e.action_id)).toEqual(['clerk_approve', 'clerk_deny', 'clerk_deny_reason']);
    expect(actions.elements[0].confirm).toBeDefined();
    expect(parseButtonValue(actions.elements[0].value)).toEqual({ r: 'cr_abcdefghijklmnopqrst', d: 'a'.repeat(64) });
  });

  it('decided: no buttons, the outcome line names who and when', () => {
    const by = { via: 'slack' as const, id: 'UALICE', name: 'Alice' };
    const executed = request({
      status: 'executed',
      approvals: [{ by, at: '2026-12-06T14:02:00.000Z' }],
      decidedBy: by,
      decidedAt: '2026-12-06T14:02:00.000Z',
    });
    const { blocks } = renderCard(card(executed), { now });
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(JSON.stringify(blocks)).toContain('Approved by <@UALICE> at 14:02 UTC — executed ✓');
    expect(
      outcomeLine(
        request({ status: 'denied', decidedBy: by, decidedAt: '2026-12-06T14:05:00.000Z', reason: '<!channel> no' }),
        now,
      ),
    ).toBe(':no_entry_sign: Denied by <@UALICE> at 14:05 UTC: &lt;!channel&gt; no');
    expect(outcomeLine(request({ status: 'expired' }), now)).toContain('Expired at 15:00 UTC');
    expect(
      outcomeLine(
        request({
          status: 'failed',
          approvals: [{ by, at: '2026-12-06T14:02:00.000Z' }],
          result: { status: 'failed', message: 'Clerk 500', at: '' },
        }),
        now,
      ),
    ).toContain('failed: Clerk 500 (not retried)');
  });

  it('refuses malformed or forged button values', () => {
    for (const v of [
      undefined,
      '',
      'x',
      '{"r":"cr_x"}',
      JSON.stringify({ r: '../etc', d: 'a'.repeat(64) }),
      'y'.repeat(600),
    ])
      expect(parseButtonValue(v)).toBeUndefined();
  });
});
