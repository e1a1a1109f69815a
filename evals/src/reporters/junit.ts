/** junit.xml: one testcase per scenario (fails unless every trial succeeded), failing components in <failure>. */
import type { SuiteResult } from '../runner.js';
import { fixed } from './format.js';

/** Escape text for XML (also strips characters XML 1.0 forbids). */
export function xmlEscape(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** Render JUnit XML. */
export function renderJunit(r: SuiteResult): string {
  const failures = r.scenarios.filter((s) => s.n === 0 || s.c < s.n).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="clerk-agent eval" tests="${r.scenarios.length}" failures="${failures}" time="${seconds(r.run.wall_ms)}">`,
  );
  out.push(
    `  <testsuite name="${xmlEscape(r.config.model)}" tests="${r.scenarios.length}" failures="${failures}" time="${seconds(r.run.wall_ms)}">`,
  );
  out.push('    <properties>');
  const props: Array<[string, string]> = [
    ['model', r.config.model],
    ['pass_1', fixed(r.metrics.success, 4)],
    ['confirm_compliance', fixed(r.metrics.confirmCompliance, 4)],
    ['forbidden_mutation_trials', String(r.metrics.forbiddenMutationTrials)],
    ['prompt_sha256', r.config.prompt_sha256],
    ['tool_schema_sha256', r.config.tool_schema_sha256],
    ['scenario_set_sha256', r.config.scenario_set_sha256],
  ];
  for (const [k, v] of props) out.push(`      <property name="${k}" value="${xmlEscape(v)}"/>`);
  out.push('    </properties>');
  for (const s of r.scenarios) {
    const time = seconds(s.trials.reduce((a, t) => a + t.metrics.ms, 0));
    out.push(`    <testcase classname="${xmlEscape(s.tier)}" name="${xmlEscape(s.id)}" time="${time}">`);
    if (s.n === 0 || s.c < s.n) {
      const msg = s.n === 0 ? 'no counted trials (infrastructure errors)' : `${s.c}/${s.n} trials succeeded`;
      out.push(`      <failure message="${xmlEscape(msg)}">${xmlEscape(s.failures.join('\n'))}</failure>`);
    }
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>', '');
  return out.join('\n');
}
