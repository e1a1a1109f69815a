/**
 * Turns a loaded scenario into something a trial can run and a grader can judge: the fixture state (demo seed +
 * setup steps applied through the API, cached per fixture), all `${…}` references resolved to ids, and the target
 * state derived by replaying the reference actions on a fresh copy of the fixture (τ² style).
 */
import { createClerkClient } from '../../src/clerk/client.js';
import type { ClerkClient } from '../../src/clerk/types.js';
import { createSandbox } from '../../src/sandbox/index.js';
import type { Sandbox, SandboxState } from '../../src/sandbox/types.js';
import { evaluateCheck } from './checks.js';
import type { ActionLookup } from './mutation-approvals.js';
import { lintScenario, ScenarioError, type LoadedScenario } from './load.js';
import { callMatches, canonicalJson } from './match.js';
import { resolveAll } from './refs.js';
import type { ApproverRule, CallPattern, ForbiddenPattern, Scenario, SetupStep } from './schema.js';
import { collectIds, normalizeState } from './state-normalize.js';

/** The fixed clock every eval sandbox runs on (deterministic timestamps, replayable cassettes). */
export const FIXED_NOW = Date.parse('2026-11-20T10:00:00.000Z');

/** A scenario ready to run. */
export interface PreparedScenario {
  loaded: LoadedScenario;
  /** The scenario with every reference resolved (fixture.setup is kept as written). */
  scenario: Scenario;
  fixture: SandboxState;
  knownIds: Set<string>;
  /** Normalized target state. */
  target: Record<string, unknown>;
  /** True when the target differs from the fixture (the task needs a change). */
  needsChange: boolean;
  expectedApprovals: Array<CallPattern & { times: number; max_times?: number | undefined; turn?: number | undefined }>;
  /** forbidden_calls plus the injection's attacker calls. */
  forbidden: ForbiddenPattern[];
  /** The approver's rules: the explicit ones, then (unless turned off) yes to each reference action. */
  approverRules: ApproverRule[];
}

const noSleep = async () => {};

/** A sandbox on the fixed clock, started from a copy of `seed`. */
export function freshSandbox(seed: SandboxState | 'demo' | 'empty'): Sandbox {
  return createSandbox({ seed: typeof seed === 'string' ? seed : structuredClone(seed), now: () => FIXED_NOW });
}

/** A Clerk client straight onto a sandbox (no logging), for harness work. */
export function harnessClient(sandbox: Sandbox, fetchImpl?: typeof fetch): ClerkClient {
  return createClerkClient({
    secretKey: sandbox.secretKey,
    baseUrl: sandbox.baseUrl,
    fetch: fetchImpl ?? (sandbox.fetch.bind(sandbox) as typeof fetch),
    sleep: noSleep,
    maxReadAttempts: 1,
  });
}

const fixtureCache = new Map<string, Promise<SandboxState>>();

/** The fixture state for a scenario's `fixture` block (cached by content). */
export function buildFixture(spec: Scenario['fixture'], actions: ActionLookup, where: string): Promise<SandboxState> {
  const key = canonicalJson(spec);
  let hit = fixtureCache.get(key);
  if (!hit) {
    hit = buildFixtureUncached(spec, actions, where);
    fixtureCache.set(key, hit);
    hit.catch(() => fixtureCache.delete(key));
  }
  return hit;
}

async function buildFixtureUncached(
  spec: Scenario['fixture'],
  actions: ActionLookup,
  where: string,
): Promise<SandboxState> {
  const sandbox = freshSandbox(spec.seed);
  const client = harnessClient(sandbox);
  const table = new Map<string, string>();
  for (const [i, raw] of spec.setup.entries()) {
    const field = `${where}: fixture.setup[${i}]`;
    const step = await resolveAll(raw, sandbox, field, table);
    await applyStep(step, sandbox, client, actions, field);
  }
  const state = sandbox.snapshot();
  await sandbox.close();
  return state;
}

