/**
 * The audit log as rows for the console's table, newest first, with the filters a reviewer needs: person
 * (requester or approver), action, outcome and a date range. Records are already redacted when written.
 */
import type { AuditEntry } from '../../agent/audit.js';

export interface AuditRow {
  index: number;
  time: string;
  requester: string;
  approver: string;
  action: string;
  target: string;
  outcome: string;
  reason?: string;
  error?: string;
  before?: unknown;
  after?: unknown;
  live: boolean;
}

export interface AuditFilter {
  person?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export function auditRows(entries: readonly AuditEntry[], filter: AuditFilter = {}): AuditRow[] {
  const person = filter.person?.trim().toLowerCase();
  const action = filter.action?.trim().toLowerCase();
  const outcome = filter.outcome?.trim().toLowerCase();
  const rows: AuditRow[] = [];
  entries.forEach((e, index) => {
    const row: AuditRow = {
      index,
      time: e.time,
      requester: e.requester,
      approver: e.approver ?? '',
      action: e.action,
      target: e.preview,
      outcome: e.status,
      live: e.live,
      ...(e.reason ? { reason: e.reason } : {}),
      ...(e.error ? { error: e.error } : {}),
      ...(e.before !== undefined ? { before: e.before } : {}),
      ...(e.after !== undefined ? { after: e.after } : {}),
    };
    if (person && !`${row.requester} ${row.approver}`.toLowerCase().includes(person)) return;
    if (action && !row.action.toLowerCase().includes(action)) return;
    if (outcome && row.outcome.toLowerCase() !== outcome) return;
    if (filter.from && row.time < filter.from) return;
    if (filter.to && row.time.slice(0, filter.to.length) > filter.to) return;
    rows.push(row);
  });
  rows.reverse();
  return rows.slice(0, Math.min(Math.max(filter.limit ?? 500, 1), 2_000));
}
