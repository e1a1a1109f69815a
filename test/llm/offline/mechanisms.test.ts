/**
 * The parse-level mechanisms behind the held-out fixes, checked on their own with wording unlike the scenarios:
 * organization and person context, "that number", shared resource nouns, device words, mistyped re-invites,
 * capitalised names inside fragments and delete synonyms.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { orgMention, personNames } from '../../../src/llm/offline/org-context.js';
import { deviceWords } from '../../../src/llm/offline/session-device.js';
import { preferFullName } from '../../../src/llm/offline/refs.js';
import { canonicalVerb } from '../../../src/llm/offline/lexicon.js';
import { sharedNoun } from '../../../src/llm/offline/shared-noun.js';

const parse = (text: string) => parseRequest(text, 0);

describe('organization and person context', () => {
  it('finds the one organization a message names', () => {
    expect(orgMention('Bob now runs Initech Corp. Make him an admin there')).toBe('Initech Corp');
    expect(orgMention('She works at Hooli and at Globex')).toBeUndefined();
    expect(orgMention('ban jane@example.com')).toBeUndefined();
  });

  it('names people by capitals, never the organization', () => {
    expect(personNames('Lee Wong left Stark Industries last week', 'Stark Industries')).toEqual(['Lee Wong']);
  });

  it('"there" and "him" borrow the organization and the person', () => {
    expect(parse('Lee Wong took over billing at Initech. Switch him to a billing member there.')).toEqual({
      kind: 'membership_set_role',
      users: [{ kind: 'name', value: 'Lee Wong' }],
      role: 'org:billing',
      org: { kind: 'name', value: 'Initech' },
    });
  });

  it('does not guess a person when two are named', () => {
    const intent = parse('Lee Wong and Chris Park argued. Demote him to a regular member.');
    expect(JSON.stringify(intent)).not.toMatch(/Lee Wong|Chris Park/);
  });
});

describe('entities borrowed from another sentence', () => {
  it('"that number" is the phone named before', () => {
    expect(parse('Fraud calls come from +447700900123. Please add that number to the blocklist.')).toEqual({
      kind: 'list_add',
      list: 'blocklist',
      identifiers: ['+447700900123'],
    });
  });

  it('"it" after unban is the user named before', () => {
    expect(parse('sam.taylor@globex.test paid the invoice. Please unban it.')).toMatchObject({
      kind: 'user_action',
      action: 'clerk_user_unban',
      targets: [{ kind: 'email', value: 'sam.taylor@globex.test' }],
    });
  });

  it('"its" is the JWT template named before', () => {
    expect(parse('The hasura template tokens expire too soon. Set its lifetime to 10 minutes.')).toMatchObject({
      kind: 'named_update',
      resource: 'jwt',
      ref: { value: 'hasura' },
      fields: { lifetime: 600 },
    });
  });
});

describe('shared resource nouns', () => {
  it('splits a delete and a create of two domains', () => {
    expect(sharedNoun('drop a.example.com and add b.example.com as satellite domains')).toBe('domain');
    expect(parse('Drop docs.example.com, then add help.example.com as a satellite domain.')).toMatchObject({
      kind: 'sequence',
      steps: [
        { kind: 'named_delete', refs: [{ value: 'docs.example.com' }] },
        { kind: 'named_create', fields: { name: 'help.example.com' } },
      ],
    });
  });
});

describe('device words', () => {
  it('reads devices, browsers and places but not the ones to keep', () => {
    expect(
      deviceWords('his Android phone in Berlin was stolen, leave the Windows sessions alone').map((w) => w.word),
    ).toEqual(['Android', 'phone', 'in Berlin']);
  });

  it('a session kill without a described user is not a device revoke', () => {
    expect(parse('kill that session')).not.toMatchObject({ kind: 'session_revoke_device' });
  });
});

describe('mistyped invitations', () => {
  it('the address called right is the new one', () => {
    expect(
      parse('Our Initech invitation to lee@initec.test has a typo, the correct email is lee@initech.test. Replace it.'),
    ).toEqual({
      kind: 'reinvite',
      oldEmail: 'lee@initec.test',
      newEmail: 'lee@initech.test',
      org: { kind: 'name', value: 'Initech' },
    });
  });
});

describe('names and verbs', () => {
  it('keeps the capitalised name of a fragment', () => {
    expect(preferFullName("Lee Wong's login for")).toBe('Lee Wong');
    expect(preferFullName('jane doe')).toBe('jane doe');
  });

  it('maps delete synonyms', () => {
    expect(canonicalVerb('get rid of the hasura template')).toBe('delete the hasura template');
    expect(canonicalVerb('decommission blog.example.com')).toBe('delete blog.example.com');
    expect(canonicalVerb('kill that session')).toBe('kill that session');
  });
});
