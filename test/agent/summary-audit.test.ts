import { mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuditLog, type AuditEntry } from '../../src/agent/audit.js';
import { buildSummary } from '../../src/agent/summary.js';
import type { MutationOutcome } from '../../src/agent/types.js';

const outcome = (
  status: MutationOutcome['status'],
  previewText: string,
  extra: Partial<MutationOutcome> = {},
): MutationOutcome => ({
  callId: previewText,
  action: 'clerk_user_ban',
  args: {},
  previewText,
  status,
  ...extra,
});

describe('buildSummary', () => {
  it('says plainly when nothing changed', () => {
    const s = buildSummary([], 'I banned Jane.');
    expect(s.line).toBe('No changes were made.');
    expect(s.modelText).toBe('I banned Jane.');
  });

  it('lists what was done and what was not, with reasons', () => {
    const s = buildSummary(
      [
        outcome('executed', 'Ban Jane Doe'),
        outcome('denied', 'Delete Acme', { reason: 'not today' }),
        outcome('failed', 'Lock Lee', { error: 'clerk 404: not found' }),
      ],
      'Done.',
    );
    expect(s.line).toBe(
      'Done: 1 change (Ban Jane Doe). Not done: 2 (denied: Delete Acme — not today; failed: Lock Lee — clerk 404: not found).',
    );
    expect(s.executed).toHaveLength(1);
    expect(s.denied).toHaveLength(1);
    expect(s.failed).toHaveLength(1);
  });

  it('reports dry runs as not executed', () => {
    const s = buildSummary([outcome('dry_run', 'Ban Jane Doe')], '');
    expect(s.line).toBe('No changes were made. Dry run: 1 change previewed, none executed (Ban Jane Doe).');
  });
});

const entry = (n: number): AuditEntry => ({
  time: new Date(0).toISOString(),
  runId: 'r',
  requester: 'local:test',
  approver: 'local:test',
  decision: 'approved',
  status: 'executed',
  action: 'clerk_user_ban',
  callId: `c${n}`,
  approvalId: `a${n}`,
  argsDigest: 'd',
  args: { user_id: `user_${n}`, note: 'sk_test_secretvalue123' },
  preview: 'Ban',
  live: false,
});

describe('createAuditLog', () => {
  it('appends one redacted JSON line per record and reads them back', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'audit-')), 'sub', 'audit.jsonl');
    const log = createAuditLog({ file });
    log.record(entry(1));
    log.record(entry(2));
    const text = readFileSync(file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(2);
    expect(text).not.toContain('sk_test');
    expect(log.entries().map((e) => e.callId)).toEqual(['c1', 'c2']);
    expect(log.recent(1).map((e) => e.callId)).toEqual(['c2']);
  });

  it('survives a torn last line from a crash: skips it and keeps appending on a fresh line', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'audit-')), 'audit.jsonl');
    writeFileSync(file, JSON.stringify(entry(1)) + '\n');
    appendFileSync(file, '{"time":"2026-'); // the process died mid-write
    const log = createAuditLog({ file });
    log.record(entry(3));
    expect(log.entries().map((e) => e.callId)).toEqual(['c1', 'c3']);
  });

  it('keeps records in memory without a file', () => {
    const log = createAuditLog();
    log.record(entry(1));
    expect(log.entries()).toHaveLength(1);
    expect(JSON.stringify(log.entries())).not.toContain('sk_test');
  });
});
