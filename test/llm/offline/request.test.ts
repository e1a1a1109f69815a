/**
 * Whole-message parsing (request.ts): sentences and clauses, context and asides dropped, pronouns filled from the
 * same message, negations and corrections, merged steps — and the cases that must NOT become a mutation.
 */
import { describe, expect, it } from 'vitest';
import { splitClauses, splitSentences } from '../../../src/llm/offline/clauses.js';
import { analyze } from '../../../src/llm/offline/entities.js';
import { parseKeyValues } from '../../../src/llm/offline/kv.js';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { NOW } from './drive.js';

const parse = (text: string) => parseRequest(text, NOW);
const email = (value: string) => ({ kind: 'email', value });

describe('splitting', () => {
  it('splits sentences on the masked text, never inside an email or a quoted name', () => {
    const s = analyze('The chargeback was resolved. Unban sam.taylor@globex.test please. Rename "Dr. Who Inc." to X');
    expect(splitSentences(s.masked)).toHaveLength(3);
  });

  it('splits clauses before a lowercase action verb and at asides, not inside lists or names', () => {
    expect(splitClauses('sign ⟦e0⟧ out, remove him from Acme, and ban his account').map((u) => u.masked)).toEqual([
      'sign ⟦e0⟧ out',
      'remove him from Acme',
      'ban his account',
    ]);
    expect(splitClauses('Unblock ⟦e0⟧, it was a mistake').map((u) => u.masked)).toEqual([
      'Unblock ⟦e0⟧',
      'it was a mistake',
    ]);
    expect(splitClauses('ban ⟦e0⟧ and ⟦e1⟧')).toHaveLength(1);
    expect(splitClauses('Rename Acme to Make and Ban Inc')).toHaveLength(1);
  });
});

describe('parseRequest', () => {
  it('finds the request after a context sentence and strips politeness', () => {
    expect(parse('The chargeback was resolved. Unban sam.taylor@globex.test please.')).toEqual({
      kind: 'user_action',
      action: 'clerk_user_unban',
      targets: [email('sam.taylor@globex.test')],
    });
  });

  it('fills "the account" / "him" / "his account" from another sentence of the message', () => {
    expect(parse('lee@initech.test got locked out. Can you unlock the account?')).toMatchObject({
      action: 'clerk_user_unlock',
      targets: [email('lee@initech.test')],
    });
    expect(parse('Can you revoke her sessions? jane@example.com lost her laptop.')).toEqual({
      kind: 'sign_out',
      targets: [email('jane@example.com')],
    });
  });

  it('turns a compound request into ordered steps, dropping the constraint', () => {
    const r = parse(
      "Offboard dave@acme.test: sign him out everywhere, remove him from Acme Inc, and ban his account. Don't delete it.",
    );
    expect(r.kind).toBe('sequence');
    expect(r.kind === 'sequence' && r.steps.map((s) => s.kind)).toEqual([
      'sign_out',
      'membership_remove',
      'user_action',
    ]);
    expect(JSON.stringify(r)).not.toMatch(/clerk_user_delete/);
  });

  it('merges "and change its slug" into the rename of the same organization', () => {
    expect(parse('Rename Hooli to Hooli XYZ and change its slug to hooli-xyz.')).toEqual({
      kind: 'org_update',
      org: { kind: 'name', value: 'Hooli' },
      fields: { name: 'Hooli XYZ', slug: 'hooli-xyz' },
    });
  });

  it('a correction replaces the earlier request; a negation is never an action', () => {
    expect(parse('Delete dave@acme.test. Actually, ban him instead.')).toMatchObject({
      action: 'clerk_user_ban',
      targets: [email('dave@acme.test')],
    });
    expect(parse("Don't delete jane@example.com, just lock her.")).toMatchObject({
      action: 'clerk_user_lock',
      targets: [email('jane@example.com')],
    });
    expect(parse("Don't delete jane@example.com.").kind).toBe('unknown');
  });

  it('does not act on statements or questions about an action', () => {
    for (const text of [
      'Should I ban jane@example.com?',
      'I banned jane@example.com yesterday by mistake.',
      'jane@example.com was banned. Why?',
    ]) {
      expect(parse(text).kind).toBe('unknown');
    }
  });

  it('keeps a sentence whole when a split-off instruction means nothing alone', () => {
    expect(parse('set plan to pro and set seats to 3 in the public metadata of alice@acme.test')).toEqual({
      kind: 'user_update',
      target: email('alice@acme.test'),
      fields: { public_metadata: { plan: 'pro', seats: 3 } },
    });
  });

  it('reads the part before a colon when the rest only lists details', () => {
    expect(parse('Tell me about the Umbrella Corp organization: its slug and how many members it has.')).toEqual({
      kind: 'org_get',
      org: { kind: 'name', value: 'Umbrella Corp' },
    });
  });
});

describe('key/value metadata', () => {
  const kv = (text: string) => {
    const s = analyze(text);
    return parseKeyValues(s.masked, s);
  };
  it('reads "k=v", "k: v" and "set k to v", typing numbers and booleans', () => {
    expect(kv('metadata plan=pro, seats=3, trial=false')).toEqual({ plan: 'pro', seats: 3, trial: false });
    expect(kv('set the metadata of Acme: tier=gold')).toEqual({ tier: 'gold' });
    expect(kv('add tier: gold to the metadata')).toEqual({ tier: 'gold' });
    expect(kv('Set plan to enterprise in the public metadata')).toEqual({ plan: 'enterprise' });
    expect(kv('set "billing tier" to "gold plus" in the metadata')).toEqual({ 'billing tier': 'gold plus' });
  });
  it('finds nothing when there is no pair', () => {
    expect(kv('update the metadata of jane')).toBeUndefined();
  });
});
