import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../../src/agent/summary.js';
import type { AgentEvent } from '../../../src/agent/types.js';
import { colorsEnabled, createColors, stripAnsi } from '../../../src/interfaces/repl/colors.js';
import { createOutput } from '../../../src/interfaces/repl/output.js';
import { createRenderer } from '../../../src/interfaces/repl/render.js';
import { createSpinner } from '../../../src/interfaces/repl/spinner.js';
import { captureOutput } from './support.js';

const users = Array.from({ length: 3 }, (_, i) => ({
  id: `user_${i}`,
  name: `User ${i}`,
  email: `u${i}@acme.test`,
  banned: i === 2,
  locked: false,
  created_at: '2026-11-20T10:00:00.000Z',
  last_active_at: null,
}));

const turn: AgentEvent[] = [
  { type: 'turn_start', runId: 'r', input: 'list banned users' },
  { type: 'model_start', step: 1 },
  { type: 'model_end', step: 1, finishReason: 'tool_calls' },
  { type: 'assistant_text', text: 'Looking up users.' },
  {
    type: 'tool_start',
    callId: 'c1',
    action: 'clerk_users_list',
    args: { banned: true, limit: 10, email_address: null },
    risk: 'read',
  },
  {
    type: 'tool_end',
    callId: 'c1',
    action: 'clerk_users_list',
    ok: true,
    durationMs: 3,
    result: { total_count: 9, returned: 3, offset: 0, data: users },
  },
  { type: 'tool_start', callId: 'c2', action: 'clerk_user_get', args: { user_id: 'user_x' }, risk: 'read' },
  {
    type: 'tool_end',
    callId: 'c2',
    action: 'clerk_user_get',
    ok: false,
    durationMs: 3,
    error: 'Clerk 404 resource_not_found: user not found',
  },
  { type: 'error', message: 'The model returned an empty answer.' },
  { type: 'decision', callId: 'c3', action: 'clerk_user_ban', approved: false, approver: 'local:a', reason: 'denied' },
  { type: 'summary', summary: buildSummary([], 'There are 3 banned users.') },
  { type: 'turn_end', status: 'done' },
];

