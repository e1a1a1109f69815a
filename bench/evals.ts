/**
 * Eval harness speed: preparing the scenario set (fixtures, references, targets) and running it with the oracle
 * (harness + real agent loop + sandbox, no model cost) and with the offline model. In-process only.
 */
import { loadScenarios } from '../evals/src/load.js';
import { runSuite } from '../evals/src/runner.js';

/** Print eval harness figures. */
export async function run(log: (line: string) => void): Promise<void> {
  const scenarios = loadScenarios();
  for (const kind of ['oracle', 'offline'] as const) {
    const t0 = performance.now();
    const result = await runSuite({ scenarios, model: { kind }, trials: 1, concurrency: 4 });
    const ms = performance.now() - t0;
    const trials = result.metrics.trials;
    log(
      `evals: ${kind} model, ${result.scenarios.length} scenarios × 1 trial — ${(ms / 1000).toFixed(1)} s wall (${(trials / (ms / 1000)).toFixed(1)} trials/s, p50 ${Math.round(result.metrics.latency.trialP50Ms ?? 0)} ms/trial), pass^1 ${(result.metrics.success ?? 0).toFixed(2)}`,
    );
  }
}
