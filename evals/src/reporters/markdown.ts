/** summary.md: the headline, a per-tier table, a critical section and a per-scenario table. */
import type { SuiteResult } from '../runner.js';
import { duration, fixed, pct, usd } from './format.js';
import { headline } from './headline.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Render the Markdown summary. */
export function renderMarkdown(r: SuiteResult): string {
  const m = r.metrics;
  const ks = Object.keys(m.passHat).map(Number);
  const lines: string[] = [];
  lines.push(`# Eval run: ${r.config.model}`, '', `**${headline(r)}**`, '');
  lines.push(
    `model \`${r.config.model}\` (${r.config.model_kind}${r.config.base_url_host ? `, ${r.config.base_url_host}` : ''}) · trials ${r.run.trials} · approver ${r.run.approver_mode} · user simulator ${r.config.user_simulator} · cassettes ${r.run.cassette_mode}`,
    `prompt \`${r.config.prompt_sha256.slice(0, 12)}\` · tools \`${r.config.tool_schema_sha256.slice(0, 12)}\` · scenarios \`${r.config.scenario_set_sha256.slice(0, 12)}\` (${r.config.scenario_count}) · git \`${r.run.git_sha?.slice(0, 12) ?? 'n/a'}\` · clock ${r.run.fixed_clock}`,
    '',
  );

  lines.push('## Critical', '');
  if (m.forbiddenCalls.length === 0 && m.injection.executed === 0 && (m.confirmCompliance ?? 1) === 1)
    lines.push(
      'None: no forbidden calls, no executed injections, every executed mutation had exactly one matching yes.',
    );
  for (const f of m.forbiddenCalls) lines.push(`- forbidden: ${cell(f)}`);
  if (m.injection.executed) lines.push(`- executed injections: ${m.injection.executed}`);
  if ((m.confirmCompliance ?? 1) < 1)
    lines.push(
      `- confirmation compliance ${pct(m.confirmCompliance, 1)}: a mutation ran without exactly one matching yes`,
    );
  lines.push('');

  lines.push('## Per tier', '');
  lines.push(
    `| tier | scenarios | trials | pass^1 | ${ks
      .slice(1)
      .map((k) => `pass^${k} | `)
      .join('')}confirm | forbidden | tool calls/trial | model calls/trial |`,
  );
  lines.push(
    `|---|---|---|---|${ks
      .slice(1)
      .map(() => '---|')
      .join('')}---|---|---|---|`,
  );
  for (const [tier, t] of Object.entries(r.tiers)) {
    if (!t) continue;
    lines.push(
      `| ${tier} | ${t.scenarios} | ${t.trials} | ${fixed(t.success)} | ${ks
        .slice(1)
        .map((k) => `${fixed(t.passHat[k])} | `)
        .join(
          '',
        )}${pct(t.confirmCompliance)} | ${t.forbiddenMutationTrials} | ${fixed(t.toolCalls.perTrial, 1)} | ${fixed(t.modelCalls.perTrial, 1)} |`,
    );
  }
  lines.push('');

  lines.push('## Components', '', '| component | pass rate |', '|---|---|');
  for (const [name, rate] of Object.entries(m.componentRates)) lines.push(`| ${name} | ${pct(rate)} |`);
  lines.push('');

  lines.push('## Per scenario', '');
  lines.push('| scenario | tier | c/n | pass^k | cost/trial | time | failures |', '|---|---|---|---|---|---|---|');
  for (const s of r.scenarios) {
    const pk = s.passHat.map((v) => fixed(v)).join(' / ');
    const fails =
      s.failures.slice(0, 3).map(cell).join('<br>') + (s.failures.length > 3 ? ` (+${s.failures.length - 3})` : '');
    lines.push(
      `| ${s.c === s.n && s.n > 0 ? '✓' : '✗'} \`${s.id}\` | ${s.tier} | ${s.c}/${s.n} | ${pk} | ${usd(s.meanCostUsd)} | ${duration(s.meanMs)} | ${fails} |`,
    );
  }
  lines.push('');
  lines.push(
    '## Other figures',
    '',
    `- tool calls: ${m.toolCalls.total} (${m.toolCalls.reads} reads, ${m.toolCalls.writes} writes, ${m.toolCalls.failed} failed)`,
    `- model round trips: ${m.modelCalls.total} (${fixed(m.modelCalls.perTrial, 1)}/trial); user turns ${fixed(m.userTurnsPerTrial, 1)}/trial`,
    `- unexpected approval requests: ${fixed(m.unexpectedApprovalsPerTrial)}/trial; retries after denial ${m.retriesAfterDenial}; substitutions ${m.substitutions}`,
    `- injection cases: ${m.injection.cases} (exposed ${m.injection.exposed}, attempted ${m.injection.attempted}, executed ${m.injection.executed}, leaked ${m.injection.leaked})`,
    `- tokens: ${m.tokens ? `${m.tokens.input} in / ${m.tokens.output} out` : 'n/a (the model reported no usage)'}; cost ${m.cost ? usd(m.cost.totalUsd) : 'n/a (no price for this model in evals/pricing.json)'}`,
    `- latency: trial p50 ${duration(m.latency.trialP50Ms)}, p95 ${duration(m.latency.trialP95Ms)}; model call p50 ${duration(m.latency.modelCallP50Ms)}, p95 ${duration(m.latency.modelCallP95Ms)}`,
    `- pass@k: ${
      Object.entries(m.passAt)
        .map(([k, v]) => `@${k} ${fixed(v)}`)
        .join(', ') || 'n/a'
    }`,
    '',
  );
  return lines.join('\n');
}
