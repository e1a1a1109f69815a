/**
 * Users and resources referred to by description rather than by name (issue 15): role holders in any wording,
 * recency, external id, a pronoun whose antecedent is a description or a first name, answers with asides, names
 * typed with filler. Phrasings here are invented; the gated changes are checked against what the sandbox holds,
 * and a description that matches nobody must never lead to a change.
 */
import { describe, expect, it } from 'vitest';
import { describedRef, descriptionIn } from '../../../src/llm/offline/described.js';
import { cleanName } from '../../../src/llm/offline/refs.js';
import { matchAnswer } from '../../../src/llm/offline/resolve.js';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { createStack, NOW, type Stack } from './drive.js';

async function api<T>(stack: Stack, path: string): Promise<T> {
  const base = stack.sandbox.baseUrl.replace(/\/v1\/?$/, '');
  const res = await stack.sandbox.fetch(`${base}/v1${path}`, {
    headers: { authorization: `Bearer ${stack.sandbox.secretKey}` },
  });
  return (await res.json()) as T;
}

type Member = { role: string; public_user_data: { user_id: string } };
async function holders(stack: Stack, slug: string, role: string): Promise<string[]> {
  const org = await api<{ id: string }>(stack, `/organizations/${slug}`);
  const page = await api<{ data: Member[] }>(stack, `/organizations/${org.id}/memberships?limit=100`);
  return page.data
    .filter((m) => m.role === role)
    .map((m) => m.public_user_data.user_id)
    .sort();
}

describe('describedRef', () => {
  it.each([
    ['anyone who holds the admin role at Umbrella', { kind: 'role', value: 'org:admin', org: 'Umbrella' }],
    [
      'the sole user with billing access in wayne corp',
      { kind: 'role', value: 'org:billing', org: 'wayne corp', one: true },
    ],
    ['each member that currently has the viewer role', { kind: 'role', value: 'org:viewer' }],
    ['the person who has the admin role in their company', { kind: 'role', value: 'org:admin', one: true }],
    ['whoever is the billing manager of Initech', { kind: 'role', value: 'org:billing', org: 'Initech' }],
    ['all the regular members of Hooli', { kind: 'role', value: 'org:member', org: 'Hooli' }],
    ['each plain member', { kind: 'role', value: 'org:member' }],
    ['our most recent registration', { kind: 'newest', value: 'user' }],
    ['the newest account', { kind: 'newest', value: 'user' }],
    ['whoever signed up most recently', { kind: 'newest', value: 'user' }],
    ['the account with external id acct_991', { kind: 'external', value: 'acct_991' }],
    ['the customer whose external ID is erp-7', { kind: 'external', value: 'erp-7' }],
    ['the only admin of umbrella', { kind: 'role', value: 'org:admin', org: 'umbrella', one: true }],
    ["wayne's sole billing person", { kind: 'role', value: 'org:billing', org: 'wayne', one: true }],
    ['the user with admin in Umbrella', { kind: 'role', value: 'org:admin', org: 'Umbrella', one: true }],
    ['the first user to sign up', { kind: 'newest', value: 'oldest' }],
    ['the last person to register', { kind: 'newest', value: 'user' }],
  ])('%s', (chunk, ref) => {
    expect(describedRef(chunk)).toEqual(ref);
  });

  it.each([
    'Dana Scully',
    'the Acme org',
    'the user whose external id is that',
    'my account',
    'the admin role',
    'the members of the team',
  ])('is not a description: %s', (chunk) => {
    expect(describedRef(chunk)).toBeUndefined();
  });
});

describe('descriptionIn', () => {
  it.each([
    ['the newest sign-up is obviously a spam bot', '', 'the newest sign-up'],
    [
      'honestly whoever holds the viewer role in Hooli has been abusing it',
      '',
      'whoever holds the viewer role in Hooli',
    ],
    [
      'look up the user whose external id is that',
      'ticket mentions record erp-4410 today',
      'the user whose external id is erp-4410',
    ],
  ])('%s', (clause, context, found) => {
    expect(descriptionIn(clause, context)).toBe(found);
  });

  it('takes no identifier when the message gives several', () => {
    expect(descriptionIn('ban the user whose external id is that', 'records erp-1 and erp-2')).toBeUndefined();
  });
});

