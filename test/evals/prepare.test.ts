import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/actions/registry.js';
import { parseScenario } from '../../evals/src/load.js';
import { prepareScenario } from '../../evals/src/prepare.js';

const registry = createRegistry();
const base = (body: string) => `
id: t.prep
title: t
purpose: p
tier: single
resources: [users]
user: { opening: "go" }
${body}`;

async function prepare(yaml: string) {
  return prepareScenario(
    { scenario: parseScenario(yaml, 'evals/scenarios/t.yaml'), file: 'evals/scenarios/t.yaml', source: yaml },
    registry,
  );
}

describe('preparing scenarios', () => {
  it('resolves references and derives the target from the reference actions', async () => {
    const p = await prepare(
      base(`expect:
  reference_actions: [{ action: clerk_user_ban, args: { user_id: "\${user:jane@example.com}" } }]
  reference_reply: "ok"`),
    );
    expect(p.scenario.expect.reference_actions[0]!.args.user_id).toMatch(/^user_\w+$/);
    expect(p.needsChange).toBe(true);
    expect(p.approverRules).toEqual([{ match: p.scenario.expect.reference_actions[0], answer: 'yes' }]);
  });

  it('names the file and the reference that does not resolve', async () => {
    await expect(
      prepare(
        base(`expect:
  reference_reply: "ok"
  forbidden_calls: [{ action: clerk_user_ban, args: { user_id: "\${user:nobody@nowhere.test}" } }]`),
      ),
    ).rejects.toThrow(
      /evals\/scenarios\/t\.yaml: \$\{user:nobody@nowhere\.test\} does not resolve: no user with email or username "nobody@nowhere\.test" in the fixture/,
    );
  });

  it('names a reference action that fails on the fixture, and unknown action names', async () => {
    await expect(
      prepare(
        base(`expect:
  reference_reply: "ok"
  reference_actions: [{ action: clerk_user_ban, args: { user_id: "user_missing000000000000000000" } }]`),
      ),
    ).rejects.toThrow(/t\.yaml: expect\.reference_actions\[0\]: clerk_user_ban failed on the fixture/);
    await expect(
      prepare(
        base(`expect:
  reference_reply: "ok"
  approvals: [{ action: clerk_user_vaporize, args: {} }]`),
      ),
    ).rejects.toThrow(/t\.yaml: expect\.approvals\[0\]\.action: unknown action "clerk_user_vaporize"/);
  });

  it('checks explicit state checks against the target', async () => {
    await expect(
      prepare(
        base(`expect:
  reference_reply: "ok"
  checks: [{ get: "/users/\${user:jane@example.com}", expect: { banned: true } }]`),
      ),
    ).rejects.toThrow(
      /t\.yaml: expect\.checks\[0\]: does not hold after the reference actions: nothing matches \{"banned":true\}/,
    );
  });
});
