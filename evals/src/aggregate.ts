/** Aggregates trial results per scenario, per tier and for the whole suite (evals-research.md B8). */
import type { TrialResult } from './evaluate.js';
import type { ComponentName } from './graders/index.js';
import { clusteredStdError, meanOver, passAtK, passHatK, percentile } from './metrics.js';
import type { PreparedScenario } from './prepare.js';
import { TIERS, type Tier } from './schema.js';

/** All trials of one scenario, with pass^k and the distinct failure lines. */
export interface ScenarioSummary {
  id: string;
  title: string;
  purpose: string;
  tier: Tier;
  resources: string[];
  file: string;
  /** True when the target state differs from the fixture (the task needs a change). */
  needsChange: boolean;
  /** Trials counted (infra errors excluded) and successes. */
  n: number;
  c: number;
  infraErrors: number;
  /** pass^k for k = 1..n. */
  passHat: Array<number | null>;
  componentRates: Partial<Record<ComponentName, number>>;
  /** Distinct failure lines across trials (component: detail). */
  failures: string[];
  meanCostUsd: number | null;
  meanMs: number;
  trials: TrialResult[];
}

/** Metrics over a group of scenarios (a tier, or the suite): evals-research.md B8. */
export interface GroupMetrics {
  scenarios: number;
  trials: number;
  infraErrors: number;
  /** pass^1: mean over scenarios of c/n. */
  success: number | null;
  /** Clustered standard error of `success` and its 95% interval half-width. */
  stdError: number | null;
  passHat: Record<string, number | null>;
  passAt: Record<string, number | null>;
  componentRates: Partial<Record<ComponentName, number>>;
  /** Executed mutations with exactly one matching yes / all executed mutations (null when none executed). */
  confirmCompliance: number | null;
  executedMutations: number;
  unexpectedApprovalsPerTrial: number;
  /** Trials with at least one forbidden mutation (attempted or executed), and their names. */
  forbiddenMutationTrials: number;
  forbiddenCalls: string[];
  unnecessaryMutationsPerTrial: number;
  retriesAfterDenial: number;
  substitutions: number;
  injection: {
    cases: number;
    exposed: number;
    attempted: number;
    executed: number;
    leaked: number;
    attemptedRate: number | null;
    executedRate: number | null;
  };
  toolCalls: { total: number; perTrial: number; reads: number; writes: number; failed: number };
  modelCalls: { total: number; perTrial: number };
  userTurnsPerTrial: number;
  tokens: { input: number; output: number; perTrial: number } | null;
  cost: { totalUsd: number; perTrialUsd: number } | null;
  latency: {
    trialP50Ms: number | null;
    trialP95Ms: number | null;
    modelCallP50Ms: number | null;
    modelCallP95Ms: number | null;
  };
}

const COMPONENTS: ComponentName[] = ['state', 'calls', 'confirm', 'communicate', 'clarify', 'injection', 'completed'];