describe('pronouns whose antecedent is a description or a first name', () => {
  it.each([
    [
      'whoever holds the billing role at Hooli – lock that user',
      'user_action',
      // ("that user" is one person: several holders are asked about.)
      { kind: 'role', value: 'org:billing', org: 'Hooli', one: true },
    ],
    ['the most recent signup is spam. please ban that one', 'user_action', { kind: 'newest', value: 'user' }],
    ['Ravi is leaving Umbrella today. Please lock his account', 'user_action', { kind: 'name', value: 'Ravi' }],
  ])('%s', (text, kind, target) => {
    const intent = parseRequest(text, NOW);
    expect(intent.kind).toBe(kind);
    expect(intent.kind === 'user_action' ? intent.targets : []).toEqual([target]);
  });

  it.each([
    ['Omar Haddad joined on Monday. how long ago did he last sign in?', { kind: 'name', value: 'Omar Haddad' }],
    ['kim@corp.test is new here. when did she last log in?', { kind: 'email', value: 'kim@corp.test' }],
  ])('a subject pronoun after an auxiliary means the person named before: %s', (text, user) => {
    expect(parseRequest(text, NOW)).toMatchObject({ kind: 'user_when', user });
  });

  it.each([
    'for the audit: which orgs does kim@corp.test belong to, and what role in each?',
    'which teams is kim@corp.test in and with which role',
    'kim@corp.test is on the audit list. what role does she hold in each of her organizations?',
  ])('the organizations of a user and the role in each: %s', (text) => {
    expect(parseRequest(text, NOW)).toEqual({
      kind: 'roles_every_org',
      user: { kind: 'email', value: 'kim@corp.test' },
    });
  });

  it('"her login" is the user named in the other clause', () => {
    const intent = parseRequest('sign kim@corp.test out and lock her login', NOW);
    expect(intent).toMatchObject({
      kind: 'sequence',
      steps: [{ kind: 'sign_out' }, { kind: 'user_action', targets: [{ kind: 'email', value: 'kim@corp.test' }] }],
    });
  });

  it('an invitation "she sent" is the one the named person sent', () => {
    expect(parseRequest('Mira sent an invite by accident. cancel the invitation she sent', NOW)).toEqual({
      kind: 'invitation_by_inviter',
      inviter: { kind: 'name', value: 'Mira' },
    });
  });

  it('a capitalised word used as an organization is not a person', () => {
    const intent = parseRequest('Umbrella is cutting costs. Remove every plain member of Umbrella', NOW);
    expect(intent).toMatchObject({ kind: 'membership_remove', users: [{ kind: 'role', value: 'org:member' }] });
  });
});

describe('resources named by one word', () => {
  it.each([
    [
      'please delete the blog domain, the site is gone',
      { kind: 'named_delete', resource: 'domain', refs: [{ kind: 'name', value: 'blog' }] },
    ],
    ['show our shop domain', { kind: 'named_get', resource: 'domain', ref: { kind: 'name', value: 'shop' } }],
  ])('%s', (text, intent) => {
    expect(parseRequest(text, NOW)).toEqual(intent);
  });

  it('a kind of domain is not a name', () => {
    expect(parseRequest('delete the primary domain', NOW)).not.toMatchObject({ refs: [{ value: 'primary' }] });
  });
});

describe('organization names as people type them', () => {
  it.each([
    ['please remove the wayne enterprises org completely, they moved off us', 'wayne enterprises'],
    ['delete the Pied Piper organization for good, the pilot has ended', 'Pied Piper'],
    ['delete the Bank of Toronto org', 'Bank of Toronto'],
  ])('%s', (text, org) => {
    expect(parseRequest(text, NOW)).toEqual({ kind: 'org_delete', orgs: [{ kind: 'name', value: org }] });
  });
});

