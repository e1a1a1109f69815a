import { describe, expect, it } from 'vitest';
import { formatArgs, labelOf, nounFor, viewResult } from '../../../src/interfaces/repl/result-view.js';
import { formatCell, pickColumns, renderTable } from '../../../src/interfaces/repl/table.js';

describe('table', () => {
  it('picks telling scalar columns, id last, and skips nested objects', () => {
    const rows = [
      { id: 'u1', object: 'user', public_metadata: { a: 1 }, email: 'a@b.c', name: 'A', banned: false, zeta: 1 },
    ];
    expect(pickColumns(rows)).toEqual(['name', 'email', 'banned', 'zeta', 'id']);
  });

  it('formats cells for people: dashes, yes/no, short timestamps', () => {
    expect(formatCell(null)).toBe('—');
    expect(formatCell(true)).toBe('yes');
    expect(formatCell('2026-11-20T10:05:59.000Z')).toBe('2026-11-20 10:05');
    expect(formatCell('two\nlines')).toBe('two lines');
    expect(formatCell(['a', 1])).toBe('["a",1]');
  });

  it('drops the least telling picked columns (ids, timestamps) before cutting cells', () => {
    const rows = [1, 2].map((i) => ({
      id: `user_${'x'.repeat(28)}${i}`,
      name: `Person ${i}`,
      email: `p${i}@example.com`,
      created_at: '2026-01-01T00:00:00.000Z',
    }));
    const lines = renderTable(rows, { width: 60 });
    expect(lines[0]).toMatch(/^ {2}name\s+email\s+created_at$/);
    expect(lines[2]).toContain('p1@example.com');
  });

  it('fits the width by cutting the widest column with an ellipsis, and summarises extra rows', () => {
    const rows = Array.from({ length: 4 }, (_, i) => ({ name: `n${i}`, note: 'x'.repeat(200) }));
    const lines = renderTable(rows, { width: 60, maxRows: 3 });
    expect(lines).toHaveLength(2 + 3 + 1);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    expect(lines[2]).toMatch(/x…$/);
    expect(lines.at(-1)).toBe('  … 1 more');
    expect(renderTable([], { width: 80 })).toEqual([]);
  });
});

describe('result view', () => {
  it('formats arguments on one line, skipping nulls and cutting long values', () => {
    expect(formatArgs({ email_address: ['a@b.c', 'd@e.f'], limit: 10, query: null, meta: { k: 1 } })).toBe(
      'email_address=a@b.c,d@e.f limit=10 meta={"k":1}',
    );
    expect(formatArgs({ q: 'y'.repeat(100) }, 10)).toBe(`q=${'y'.repeat(9)}…`);
    expect(formatArgs(undefined)).toBe('');
  });

  it('names nouns from action names', () => {
    expect(nounFor('clerk_users_list')).toBe('user');
    expect(nounFor('clerk_org_memberships_list')).toBe('membership');
    expect(nounFor('clerk_blocklists_list')).toBe('blocklist entry');
    expect(nounFor('clerk_organization_get')).toBe('organization');
    expect(nounFor('clerk_mystery')).toBe('item');
  });

  it('describes lists, empty lists, totals, single objects and deletions', () => {
    expect(viewResult('clerk_users_list', { returned: 0, data: [] })).toEqual({ text: 'no users' });
    expect(
      viewResult('clerk_blocklists_list', {
        data: [
          { id: 'b1', identifier: 'x' },
          { id: 'b2', identifier: 'y' },
        ],
      }).text,
    ).toBe('2 blocklist entries');
    expect(
      viewResult('clerk_users_list', { total_count: 64, returned: 2, data: [{ id: 'a' }, { id: 'b' }] }).rows,
    ).toHaveLength(2);
    expect(
      viewResult('clerk_users_list', { total_count: 64, returned: 2, data: [{ id: 'a' }, { id: 'b' }] }).text,
    ).toBe('2 users (of 64)');
    expect(viewResult('clerk_organization_get', { id: 'org_1', name: 'Acme Inc', slug: 'acme' }).text).toBe(
      'Acme Inc (acme)',
    );
    expect(viewResult('clerk_user_delete', '{"ok":true,"result":{"id":"user_1","deleted":true}}').text).toBe(
      'deleted user_1',
    );
    expect(labelOf({ id: 'x', identifier: '*@acme.test' })).toBe('identifier *@acme.test');
  });
});