describe('render', () => {
  it('renders a turn: plan text, one progress line per read, a table, errors and the summary', () => {
    const { out, text } = captureOutput();
    const r = createRenderer(out);
    r.startTurn();
    turn.forEach((e) => r.handle(e));
    const screen = text();
    expect(screen).toContain('Looking up users.\n');
    expect(screen).toContain('· clerk_users_list banned=true limit=10 → 3 users (of 9)\n');
    expect(screen).toMatch(/name\s+email\s+banned\s+locked\s+created_at\s+last_active_at\s+id/);
    expect(screen).toMatch(/User 2\s+u2@acme\.test\s+yes\s+no\s+2026-11-20 10:00\s+—\s+user_2/);
    expect(screen).toContain('! clerk_user_get user_id=user_x → Clerk 404 resource_not_found: user not found\n');
    expect(screen).toContain('error: The model returned an empty answer.\n');
    expect(screen).toContain('✗ not approved clerk_user_ban: denied\n');
    expect(screen).toContain('There are 3 banned users.\nNo changes were made.\n');
    expect(r.errorShown).toBe(true);
    expect(r.summaryShown).toBe(true);
  });

  it('holds a list table until the model has spoken, and skips it when the model already listed the rows', () => {
    const listTurn = (closing: string) => {
      const { out, text } = captureOutput();
      const r = createRenderer(out);
      r.startTurn();
      r.handle(turn[4]!);
      r.handle(turn[5]!);
      r.handle({ type: 'assistant_text', text: closing });
      r.handle({ type: 'summary', summary: buildSummary([], closing) });
      return text();
    };
    const table = listTurn('Here they are:');
    expect(table.indexOf('Here they are:')).toBeLessThan(table.indexOf('u0@acme.test'));
    expect(table.indexOf('u0@acme.test')).toBeLessThan(table.indexOf('No changes were made.'));
    const listed = listTurn('Banned: u0@acme.test, u1@acme.test and u2@acme.test.');
    expect(listed).not.toMatch(/name\s+email/);
  });

  it('a list read followed by one record read was a look-up: its table is not shown', () => {
    const { out, text } = captureOutput();
    const r = createRenderer(out);
    r.startTurn();
    r.handle(turn[4]!);
    r.handle(turn[5]!);
    r.handle({ type: 'tool_start', callId: 'c9', action: 'clerk_user_get', args: { user_id: 'user_1' }, risk: 'read' });
    r.handle({
      type: 'tool_end',
      callId: 'c9',
      action: 'clerk_user_get',
      ok: true,
      durationMs: 2,
      result: { ...users[1], public_metadata: { plan: 'pro' } },
    });
    r.handle({ type: 'assistant_text', text: 'User 1: plan is "pro".' });
    r.handle({ type: 'summary', summary: buildSummary([], 'User 1: plan is "pro".') });
    expect(text()).not.toMatch(/name\s+email/);
    expect(text()).not.toContain('u0@acme.test');
  });

  it('shows a held table before the approval cards', () => {
    const { out, text } = captureOutput();
    const r = createRenderer(out);
    r.startTurn();
    r.handle(turn[4]!);
    r.handle(turn[5]!);
    r.handle({ type: 'approval_needed', pending: [] });
    expect(text()).toMatch(/name\s+email/);
  });

  it('does not repeat the model text when the summary carries the same words', () => {
    const { out, text } = captureOutput();
    const r = createRenderer(out);
    r.startTurn();
    r.handle({ type: 'assistant_text', text: 'Banned Jane.' });
    r.handle({ type: 'summary', summary: buildSummary([], 'Banned Jane.') });
    expect(text().match(/Banned Jane\./g)).toHaveLength(1);
  });

  it('an executed mutation gets a check mark; one-row lists are named inline without a table', () => {
    const { out, text } = captureOutput();
    const r = createRenderer(out);
    r.startTurn();
    r.handle({
      type: 'tool_start',
      callId: 'a',
      action: 'clerk_users_list',
      args: { email_address: ['jane@example.com'] },
      risk: 'read',
    });
    r.handle({
      type: 'tool_end',
      callId: 'a',
      action: 'clerk_users_list',
      ok: true,
      durationMs: 1,
      result: { returned: 1, data: [{ id: 'user_1', name: 'Jane Doe', email: 'jane@example.com' }] },
    });
    r.handle({ type: 'tool_start', callId: 'b', action: 'clerk_user_ban', args: { user_id: 'user_1' }, risk: 'write' });
    r.handle({
      type: 'tool_end',
      callId: 'b',
      action: 'clerk_user_ban',
      ok: true,
      durationMs: 1,
      result: { ok: true, result: { id: 'user_1', name: 'Jane Doe', email: 'jane@example.com', banned: true } },
    });
    expect(text()).toBe(
      '· clerk_users_list email_address=jane@example.com → 1 user: Jane Doe <jane@example.com>\n' +
        '✓ clerk_user_ban user_id=user_1 → Jane Doe <jane@example.com>\n',
    );
  });

  it('a dry-run mutation says it was not executed; an error that ends with the summary line is not followed by it again', () => {
    const { out, text } = captureOutput();
    const r = createRenderer(out);
    r.startTurn();
    r.handle({ type: 'tool_start', callId: 'd', action: 'clerk_user_ban', args: { user_id: 'user_1' }, risk: 'write' });
    r.handle({
      type: 'tool_end',
      callId: 'd',
      action: 'clerk_user_ban',
      ok: true,
      durationMs: 0,
      result: { dry_run: true, preview: { text: 'Ban Jane Doe', method: 'POST', path: '/users/user_1/ban' } },
    });
    r.handle({ type: 'error', message: 'The model call failed: connection refused. No changes were made.' });
    r.handle({ type: 'summary', summary: buildSummary([], '') });
    expect(text()).toBe(
      '○ clerk_user_ban user_id=user_1 → dry run, not executed: Ban Jane Doe\n' +
        'error: The model call failed: connection refused. No changes were made.\n',
    );
  });

  it('NO_COLOR output has no ANSI codes at all, even with FORCE_COLOR and a TTY', () => {
    const enabled = colorsEnabled({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(enabled).toBe(false);
    let buffer = '';
    const stream = { write: (t: string) => ((buffer += t), true), columns: 80 };
    const colors = createColors(enabled);
    const out = createOutput(stream, createSpinner(stream, { enabled: true, colors }), colors);
    const r = createRenderer(out);
    r.startTurn();
    turn.forEach((e) => r.handle(e));
    expect(buffer.length).toBeGreaterThan(100);
    expect(buffer).not.toMatch(/\x1b/);
  });

  it('colours: on for a TTY, off for pipes and TERM=dumb, forced by FORCE_COLOR', () => {
    expect(colorsEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorsEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorsEnabled({}, {})).toBe(false);
    expect(colorsEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(colorsEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorsEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(true); // an empty NO_COLOR does not count
    expect(stripAnsi(createColors(true).red('x'))).toBe('x');
  });
});

describe('spinner', () => {
  it('is silent when disabled (piped output)', () => {
    let buffer = '';
    const s = createSpinner({ write: (t: string) => (buffer += t) }, { enabled: false, colors: createColors(false) });
    s.start('thinking…');
    s.stop();
    expect(buffer).toBe('');
    expect(s.active).toBe(false);
  });

  it('draws on start and erases its line on stop; without colours it erases with spaces', () => {
    let buffer = '';
    const s = createSpinner(
      { write: (t: string) => (buffer += t) },
      { enabled: true, colors: createColors(false), intervalMs: 10_000 },
    );
    s.start('thinking…');
    expect(s.active).toBe(true);
    expect(buffer).toBe('\r⠋ thinking…');
    s.stop();
    expect(buffer).toBe(`\r⠋ thinking…\r${' '.repeat(11)}\r`);
    s.stop(); // idempotent
    expect(buffer.endsWith(`${' '.repeat(11)}\r`)).toBe(true);
  });

  it('with colours it erases with the ANSI clear-line code; output.line clears it first', () => {
    let buffer = '';
    const stream = { write: (t: string) => ((buffer += t), true) };
    const colors = createColors(true);
    const spinner = createSpinner(stream, { enabled: true, colors, intervalMs: 10_000 });
    const out = createOutput(stream, spinner, colors);
    spinner.start('reading…');
    out.line('result');
    expect(buffer.endsWith('\r\x1b[Kresult\n')).toBe(true);
    expect(spinner.active).toBe(false);
  });
});
