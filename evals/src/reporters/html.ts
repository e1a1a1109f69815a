/**
 * report.html: one static, self-contained page (no scripts, no external assets) showing every trajectory.
 * Everything that came from a scenario, the model or Clerk is HTML-escaped: scenarios deliberately contain
 * injection strings, and a report must never execute them.
 */
import type { TrialResult } from '../evaluate.js';
import type { SuiteResult } from '../runner.js';
import type { ScenarioSummary } from '../aggregate.js';
import { duration, fixed, pct } from './format.js';
import { headline } from './headline.js';

/** Escape text for HTML element content and attribute values. */
export function htmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = htmlEscape;
const clip = (s: string, max = 4000) =>
  s.length > max ? `${s.slice(0, max)}… (${s.length - max} more characters)` : s;

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}code,pre{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:.5rem;border-radius:4px;margin:.25rem 0}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
.ok{color:#137333}.bad{color:#b3261e}.muted{color:#666}.headline{background:#eef3fc;padding:.6rem;border-radius:6px;font-weight:600}
details{margin:.3rem 0 .3rem 1rem}summary{cursor:pointer}.msg{margin:.2rem 0;padding:.2rem .5rem;border-left:3px solid #ccc}
.user{border-color:#1a73e8}.assistant{border-color:#137333}.tool{border-color:#999}.approval{border-color:#e37400}.comp{display:inline-block;margin-right:.6rem}
`;

function trajectory(t: TrialResult): string {
  const parts: string[] = [];
  const approvals = new Map(t.trace.approvals.map((a) => [a.callId, a]));
  for (const m of t.trace.messages) {
    if (m.role === 'user') parts.push(`<div class="msg user"><b>user</b><pre>${e(m.content)}</pre></div>`);
    else if (m.role === 'assistant') {
      if (m.content) parts.push(`<div class="msg assistant"><b>assistant</b><pre>${e(m.content)}</pre></div>`);
      for (const c of m.toolCalls ?? []) {
        parts.push(
          `<div class="msg assistant"><b>call</b> <code>${e(c.name)}</code> <span class="muted">${e(c.id)}</span><pre>${e(clip(c.arguments, 1500))}</pre></div>`,
        );
        const a = approvals.get(c.id);
        if (a)
          parts.push(
            `<div class="msg approval"><b>approver: ${e(a.answer)}</b>${a.rule === null ? ' <span class="bad">(no rule: unexpected)</span>' : ` <span class="muted">rule ${a.rule}</span>`}<pre>${e(a.previewText)}</pre></div>`,
          );
      }
    } else if (m.role === 'tool')
      parts.push(
        `<div class="msg tool"><b>result</b> <span class="muted">${e(m.toolCallId)}</span><pre>${e(clip(m.content))}</pre></div>`,
      );
  }
  const comps = t.components
    .map((c) => `<span class="comp ${c.pass ? 'ok' : 'bad'}">${c.pass ? '✓' : '✗'} ${e(c.name)}</span>`)
    .join('');
  const details = t.components
    .filter((c) => c.details.length)
    .map((c) => `<li><b>${e(c.name)}</b>: ${c.details.map(e).join('<br>')}</li>`)
    .join('');
  const query = (q: Record<string, string | string[]>) => {
    const text = new URLSearchParams(
      Object.entries(q).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
    ).toString();
    return text ? `?${text}` : '';
  };
  const requests = t.trace.requests
    .map((r) => `${r.method} ${r.path}${query(r.query)} → ${r.status}${r.mutating ? ' (mutating)' : ''}`)
    .join('\n');
  return `<details><summary class="${t.success ? 'ok' : 'bad'}">trial ${t.trial}: ${t.success ? 'success' : t.infra ? 'infra error' : 'failed'} · ${duration(t.metrics.ms)} · ${t.metrics.toolCalls} tool calls · ${t.metrics.modelCalls} model calls · ended ${e(t.trace.termination)}</summary>
<div>${comps}</div>${details ? `<ul>${details}</ul>` : ''}
${parts.join('\n')}
<details><summary>sandbox requests (${t.trace.requests.length})</summary><pre>${e(requests)}</pre></details>
</details>`;
}

function scenarioSection(s: ScenarioSummary): string {
  const ok = s.n > 0 && s.c === s.n;
  return `<section id="${e(s.id)}"><h2 class="${ok ? 'ok' : 'bad'}">${ok ? '✓' : '✗'} ${e(s.id)} <span class="muted">(${e(s.tier)}, ${s.c}/${s.n})</span></h2>
<p><b>${e(s.title)}</b> — ${e(s.purpose)} <span class="muted">${e(s.file)} · ${s.resources.map(e).join(', ')}</span></p>
${
  s.failures.length
    ? `<ul class="bad">${s.failures
        .slice(0, 10)
        .map((f) => `<li>${e(f)}</li>`)
        .join('')}</ul>`
    : ''
}
${s.trials.map(trajectory).join('\n')}
</section>`;
}

/** Render the static HTML report. */
export function renderHtml(r: SuiteResult): string {
  const rows = r.scenarios
    .map(
      (s) =>
        `<tr><td><a href="#${e(s.id)}">${e(s.id)}</a></td><td>${e(s.tier)}</td><td class="${s.c === s.n && s.n > 0 ? 'ok' : 'bad'}">${s.c}/${s.n}</td><td>${s.passHat.map((v) => fixed(v)).join(' / ')}</td><td>${duration(s.meanMs)}</td></tr>`,
    )
    .join('\n');
  const tiers = Object.entries(r.tiers)
    .map(([tier, t]) =>
      t
        ? `<tr><td>${e(tier)}</td><td>${t.scenarios}</td><td>${fixed(t.success)}</td><td>${pct(t.confirmCompliance)}</td><td>${t.forbiddenMutationTrials}</td></tr>`
        : '',
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>clerk-agent eval: ${e(r.config.model)}</title><style>${CSS}</style></head><body>
<h1>clerk-agent eval · ${e(r.config.model)}</h1>
<p class="headline">${e(headline(r))}</p>
<p class="muted">started ${e(r.run.started_at)} · git ${e(r.run.git_sha ?? 'n/a')} · prompt ${e(r.config.prompt_sha256.slice(0, 12))} · tools ${e(r.config.tool_schema_sha256.slice(0, 12))} · scenarios ${e(r.config.scenario_set_sha256.slice(0, 12))} · approver ${e(r.run.approver_mode)} · clock ${e(r.run.fixed_clock)}</p>
<h2>Per tier</h2><table><tr><th>tier</th><th>scenarios</th><th>pass^1</th><th>confirm</th><th>forbidden</th></tr>${tiers}</table>
<h2>Scenarios</h2><table><tr><th>scenario</th><th>tier</th><th>c/n</th><th>pass^k</th><th>time</th></tr>${rows}</table>
${r.scenarios.map(scenarioSection).join('\n')}
</body></html>
`;
}