describe('names and answers as people type them', () => {
  it.each([
    ['dana account pls', 'dana'],
    ["Dana Scully's login thx", 'Dana Scully'],
    ['mo profile please', 'mo'],
  ])('%s', (chunk, name) => {
    expect(cleanName(chunk)).toBe(name);
  });

  const people = [
    { id: 'u1', name: 'Ana Lima', email: 'ana@a.test' },
    { id: 'u2', name: 'Lima Costa', email: 'lc@b.test' },
  ];
  const keys = (p: (typeof people)[number]) => [p.id, p.name, p.email];
  it.each([
    ['oh sorry - Lima Costa, the one in support', 'u2'],
    ['Ana Lima (the new one)', 'u1'],
    ['my bad: ana@a.test; she works nights', 'u1'],
  ])('%s', (answer, id) => {
    expect(matchAnswer(answer, people, keys)?.id).toBe(id);
  });

  it('does not read an aside as "the first one", nor pick when the parts disagree', () => {
    expect(matchAnswer('sorry, the one on nights', people, keys)).toBeUndefined();
    expect(matchAnswer('Ana Lima, no wait, Lima Costa', people, keys)).toBeUndefined();
  });
});

describe('described references through the real agent loop', () => {
  it('locks the newest user, read by created_at', async () => {
    const stack = createStack();
    const turn = await stack.say('the most recent registration looks fake, lock that one');
    const newest = await api<Array<{ id: string }>>(stack, '/users?order_by=-created_at&limit=1');
    expect(turn.pending.map((p) => [p.action, p.args.user_id])).toEqual([['clerk_user_lock', newest[0]!.id]]);
    await stack.cancel(turn);
  });

  it('locks the oldest user, read by created_at ascending', async () => {
    const stack = createStack();
    const turn = await stack.say('our oldest account was compromised. lock it');
    const oldest = await api<Array<{ id: string }>>(stack, '/users?order_by=%2Bcreated_at&limit=1');
    expect(turn.pending.map((p) => [p.action, p.args.user_id])).toEqual([['clerk_user_lock', oldest[0]!.id]]);
    await stack.cancel(turn);
  });

  it('bans the user with that external id, and nobody when none has it', async () => {
    const stack = createStack();
    const turn = await stack.say('ban the account whose external ID is crm-1042');
    const owner = await api<Array<{ id: string }>>(stack, '/users?external_id=crm-1042');
    expect(owner).toHaveLength(1);
    expect(turn.pending.map((p) => [p.action, p.args.user_id])).toEqual([['clerk_user_ban', owner[0]!.id]]);
    await stack.cancel(turn);
    const none = await createStack().say('ban the account whose external ID is zz-0000');
    expect(none.pending).toEqual([]);
    expect(none.text).toMatch(/zz-0000/);
  });

  it('changes the role of exactly the holders of the described role', async () => {
    const stack = createStack();
    const turn = await stack.say('every regular member of Initech should become a viewer');
    const members = await holders(stack, 'initech', 'org:member');
    expect(members.length).toBeGreaterThan(0);
    expect(turn.pending.every((p) => p.action === 'clerk_org_membership_update' && p.args.role === 'org:viewer')).toBe(
      true,
    );
    expect(turn.pending.map((p) => p.args.user_id as string).sort()).toEqual(members);
    await stack.cancel(turn);
  });

  it('finds the organization of "their organization" among the words of the request', async () => {
    const stack = createStack();
    const turn = await stack.say(
      'Hooli asked for this. Please grant admin access to the person holding the billing role in their organization.',
    );
    const billing = await holders(stack, 'hooli', 'org:billing');
    expect(billing).toHaveLength(1);
    expect(turn.pending.map((p) => [p.action, p.args.user_id, p.args.role])).toEqual([
      ['clerk_org_membership_update', billing[0], 'org:admin'],
    ]);
    await stack.cancel(turn);
  });

  it('revokes the newest pending invitation of the organization, and only it', async () => {
    const stack = createStack();
    const turn = await stack.say('within the acme organisation withdraw the newest open invitation');
    const org = await api<{ id: string }>(stack, '/organizations/acme');
    const page = await api<{ data: Array<{ id: string; status: string; created_at: number }> }>(
      stack,
      `/organizations/${org.id}/invitations?status=pending&limit=100`,
    );
    const newest = [...page.data].sort((a, b) => b.created_at - a.created_at)[0]!;
    expect(page.data.length).toBeGreaterThan(1);
    expect(turn.pending.map((p) => [p.action, p.args.invitation_id])).toEqual([
      ['clerk_org_invitation_revoke', newest.id],
    ]);
    await stack.cancel(turn);
  });

  it('asks which one for a first name with filler, then acts on the one named among asides', async () => {
    const stack = createStack();
    const question = await stack.say('lock chris account pls');
    expect(question.pending).toEqual([]);
    expect(question.text).toMatch(/Which one do you mean/);
    const turn = await stack.say('oops - Chris Park, the one in sales', question.outcome.state);
    const park = await api<Array<{ id: string }>>(stack, '/users?email_address=chris.park@acme.test');
    expect(turn.pending.map((p) => [p.action, p.args.user_id])).toEqual([['clerk_user_lock', park[0]!.id]]);
    await stack.cancel(turn);
  });

  it('finds a first name typed with a slip by its first letters, and acts when one user is that close', async () => {
    const stack = createStack();
    const turn = await stack.say('lock hanah');
    const hannah = await api<Array<{ id: string }>>(stack, '/users?email_address=hannah@acme.test');
    expect(turn.pending.map((p) => [p.action, p.args.user_id])).toEqual([['clerk_user_lock', hannah[0]!.id]]);
    await stack.cancel(turn);
  });

  it('reads a role change said with the old role and no apostrophe', async () => {
    const stack = createStack();
    const turn = await stack.say('update hannahs role in acme from member to billing');
    const hannah = await api<Array<{ id: string }>>(stack, '/users?email_address=hannah@acme.test');
    expect(turn.pending.map((p) => [p.action, p.args.user_id, p.args.role])).toEqual([
      ['clerk_org_membership_update', hannah[0]!.id, 'org:billing'],
    ]);
    await stack.cancel(turn);
  });

  it('narrows a shared first name by the organization said with it, never to a non-member', async () => {
    const stack = createStack();
    const evans = await api<Array<{ id: string }>>(stack, '/users?email_address=chris@globex.test');
    const park = await api<Array<{ id: string }>>(stack, '/users?email_address=chris.park@acme.test');
    const atGlobex = await stack.say('please lock chris at globex');
    expect(atGlobex.pending.map((p) => [p.action, p.args.user_id])).toEqual([['clerk_user_lock', evans[0]!.id]]);
    await stack.cancel(atGlobex);
    const out = await createStack().say('take chris out of the acme org');
    expect(out.pending.map((p) => [p.action, p.args.user_id])).toEqual([['clerk_org_membership_delete', park[0]!.id]]);
    // Neither Chris is in Umbrella: the qualifier narrows nothing and the question lists both.
    const neither = await createStack().say('lock Chris at Umbrella');
    expect(neither.pending).toEqual([]);
    expect(neither.text).toMatch(/Which one do you mean/);
  });

  it('revokes the oldest pending app invitation when asked for the earliest one', async () => {
    const stack = createStack();
    const turn = await stack.say('withdraw our earliest open app invite please');
    const page = await api<{ data: Array<{ id: string; status: string; created_at: number }> }>(
      stack,
      '/invitations?status=pending&limit=100',
    );
    const list = Array.isArray(page) ? (page as Array<{ id: string; created_at: number }>) : page.data;
    const oldest = [...list].sort((a, b) => a.created_at - b.created_at)[0]!;
    expect(list.length).toBeGreaterThan(1);
    expect(turn.pending.map((p) => [p.action, p.args.invitation_id])).toEqual([['clerk_invitation_revoke', oldest.id]]);
    await stack.cancel(turn);
  });

  it('asks which one when a singular description fits several holders, then acts on the one named', async () => {
    const stack = createStack();
    const admins = await holders(stack, 'globex', 'org:admin');
    expect(admins.length).toBeGreaterThan(1);
    const question = await stack.say('lock the person who holds the admin role at Globex');
    expect(question.pending).toEqual([]);
    expect(question.text).toMatch(/Which one do you mean/);
    const turn = await stack.say('the second one', question.outcome.state);
    expect(turn.pending).toHaveLength(1);
    expect(turn.pending[0]!.action).toBe('clerk_user_lock');
    expect(admins).toContain(turn.pending[0]!.args.user_id);
    await stack.cancel(turn);
    // Said in the plural, every holder is meant (one gated call each).
    const all = await createStack().say('lock the people who hold the admin role at Globex');
    expect(all.pending.map((p) => p.args.user_id as string).sort()).toEqual(admins);
  });
});
