import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterScenarios, loadScenarios, parseScenario, ScenarioError } from '../../evals/src/load.js';

const good = `
id: users.ban.example
title: Ban a user
purpose: test
tier: single
resources: [users]
user: { opening: "Ban jane@example.com" }
expect:
  reference_actions:
    - { action: clerk_user_ban, args: { user_id: "\${user:jane@example.com}" } }
  reply_must_include: ["banned"]
  reference_reply: "Jane is banned."
`;

describe('scenario files', () => {
  it('parses a valid scenario and applies defaults', () => {
    const s = parseScenario(good, 'x.yaml');
    expect(s.approver.default).toBe('no');
    expect(s.limits.max_steps).toBe(12);
    expect(s.fixture.seed).toBe('demo');
    expect(s.expect.reference_actions[0]!.args.user_id).toBe('${user:jane@example.com}');
  });

  it('names the file and the field path of a bad value', () => {
    const bad = good.replace('tier: single', 'tier: easy');
    expect(() => parseScenario(bad, 'evals/scenarios/x.yaml')).toThrow(/evals\/scenarios\/x\.yaml: tier: /);
    const badNested = good.replace('clerk_user_ban', 'ban_user');
    expect(() => parseScenario(badNested, 'f.yaml')).toThrow(
      /f\.yaml: expect\.reference_actions\[0\]\.action: must be an action name/,
    );
  });

  it('rejects unknown fields (typos) and invalid regexes', () => {
    expect(() => parseScenario(good + 'extra_field: 1\n', 'f.yaml')).toThrow(/f\.yaml: .*extra_field/);
    expect(() => parseScenario(good.replace('["banned"]', '["(unclosed"]'), 'f.yaml')).toThrow(
      /reply_must_include\[0\]: not a valid regular expression/,
    );
  });

  it('reports invalid YAML with the line', () => {
    expect(() => parseScenario('id: [unclosed', 'f.yaml')).toThrow(/f\.yaml \(line \d+\): invalid YAML/);
  });

  it('lints the reference reply against the reply checks', () => {
    expect(() => parseScenario(good.replace('"Jane is banned."', '"Done."'), 'f.yaml')).toThrow(
      /f\.yaml: expect\.reply_must_include\[0\]: the reference_question \+ reference_reply do not match/,
    );
  });

  it('loads a folder, rejects duplicate ids, and filters by tier, glob and regex', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scen-'));
    mkdirSync(path.join(dir, 'users'));
    writeFileSync(path.join(dir, 'users', 'a.yaml'), good);
    writeFileSync(path.join(dir, '_payloads.yaml'), 'not: a scenario');
    const all = loadScenarios(dir);
    expect(all.map((s) => s.scenario.id)).toEqual(['users.ban.example']);
    expect(filterScenarios(all, 'single')).toHaveLength(1);
    expect(filterScenarios(all, 'users.*')).toHaveLength(1);
    expect(filterScenarios(all, '/ban/')).toHaveLength(1);
    expect(filterScenarios(all, 'deny')).toHaveLength(0);
    writeFileSync(path.join(dir, 'users', 'b.yaml'), good);
    expect(() => loadScenarios(dir)).toThrow(ScenarioError);
    expect(() => loadScenarios(dir)).toThrow(/id: "users.ban.example" is already used by/);
  });
});