async function applyStep(
  step: SetupStep,
  sandbox: Sandbox,
  client: ClerkClient,
  actions: ActionLookup,
  field: string,
): Promise<void> {
  if ('action' in step) {
    await executeAction(client, actions, step.action, step.args, field);
  } else if ('request' in step) {
    const { method, path, body } = step.request;
    const res = await sandbox.fetch(sandbox.baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${sandbox.secretKey}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok)
      throw new ScenarioError(
        `${field}: ${method} ${path} failed with ${res.status}: ${(await res.text()).slice(0, 300)}`,
      );
  } else {
    const g = step.generate_users;
    for (let n = 1; n <= g.count; n++) {
      const num = String(n).padStart(4, '0');
      const fill = (s: string) => s.replaceAll('{n}', num);
      const body = {
        email_address: [fill(g.email)],
        first_name: fill(g.first_name),
        last_name: fill(g.last_name),
        skip_password_requirement: true,
        ...(g.overrides[String(n)] ?? {}),
      };
      const res = await sandbox.fetch(sandbox.baseUrl + '/users', {
        method: 'POST',
        headers: { authorization: `Bearer ${sandbox.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok)
        throw new ScenarioError(
          `${field}: generate_users #${n} failed with ${res.status}: ${(await res.text()).slice(0, 300)}`,
        );
    }
  }
}

/** Validate args against the action's schema and execute it; errors name the field. */
export async function executeAction(
  client: ClerkClient,
  actions: ActionLookup,
  name: string,
  args: Record<string, unknown>,
  field: string,
): Promise<unknown> {
  const action = actions.get(name);
  if (!action) throw new ScenarioError(`${field}: unknown action "${name}"`);
  const parsed = action.params.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ScenarioError(`${field}: args.${issue.path.join('.')}: ${issue.message}`);
  }
  try {
    return await client.execute(action, parsed.data as Record<string, unknown>);
  } catch (err) {
    throw new ScenarioError(`${field}: ${name} failed on the fixture: ${(err as Error).message}`);
  }
}

function checkActionNames(s: Scenario, actions: ActionLookup, file: string): void {
  const problems: string[] = [];
  const check = (name: string | undefined, field: string) => {
    if (name !== undefined && !actions.get(name)) problems.push(`${file}: ${field}: unknown action "${name}"`);
  };
  s.expect.reference_actions.forEach((c, i) => check(c.action, `expect.reference_actions[${i}].action`));
  s.expect.approvals?.forEach((c, i) => check(c.action, `expect.approvals[${i}].action`));
  s.expect.required_calls.forEach((c, i) => check(c.action, `expect.required_calls[${i}].action`));
  s.expect.forbidden_calls.forEach((c, i) => check(c.action, `expect.forbidden_calls[${i}].action`));
  s.expect.injection?.attacker_calls.forEach((c, i) => check(c.action, `expect.injection.attacker_calls[${i}].action`));
  s.approver.rules.forEach((r, i) => check(r.match.action, `approver.rules[${i}].match.action`));
  if (problems.length) throw new ScenarioError(problems.join('\n'));
}

/** Prepare one scenario. Throws ScenarioError when the fixture, a reference or a reference action is wrong. */
export async function prepareScenario(loaded: LoadedScenario, actions: ActionLookup): Promise<PreparedScenario> {
  const { file } = loaded;
  checkActionNames(loaded.scenario, actions, file);
  const fixture = await buildFixture(loaded.scenario.fixture, actions, file);

  const refSandbox = freshSandbox(fixture);
  const { fixture: fixtureSpec, ...rest } = loaded.scenario;
  let resolvedRest: typeof rest;
  try {
    resolvedRest = await resolveAll(rest, refSandbox, file);
  } catch (err) {
    throw new ScenarioError((err as Error).message);
  }
  const scenario: Scenario = { ...resolvedRest, fixture: fixtureSpec };
  await refSandbox.close();
  const lint = lintScenario(scenario);
  if (lint.length) throw new ScenarioError(lint.map((l) => `${file}: ${l}`).join('\n'));

  const knownIds = collectIds(fixture);
  const ignore = scenario.expect.state.ignore_fields;
  const targetSandbox = freshSandbox(fixture);
  const client = harnessClient(targetSandbox);
  for (const [i, call] of scenario.expect.reference_actions.entries()) {
    await executeAction(client, actions, call.action, call.args, `${file}: expect.reference_actions[${i}]`);
  }
  for (const [i, check] of scenario.expect.checks.entries()) {
    const problem = await evaluateCheck(targetSandbox, check);
    if (problem)
      throw new ScenarioError(`${file}: expect.checks[${i}]: does not hold after the reference actions: ${problem}`);
  }
  const target = normalizeState(targetSandbox.snapshot(), knownIds, ignore);
  await targetSandbox.close();
  const initial = normalizeState(fixture, knownIds, ignore);

  const attacker: ForbiddenPattern[] = (scenario.expect.injection?.attacker_calls ?? []).map((c) => ({
    ...c,
    why: `injection goal (${scenario.expect.injection!.vector})`,
  }));
  return {
    loaded,
    scenario,
    fixture,
    knownIds,
    target,
    needsChange: canonicalJson(target) !== canonicalJson(initial),
    expectedApprovals: scenario.expect.approvals ?? scenario.expect.reference_actions.map((c) => ({ ...c, times: 1 })),
    forbidden: [...scenario.expect.forbidden_calls, ...attacker],
    approverRules: [
      ...scenario.approver.rules,
      // The looser expected-approval pattern wins over the full reference call, so an equivalent call is approved
      // and the state grader judges the outcome.
      ...(scenario.approver.approve_reference
        ? scenario.expect.reference_actions.map((ref) => {
            const loose = scenario.expect.approvals?.find((a) => callMatches(a, ref));
            return { match: loose ? { action: loose.action, args: loose.args } : ref, answer: 'yes' as const };
          })
        : []),
    ],
  };
}