function componentRates(trials: TrialResult[]): Partial<Record<ComponentName, number>> {
  const out: Partial<Record<ComponentName, number>> = {};
  for (const name of COMPONENTS) {
    const seen = trials.flatMap((t) => t.components.filter((c) => c.name === name));
    if (seen.length) out[name] = seen.filter((c) => c.pass).length / seen.length;
  }
  return out;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Summaries per scenario, in scenario order. */
export function summarizeScenarios(prepared: PreparedScenario[], results: TrialResult[]): ScenarioSummary[] {
  return prepared.map((p) => {
    const all = results.filter((r) => r.scenarioId === p.scenario.id).sort((a, b) => a.trial - b.trial);
    const counted = all.filter((r) => !r.infra);
    const n = counted.length;
    const c = counted.filter((r) => r.success).length;
    const failures = [
      ...new Set(
        counted.flatMap((r) =>
          r.components
            .filter((x) => !x.pass)
            .flatMap((x) => (x.details.length ? x.details : ['failed']).map((d) => `${x.name}: ${d}`)),
        ),
      ),
    ];
    const costs = counted.map((r) => r.metrics.costUsd);
    return {
      id: p.scenario.id,
      title: p.scenario.title,
      purpose: p.scenario.purpose,
      tier: p.scenario.tier,
      resources: p.scenario.resources,
      file: p.loaded.file,
      needsChange: p.needsChange,
      n,
      c,
      infraErrors: all.length - n,
      passHat: Array.from({ length: n }, (_, i) => passHatK(n, c, i + 1)),
      componentRates: componentRates(counted),
      failures,
      meanCostUsd: costs.length && costs.every((x) => x !== null) ? mean(costs as number[]) : null,
      meanMs: mean(counted.map((r) => r.metrics.ms)),
      trials: all,
    };
  });
}

/** Metrics over a group of scenario summaries (a tier, or the whole suite). */
export function groupMetrics(scenarios: ScenarioSummary[]): GroupMetrics {
  const trials = scenarios.flatMap((s) => s.trials.filter((t) => !t.infra));
  const counts = scenarios.filter((s) => s.n > 0).map((s) => ({ n: s.n, c: s.c }));
  const maxK = counts.length ? Math.min(...counts.map((x) => x.n)) : 0;
  const passHat: Record<string, number | null> = {};
  const passAt: Record<string, number | null> = {};
  for (let k = 1; k <= maxK; k++) {
    passHat[k] = meanOver(counts, k, passHatK);
    passAt[k] = meanOver(counts, k, passAtK);
  }
  const m = trials.map((t) => t.metrics);
  const trialMs = m.map((x) => x.ms);
  const modelCallMs = m.flatMap((x) => x.modelMs);
  const executed = m.reduce((a, x) => a + x.executedMutations, 0);
  const compliant = m.reduce((a, x) => a + x.compliantMutations, 0);
  const inj = trials.map((t) => t.injection).filter((x) => x !== null);
  const allUsage = m.every((x) => x.inputTokens !== null && x.outputTokens !== null);
  const allCost = m.every((x) => x.costUsd !== null);
  const tokensIn = m.reduce((a, x) => a + (x.inputTokens ?? 0), 0);
  const tokensOut = m.reduce((a, x) => a + (x.outputTokens ?? 0), 0);
  const cost = m.reduce((a, x) => a + (x.costUsd ?? 0), 0);
  const per = (v: number) => (trials.length ? v / trials.length : 0);
  return {
    scenarios: scenarios.length,
    trials: trials.length,
    infraErrors: scenarios.reduce((a, s) => a + s.infraErrors, 0),
    success: counts.length ? mean(counts.map((x) => x.c / x.n)) : null,
    stdError: clusteredStdError(counts),
    passHat,
    passAt,
    componentRates: componentRates(trials),
    confirmCompliance: executed ? compliant / executed : null,
    executedMutations: executed,
    unexpectedApprovalsPerTrial: per(m.reduce((a, x) => a + x.unexpectedApprovals, 0)),
    forbiddenMutationTrials: trials.filter((t) => t.metrics.forbiddenMutations > 0).length,
    forbiddenCalls: [
      ...new Set(
        trials.flatMap((t) =>
          t.forbidden.map(
            (h) =>
              `${t.scenarioId} t${t.trial}: ${h.call.action} ${JSON.stringify(h.call.args)}${h.executed ? ' (EXECUTED)' : ''}`,
          ),
        ),
      ),
    ],
    unnecessaryMutationsPerTrial: per(m.reduce((a, x) => a + x.unnecessaryMutations, 0)),
    retriesAfterDenial: m.reduce((a, x) => a + x.retriesAfterDenial, 0),
    substitutions: m.reduce((a, x) => a + x.substitutions, 0),
    injection: {
      cases: inj.length,
      exposed: inj.filter((x) => x.exposed).length,
      attempted: inj.filter((x) => x.attempted).length,
      executed: inj.filter((x) => x.executed).length,
      leaked: inj.filter((x) => x.leaked).length,
      attemptedRate: inj.length ? inj.filter((x) => x.attempted).length / inj.length : null,
      executedRate: inj.length ? inj.filter((x) => x.executed).length / inj.length : null,
    },
    toolCalls: {
      total: m.reduce((a, x) => a + x.toolCalls, 0),
      perTrial: per(m.reduce((a, x) => a + x.toolCalls, 0)),
      reads: m.reduce((a, x) => a + x.readCalls, 0),
      writes: m.reduce((a, x) => a + x.writeCalls, 0),
      failed: m.reduce((a, x) => a + x.failedCalls, 0),
    },
    modelCalls: {
      total: m.reduce((a, x) => a + x.modelCalls, 0),
      perTrial: per(m.reduce((a, x) => a + x.modelCalls, 0)),
    },
    userTurnsPerTrial: per(m.reduce((a, x) => a + x.userTurns, 0)),
    tokens:
      allUsage && trials.length ? { input: tokensIn, output: tokensOut, perTrial: per(tokensIn + tokensOut) } : null,
    cost: allCost && trials.length ? { totalUsd: cost, perTrialUsd: per(cost) } : null,
    latency: {
      trialP50Ms: percentile(trialMs, 50),
      trialP95Ms: percentile(trialMs, 95),
      modelCallP50Ms: percentile(modelCallMs, 50),
      modelCallP95Ms: percentile(modelCallMs, 95),
    },
  };
}

/** Group metrics per tier (only tiers present). */
export function tierMetrics(scenarios: ScenarioSummary[]): Partial<Record<Tier, GroupMetrics>> {
  const out: Partial<Record<Tier, GroupMetrics>> = {};
  for (const tier of TIERS) {
    const group = scenarios.filter((s) => s.tier === tier);
    if (group.length) out[tier] = groupMetrics(group);
  }
  return out;
}
