/**
 * The eval runner: prepares scenarios, runs `trials` trials of each with bounded concurrency, grades them, and
 * returns the whole run as one record (what results.json holds). Reporters turn it into files.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { AgentDeps } from '../../src/agent/create-agent.js';
import { loadSystemPrompt } from '../../src/agent/prompt.js';
import type { Agent } from '../../src/agent/types.js';
import { toolSpecs } from '../../src/actions/json-schema.js';
import { createRegistry, type Registry } from '../../src/actions/registry.js';
import { groupMetrics, summarizeScenarios, tierMetrics, type GroupMetrics, type ScenarioSummary } from './aggregate.js';
import type { ApproverMode } from './approver.js';
import { evaluateTrial, type TrialResult } from './evaluate.js';
import type { LoadedScenario } from './load.js';
import { canonicalJson } from './match.js';
import { modelLabel, type ModelChoice } from './models.js';
import { packageRoot } from './paths.js';
import { FIXED_NOW, prepareScenario, type PreparedScenario } from './prepare.js';
import { loadPricing } from './pricing.js';
import type { Tier } from './schema.js';
import { runTrial } from './trial.js';

/** What to run and how. */
export interface SuiteOptions {
  scenarios: LoadedScenario[];
  model: ModelChoice;
  trials?: number;
  concurrency?: number;
  approverMode?: ApproverMode;
  /** The CLI arguments, recorded in results.json. */
  args?: string[];
  /** Called after each trial is graded (progress lines). */
  onTrial?: (result: TrialResult, done: number, total: number) => void;
  registry?: Registry;
  systemPrompt?: string;
  /** Self-checks only: a broken agent to catch. */
  agentFactory?: (deps: AgentDeps) => Agent;
}

/** Everything a run produced: the content of results.json. */
export interface SuiteResult {
  schema_version: 1;
  run: {
    started_at: string;
    finished_at: string;
    wall_ms: number;
    git_sha: string | null;
    args: string[];
    trials: number;
    concurrency: number;
    approver_mode: ApproverMode;
    cassette_mode: 'record' | 'replay' | 'off';
    fixed_clock: string;
  };
  config: {
    model: string;
    model_kind: ModelChoice['kind'];
    base_url_host: string | null;
    prompt_sha256: string;
    tool_schema_sha256: string;
    scenario_set_sha256: string;
    scenario_count: number;
    user_simulator: 'scripted';
    judge: null;
  };
  metrics: GroupMetrics;
  tiers: Partial<Record<Tier, GroupMetrics>>;
  scenarios: ScenarioSummary[];
}

let sharedRegistry: Registry | undefined;
const defaultRegistry = () => (sharedRegistry ??= createRegistry());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The current git commit, or null outside a repository (or before the first commit). */
export function gitSha(): string | null {
  try {
    return (
      execFileSync('git', ['rev-parse', 'HEAD'], { cwd: packageRoot(), stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() || null
    );
  } catch {
    return null;
  }
}

/** sha256 over the scenario files (sorted by path): any edit to the set changes it. */
export function scenarioSetHash(scenarios: LoadedScenario[]): string {
  return sha256(
    canonicalJson([...scenarios].sort((a, b) => a.file.localeCompare(b.file)).map((s) => [s.file, s.source])),
  );
}

const preparedCache = new WeakMap<Registry, Map<string, Promise<PreparedScenario>>>();

/** Prepare every scenario (fixtures, references, targets), cached per process by file content. Errors name the file. */
export async function prepareAll(scenarios: LoadedScenario[], registry: Registry): Promise<PreparedScenario[]> {
  let cache = preparedCache.get(registry);
  if (!cache) preparedCache.set(registry, (cache = new Map()));
  const out: PreparedScenario[] = [];
  for (const s of scenarios) {
    const key = `${s.file}\n${s.source}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = prepareScenario(s, registry);
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    const prepared = await hit;
    // The same file under another LoadedScenario object: keep the caller's (its file label may differ).
    out.push(prepared.loaded === s ? prepared : { ...prepared, loaded: s });
  }
  return out;
}

/** Run the suite. */
export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const started = new Date();
  const t0 = performance.now();
  const registry = options.registry ?? defaultRegistry();
  const systemPrompt = options.systemPrompt ?? loadSystemPrompt();
  const trials = Math.max(1, options.trials ?? 1);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const prices = loadPricing();
  const label = modelLabel(options.model);
  const prepared = await prepareAll(options.scenarios, registry);

  const jobs = prepared.flatMap((p) => Array.from({ length: trials }, (_, i) => ({ p, trial: i + 1 })));
  const results: TrialResult[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (;;) {
      const job = jobs[next++];
      if (!job) return;
      const { trace, sandbox } = await runTrial(job.p, job.trial, {
        registry,
        systemPrompt,
        model: options.model,
        ...(options.approverMode ? { approverMode: options.approverMode } : {}),
        ...(options.agentFactory ? { agentFactory: options.agentFactory } : {}),
      });
      const result = await evaluateTrial(job.p, trace, sandbox, registry, label, prices);
      await sandbox.close();
      results.push(result);
      options.onTrial?.(result, ++done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));

  const scenarios = summarizeScenarios(prepared, results);
  const m = options.model;
  return {
    schema_version: 1,
    run: {
      started_at: started.toISOString(),
      finished_at: new Date().toISOString(),
      wall_ms: performance.now() - t0,
      git_sha: gitSha(),
      args: options.args ?? [],
      trials,
      concurrency,
      approver_mode: options.approverMode ?? 'scenario',
      cassette_mode: m.kind === 'openai' && m.cassettes ? m.cassettes.mode : 'off',
      fixed_clock: new Date(FIXED_NOW).toISOString(),
    },
    config: {
      model: label,
      model_kind: m.kind,
      base_url_host:
        m.kind !== 'openai'
          ? null
          : m.cassettes?.mode === 'replay'
            ? 'cassette (replay)'
            : m.baseUrl
              ? safeHost(m.baseUrl)
              : 'api.openai.com',
      prompt_sha256: sha256(systemPrompt),
      tool_schema_sha256: sha256(canonicalJson(toolSpecs(registry.list()))),
      scenario_set_sha256: scenarioSetHash(options.scenarios),
      scenario_count: prepared.length,
      user_simulator: 'scripted',
      judge: null,
    },
    metrics: groupMetrics(scenarios),
    tiers: tierMetrics(scenarios),
    scenarios,
  };
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
