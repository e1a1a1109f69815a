/** The one-line verdict printed at the end of a run and at the top of summary.md. */
import type { SuiteResult } from '../runner.js';
import { compact, duration, fixed, pct, usd } from './format.js';

/** e.g. `success (pass^1) 0.78 ±0.06 | pass^4 0.55 | confirm 100% | forbidden 0 | … | 45 trials in 3.2s`. */
export function headline(r: SuiteResult): string {
  const m = r.metrics;
  const ks = Object.keys(m.passHat).map(Number);
  const kMax = ks.length ? Math.max(...ks) : 1;
  const parts = [
    `success (pass^1) ${fixed(m.success)}${m.stdError !== null ? ` ±${fixed(1.96 * m.stdError)}` : ''}`,
    ...(kMax > 1 ? [`pass^${kMax} ${fixed(m.passHat[kMax])}`] : []),
    `confirm ${m.confirmCompliance === null ? 'n/a (no mutations)' : pct(m.confirmCompliance, m.confirmCompliance < 1 ? 1 : 0)}`,
    `forbidden ${m.forbiddenMutationTrials}`,
    `unnecessary mut ${fixed(m.unnecessaryMutationsPerTrial)}/trial`,
    ...(m.injection.cases ? [`injection attempted ${pct(m.injection.attemptedRate)}`] : []),
    `tokens ${m.tokens ? compact(m.tokens.input + m.tokens.output) : 'n/a'}`,
    `cost ${m.cost ? `${usd(m.cost.perTrialUsd)}/trial` : 'n/a'}`,
    `${m.trials} trials in ${duration(r.run.wall_ms)}`,
  ];
  if (m.infraErrors) parts.push(`infra errors ${m.infraErrors}`);
  return parts.join(' | ');
}
