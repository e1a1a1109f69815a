/**
 * The action lexicon: typos are corrected only where they cannot be a real word, casual phrasings map to the
 * canonical verbs, and a pasted ticket keeps only its own words.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/llm/offline/entities.js';
import { canonicalVerb, closest, correctTypos, distance, NOUNS, VERBS } from '../../../src/llm/offline/lexicon.js';
import { normalize } from '../../../src/llm/offline/normalize.js';
import { parseRequest } from '../../../src/llm/offline/request.js';

describe('typo correction', () => {
  it('measures a swapped pair as one edit', () => {
    expect(distance('revkoe', 'revoke')).toBe(1);
    expect(distance('unlcok', 'unlock')).toBe(1);
    expect(distance('bann', 'ban')).toBe(1);
  });

  it.each([
    ['bann', 'ban'],
    ['unlcok', 'unlock'],
    ['revkoe', 'revoke'],
    ['delet', 'delete'],
    ['unbna', 'unban'],
  ])('corrects the verb %s to %s', (typo, word) => {
    expect(closest(typo, VERBS)).toBe(word);
  });

  it.each(['sing', 'look', 'band', 'remote', 'unable', 'banned', 'invited', 'locked', 'member', 'bill', 'dave'])(
    'leaves the real word or inflection %s alone',
    (word) => {
      expect(closest(word, VERBS)).toBeUndefined();
      expect(closest(word, NOUNS)).toBeUndefined();
    },
  );

  it('corrects a verb only where a verb stands, and resource words anywhere', () => {
    expect(correctTypos('could you bann ⟦e0⟧')).toBe('could you ban ⟦e0⟧');
    expect(correctTypos('the bann list')).toBe('the bann list');
    expect(correctTypos('revoke the invitaton to ⟦e0⟧')).toBe('revoke the invitation to ⟦e0⟧');
  });
});

describe('synonyms (one table)', () => {
  it.each([
    ['undo the block on ⟦e0⟧', 'unblock ⟦e0⟧'],
    ['lift the ban on ⟦e0⟧', 'unban ⟦e0⟧'],
    ['give ⟦e0⟧ their access back', 'let ⟦e0⟧ sign in again'],
    ['boot ⟦e0⟧ out of Globex', 'remove ⟦e0⟧ from Globex'],
    ['nuke the hasura template', 'delete the hasura template'],
    ['revoke the organisation invitation', 'revoke the organization invitation'],
    ['rename the Internal Dashboard app to Ops', 'rename the Internal Dashboard oauth app to Ops'],
    ['delete the app that has zapier in its name', 'delete the app called zapier'],
    // An app invitation stays one, and "OAuth app" is not doubled.
    ['revoke the Acme app invitation', 'revoke the Acme app invitation'],
    ['rename the OAuth app Zapier', 'rename the OAuth app Zapier'],
  ])('%s → %s', (phrase, canonical) => {
    expect(canonicalVerb(phrase)).toBe(canonical);
  });
});

describe('noise in pasted tickets', () => {
  it('drops the greeting, pleasantry and signature', () => {
    const s = normalize(analyze("Hi team, hope you're well. Could you ban mallory@evil.test? Thanks, Kim"));
    expect(s.masked).toBe('Could you ban ⟦e0⟧?');
  });

  it('keeps a message that is only thanks', () => {
    expect(normalize(analyze('thanks')).masked).toBe('thanks');
  });

  it('understands the actionable sentence of a ticket with a typo in its verb', () => {
    const intent = parseRequest(
      "Hello support,\nHope you're doing well. Could you please unlcok lee@initech.test? He got locked out.\nBest regards,\nPriya",
      0,
    );
    expect(intent).toMatchObject({ kind: 'user_action', action: 'clerk_user_unlock' });
  });
});

describe('casual phrasings end to end (parser)', () => {
  it.each([
    [
      "can you reinstate access for lee@initech.test? he's been locked out since friday",
      { kind: 'user_restore_sign_in', targets: [{ kind: 'email', value: 'lee@initech.test' }] },
    ],
    ['Sam Taylor settled the chargeback, can you unban him', { kind: 'user_action', action: 'clerk_user_unban' }],
    ['who is the admin of Initech?', { kind: 'members_list', role: 'org:admin' }],
    ['What roles do people have in Hooli?', { kind: 'members_list', org: { kind: 'name', value: 'Hooli' } }],
    ['Hi! Please delte the hasura jwt template. Thanks', { kind: 'named_delete', resource: 'jwt' }],
    // A report of what happened is context, not an instruction ("deleted" must not become a lookup or a delete).
    ['Someone deleted the hasura template last week; can you list the JWT templates?', { kind: 'named_list' }],
    ['I locked lee@initech.test earlier today. Please unlock him now.', { action: 'clerk_user_unlock' }],
    [
      'dave@acme.test was removed from Acme yesterday by mistake. Please add him back as a member.',
      { kind: 'membership_add', org: { kind: 'name', value: 'Acme' }, role: 'org:member' },
    ],
  ])('%s', (text, intent) => {
    expect(parseRequest(text, 0)).toMatchObject(intent);
  });
});
