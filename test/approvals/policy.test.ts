/** The policy file: validation errors name line and field; defaults keep the single-user terminal behaviour. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPolicy, matches, policyProblems, selfApprovalAllowed } from '../../src/approvals/policy.js';
import { parsePolicyText, PolicyError } from '../../src/approvals/policy-file.js';
import { loadStateKey, sign, verify } from '../../src/approvals/signing.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { alice, bob, carol, tempDir, terminal } from './support.js';

const TEAM = `# two approvers, four-eyes on destructive
users:
  alice: { name: Alice, identities: ["slack:UALICE"] }
  bob:
    name: Bob
    identities: ["slack:UBOB", "terminal:bob"]
groups:
  approvers: { members: [alice, bob], slack_usergroups: [S0ADMINS] }
request: ["*"]
approve:
  write: ["group:approvers"]
  destructive: ["group:approvers"]
approvals: { write: 1, destructive: 2 }
self_approval: { write: true, destructive: false }
expiry: 8h
`;

describe('policy file', () => {
  it('parses a team policy', async () => {
    const policy = buildPolicy(parsePolicyText(TEAM), { live: false });
    expect(policy.approvals).toEqual({ write: 1, destructive: 2 });
    expect(policy.expiryMs).toBe(8 * 3_600_000);
    expect(await matches(policy, alice, policy.approve.destructive)).toBe(true);
    expect(await matches(policy, { via: 'terminal', id: 'bob', name: 'bob' }, policy.approve.write)).toBe(true);
    expect(await matches(policy, carol, policy.approve.write)).toBe(false);
    // A Slack user group, resolved by the Slack front end.
    const groupsOf = async (who: typeof carol) => (who.id === 'UCAROL' ? ['S0ADMINS'] : []);
    expect(await matches(policy, carol, policy.approve.write, groupsOf)).toBe(true);
    expect(selfApprovalAllowed(policy, 'destructive', alice)).toBe(false);
    expect(policyProblems(policy)).toEqual([]);
  });

  it('errors name the line and the field', () => {
    const bad = TEAM.replace('destructive: 2 }', 'destructive: two }');
    expect(() => parsePolicyText(bad)).toThrow(/clerk-agent\.policy\.yaml:13: approvals\.destructive: /);
    expect(() => parsePolicyText('approve:\n  write: [a]\n  destrutive: [b]\n')).toThrow(
      /:3: approve\.destrutive: unknown field/,
    );
    expect(() => parsePolicyText('users:\n  x:\n    identities: ["alice"]\n')).toThrow(
      /:3: users\.x\.identities\.0: expected via:id/,
    );
    expect(() => parsePolicyText('a: [\n')).toThrow(/not valid YAML/);
    expect(() => parsePolicyText('expiry: soon\n')).toThrow(/:1: expiry: expected a duration/);
    expect(new PolicyError('x')).toBeInstanceOf(ConfigError);
  });

  it('defaults: terminal approves; self-approval for write and the terminal user; four-eyes for others on destructive', async () => {
    const policy = buildPolicy(undefined, { live: false });
    expect(await matches(policy, terminal, policy.approve.destructive)).toBe(true);
    expect(await matches(policy, alice, policy.approve.write)).toBe(false);
    expect(await matches(policy, alice, policy.request)).toBe(true);
    expect(selfApprovalAllowed(policy, 'write', alice)).toBe(true);
    expect(selfApprovalAllowed(policy, 'destructive', terminal)).toBe(true);
    expect(selfApprovalAllowed(policy, 'destructive', alice)).toBe(false);
    expect(policy.expiryMs).toBe(24 * 3_600_000);
    const live = buildPolicy(undefined, { live: true });
    expect(selfApprovalAllowed(live, 'destructive', terminal)).toBe(false);
    expect(selfApprovalAllowed(live, 'write', terminal)).toBe(true);
  });

  it('problems: undefined references and tiers that need more approvers than named', () => {
    const policy = buildPolicy(
      parsePolicyText(
        'approve:\n  write: [alice, "group:ops"]\n  destructive: ["slack:U1"]\napprovals: { destructive: 2 }\n',
      ),
      { live: false },
    );
    expect(policyProblems(policy)).toEqual([
      'approve.write: user "alice" is not defined under users',
      'approve.write: group "ops" is not defined under groups',
      'approvals.destructive: needs 2 approvals but approve.destructive names only 1',
    ]);
    void bob;
  });
});

describe('state key and signatures', () => {
  it('creates the key once with mode 0600 and reuses it; records signed with it verify, edits do not', async () => {
    const dataDir = tempDir();
    const [a, b] = await Promise.all([loadStateKey(dataDir), loadStateKey(dataDir)]);
    expect(a.equals(b)).toBe(true);
    expect(statSync(path.join(dataDir, 'state.key')).mode & 0o777).toBe(0o600);
    const record = sign(a, { id: 'x', n: 1, nested: { b: 2, a: 1 }, sig: '' });
    expect(verify(a, record)).toBe(true);
    expect(verify(a, { ...record, n: 2 })).toBe(false);
    expect(verify(Buffer.from('k'.repeat(32)), record)).toBe(false);
    expect(verify(a, { ...record, sig: undefined })).toBe(false);
    const configured = await loadStateKey(tempDir(), 'x'.repeat(40));
    expect(configured.equals(Buffer.from('x'.repeat(40)))).toBe(true);
  });

  it('config: a short state key or a non-Postgres URL is refused without echoing it', () => {
    expect(() => loadConfig({ CLERK_AGENT_STATE_KEY: 'short-secret' })).toThrow(/at least 32 characters/);
    try {
      loadConfig({ CLERK_AGENT_DATABASE_URL: 'mysql://user:hunter2@db/x' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/must be a Postgres URL/);
      expect((error as Error).message).not.toContain('hunter2');
    }
    const config = loadConfig({
      CLERK_AGENT_POLICY: 'team.yaml',
      CLERK_AGENT_DATABASE_URL: 'postgres://u:p@127.0.0.1/db',
    });
    expect(config).toMatchObject({ policyFile: 'team.yaml', databaseUrl: 'postgres://u:p@127.0.0.1/db' });
  });
});

describe('the README example', () => {
  it('parses, has no problems, and means what the README says', async () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const yaml = /```yaml\n(# clerk-agent\.policy\.yaml\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(yaml).toBeDefined();
    const policy = buildPolicy(parsePolicyText(yaml!), { live: false });
    expect(policyProblems(policy)).toEqual([]);
    const sam = { via: 'slack' as const, id: 'U03SAM', name: 'Sam' };
    const aliceSlack = { via: 'slack' as const, id: 'U01ALICE', name: 'Alice' };
    expect(await matches(policy, sam, policy.request, async () => ['S04SUPPORT'])).toBe(true);
    expect(await matches(policy, sam, policy.approve.write)).toBe(false);
    expect(await matches(policy, aliceSlack, policy.approve.destructive)).toBe(true);
    expect(policy.approvals.destructive).toBe(2);
    expect(selfApprovalAllowed(policy, 'destructive', aliceSlack)).toBe(false);
  });
});
