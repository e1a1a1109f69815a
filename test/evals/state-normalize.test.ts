import { describe, expect, it } from 'vitest';
import { diffStates, formatDiffLine } from '../../evals/src/state-diff.js';
import { collectIds, normalizeState } from '../../evals/src/state-normalize.js';

const base = {
  version: 1,
  nextId: 10,
  users: [
    {
      id: 'user_a',
      first_name: 'Jane',
      banned: false,
      updated_at: 1,
      email_addresses: [{ id: 'idn_a', email_address: 'jane@example.com' }],
    },
  ],
  invitations: [] as Array<Record<string, unknown>>,
};

describe('state normalization', () => {
  it('ignores updated_at and the id counter', () => {
    const known = collectIds(base);
    const changed = { ...base, nextId: 99, users: [{ ...base.users[0]!, updated_at: 5 }] };
    expect(normalizeState(changed, known)).toEqual(normalizeState(base, known));
  });

  it('matches created entities by content, not by generated id or creation order', () => {
    const known = collectIds(base);
    const a = {
      ...base,
      invitations: [
        { id: 'inv_1', email_address: 'x@a.test', url: 'https://x/inv_1' },
        { id: 'inv_2', email_address: 'y@a.test', url: 'https://x/inv_2' },
      ],
    };
    const b = {
      ...base,
      invitations: [
        { id: 'inv_7', email_address: 'y@a.test', url: 'https://x/inv_7' },
        { id: 'inv_9', email_address: 'x@a.test', url: 'https://x/inv_9' },
      ],
    };
    expect(normalizeState(a, known)).toEqual(normalizeState(b, known));
    const c = { ...base, invitations: [{ id: 'inv_3', email_address: 'z@a.test' }] };
    expect(normalizeState(c, known)).not.toEqual(normalizeState(a, known));
  });

  it('renames references to new entities consistently', () => {
    const known = collectIds(base);
    const a = {
      ...base,
      orgs: [{ id: 'org_1', slug: 'n' }],
      memberships: [{ id: 'm_1', organization_id: 'org_1', user_id: 'user_a' }],
    };
    const b = {
      ...base,
      orgs: [{ id: 'org_5', slug: 'n' }],
      memberships: [{ id: 'm_6', organization_id: 'org_5', user_id: 'user_a' }],
    };
    expect(normalizeState(a, known)).toEqual(normalizeState(b, known));
  });

  it('produces a readable diff naming the entity', () => {
    const known = collectIds(base);
    const banned = { ...base, users: [{ ...base.users[0]!, banned: true }] };
    const lines = diffStates(normalizeState(banned, known), normalizeState(base, known)).map(formatDiffLine);
    expect(lines).toEqual(['users[user_a (jane@example.com)].banned: expected true, got false']);
  });

  it('reports missing and extra entities', () => {
    const known = collectIds(base);
    const withInv = { ...base, invitations: [{ id: 'inv_1', email_address: 'x@a.test' }] };
    const lines = diffStates(normalizeState(withInv, known), normalizeState(base, known)).map(formatDiffLine);
    expect(lines[0]).toMatch(
      /^invitations\[<new invitations#1> \(x@a.test\)\]: expected .*"email_address":"x@a.test".*, got \(missing\)$/,
    );
    const extra = diffStates(normalizeState(base, known), normalizeState(withInv, known)).map(formatDiffLine);
    expect(extra[0]).toMatch(/expected \(absent\), got/);
  });
});
