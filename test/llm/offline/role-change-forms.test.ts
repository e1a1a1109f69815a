/**
 * Round 4 causes in role changes: a direction word before a role ("knock X down to member", "bring X up to admin")
 * is a demotion / promotion; an organization said as an adjective of the role ("X -> hooli admin", "make X a Wayne
 * viewer"); a need said in the negative ("X no longer needs admin in Foo") asks for no role; a department after an
 * organization's name ("Initech Legal") is a team writing in, never the person a pronoun means.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { NOW } from './drive.js';

type Change = { kind: string; users?: Array<{ kind: string; value: string }>; role?: string; org?: { value: string } };

function change(text: string): Change {
  return parseRequest(text, NOW) as Change;
}

describe('role change forms', () => {
  it.each([
    // A direction before a role.
    ['knock ann@x.test down to a regular member in Initech', 'ann@x.test', 'org:member', 'Initech'],
    ['pls bring Dana Lee up to admin at Hooli', 'Dana Lee', 'org:admin', 'Hooli'],
    ['Could you take omar@x.test down to viewer in Wayne?', 'omar@x.test', 'org:viewer', 'Wayne'],
    ['step kim@x.test down to a basic member of Stark', 'kim@x.test', 'org:member', 'Stark'],
    ['drop Raj Patel down to viewer in Umbrella, thx', 'Raj Patel', 'org:viewer', 'Umbrella'],
    // The organization said as an adjective of the role.
    ['omar -> hooli admin', 'omar', 'org:admin', 'hooli'],
    ['make ann@x.test a Wayne viewer', 'ann@x.test', 'org:viewer', 'Wayne'],
    ['switch Dana Lee to Initech member please', 'Dana Lee', 'org:member', 'Initech'],
    ['promote kim@x.test to stark admin', 'kim@x.test', 'org:admin', 'stark'],
    ['set raj@x.test to an Umbrella viewer', 'raj@x.test', 'org:viewer', 'Umbrella'],
  ])('a direction before a role, or the organization as its adjective: %s', (text, who, role, org) => {
    const intent = change(text);
    expect(intent.kind).toBe('membership_set_role');
    expect(intent.users?.map((u) => u.value)).toEqual([who]);
    expect(intent.role).toBe(role);
    expect(intent.org?.value).toBe(org);
  });

  it.each([
    'make dave@x.test a regular member',
    'switch dave@x.test to a normal member',
    'make dave@x.test a billing admin',
  ])('a kind of member is no organization: %s', (text) => {
    expect(change(text).org).toBeUndefined();
  });

  it.each([
    'dana@x.test no longer needs admin in Hooli',
    'so ann@x.test no longer needs the billing role in Initech',
    'kim@x.test does not need the viewer role in Wayne',
    "omar@x.test doesn't need admin rights at Stark",
    'raj@x.test never needs the admin role in Umbrella',
  ])('a need said in the negative asks for no role change: %s', (text) => {
    expect(change(text).kind).not.toBe('membership_set_role');
  });

  it.each([
    ['Note from Initech Legal: Dana Lee is leaving. Please make her a viewer in Initech.', 'Dana Lee'],
    ['Hooli Support Desk here - Omar Haddad moved teams, so switch him to member in Hooli', 'Omar Haddad'],
    ['from Wayne Finance: Raj Patel took over payroll, pls make him billing in Wayne', 'Raj Patel'],
  ])('a department writing in is not the person: %s', (text, who) => {
    const intent = change(text);
    expect(intent.kind).toBe('membership_set_role');
    expect(intent.users?.map((u) => u.value)).toEqual([who]);
  });
});
