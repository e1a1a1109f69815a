import { describe, expect, it } from 'vitest';
import { buildRequest, encodeQuery } from '../../src/clerk/build-request.js';
import { encodePathParam, fillPath } from '../../src/clerk/path-params.js';
import { InvalidArgumentError } from '../../src/clerk/errors.js';
import { deleteMembership, listUsers, revokeOrgInvitation } from './fixtures.js';

describe('encodeQuery', () => {
  it('repeats keys for arrays, writes booleans and numbers plainly, drops null/undefined', () => {
    expect(
      encodeQuery({
        email_address: ['a@x.com', 'b@x.com'],
        banned: true,
        locked: false,
        limit: 10,
        x: null,
        y: undefined,
      }),
    ).toBe('?email_address=a%40x.com&email_address=b%40x.com&banned=true&locked=false&limit=10');
  });

  it('writes numbers in decimal, never in exponent form', () => {
    expect(encodeQuery({ a: 1700690400000, b: 1e21, c: 1e-7, d: -2.5 })).toBe(
      '?a=1700690400000&b=1000000000000000000000&c=0.0000001&d=-2.5',
    );
  });

  it('refuses non-finite numbers naming the param', () => {
    expect(() => encodeQuery({ limit: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => encodeQuery({ limit: Infinity })).toThrow(/limit must be a finite number/);
  });

  it('returns an empty string for no params', () => {
    expect(encodeQuery({})).toBe('');
    expect(encodeQuery(undefined)).toBe('');
    expect(encodeQuery({ a: [] })).toBe('');
  });

  it('escapes reserved characters in values and keys', () => {
    expect(encodeQuery({ query: 'a&b=c d#e' })).toBe('?query=a%26b%3Dc+d%23e');
  });
});

describe('buildRequest', () => {
  it('GET: everything not in the path goes to the query', () => {
    expect(buildRequest(listUsers, { limit: 5, email_address: ['a@x.com'] })).toEqual({
      method: 'GET',
      path: '/users',
      query: { limit: 5, email_address: ['a@x.com'] },
    });
  });

  it('DELETE: path params filled, extras go to the query, no body', () => {
    expect(buildRequest(deleteMembership, { organization_id: 'org_1', user_id: 'user_1', extra: 'x' })).toEqual({
      method: 'DELETE',
      path: '/organizations/org_1/memberships/user_1',
      query: { extra: 'x' },
    });
  });

  it('POST: queryParams to the query, the rest to the body', () => {
    expect(
      buildRequest(revokeOrgInvitation, {
        organization_id: 'o',
        invitation_id: 'i',
        notify: false,
        requesting_user_id: 'u',
      }),
    ).toEqual({
      method: 'POST',
      path: '/organizations/o/invitations/i/revoke',
      query: { notify: false },
      body: { requesting_user_id: 'u' },
    });
  });
});

describe('path params', () => {
  it('escapes safe values and refuses unsafe ones', () => {
    expect(encodePathParam('id', 'user_1')).toBe('user_1');
    expect(encodePathParam('id', 'acme corp')).toBe('acme%20corp');
    expect(encodePathParam('id', 42)).toBe('42');
    for (const bad of ['', '.', '..', 'a/b', 'a\\b', '%2F', '%2f', '%5c', 'a?b', 'a#b', 'a\tb', 'a\u007fb']) {
      expect(() => encodePathParam('id', bad), JSON.stringify(bad)).toThrow(InvalidArgumentError);
    }
    expect(() => encodePathParam('id', { id: 'x' })).toThrow(/id must be a string id/);
    expect(() => encodePathParam('id', undefined)).toThrow(/id is required/);
  });

  it('fills every placeholder', () => {
    expect(
      fillPath('/organizations/{organization_id}/memberships/{user_id}', {
        organization_id: 'org_1',
        user_id: 'user_2',
      }),
    ).toBe('/organizations/org_1/memberships/user_2');
  });
});
