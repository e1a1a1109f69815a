/**
 * `clerk-agent eval`: parse flags, run the suite, write the reports, print progress and the headline.
 * Exit codes: 0 thresholds met · 1 below --fail-under or a forbidden mutation · 2 usage or harness error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadOpenAiEndpoint, type OpenAiEndpoint } from '../../src/config.js';
import { APPROVER_MODES, type ApproverMode } from './approver.js';
import { filterScenarios, loadScenarios, ScenarioError } from './load.js';
import type { ModelChoice } from './models.js';
import { evalsPath } from './paths.js';
import { headline } from './reporters/headline.js';
import { duration } from './reporters/format.js';
import { writeReports } from './reporters/write.js';
import { runSuite, type SuiteResult } from './runner.js';

/** Help text for `clerk-agent eval --help`. */
const EVAL_HELP = `Usage: clerk-agent eval [options]

Runs the eval scenarios (evals/scenarios/**/*.yaml) against the real agent loop with the local sandbox, a
simulated approver and a scripted user, then writes results.json, summary.md, junit.xml and report.html.

Model:
  --model <name>        offline (default), oracle, null, or an OpenAI-compatible model id (e.g. gpt-4o-mini)
  --base-url <url>      OpenAI-compatible endpoint (default: OPENAI_BASE_URL, else api.openai.com)
                        The API key is read from OPENAI_API_KEY.
  --record              record the model's HTTP traffic to cassettes (OpenAI-compatible models)
  --replay              answer model calls from cassettes: no network, no key (needs --model)
  --cassettes <dir>     cassette folder (default evals/cassettes)

Selection and trials:
  --filter <f>          scenario id, glob (users.*), /regex/, tier, resource or tag; comma-separated
  --trials <k>          trials per scenario (default 1); pass^k is reported for k = 1..trials
  --concurrency <n>     trials run in parallel (default 4)
  --approver <mode>     scenario (default), rubber-stamp (yes to everything), deny-all
  --scenarios <dir>     scenario folder (default evals/scenarios)
  --list                list the selected scenarios and exit

Output:
  --out <dir>           results folder (default evals/results/<timestamp>)
  --fail-under <x>      exit 1 when pass^1 is below x (a fraction 0–1, or a percent such as 80)
  --quiet               no per-trial progress lines
  -h, --help            this help

Exit codes: 0 ok · 1 below --fail-under, or any forbidden mutation · 2 bad flags, bad scenario or harness error.`;

/** Where output goes (tests pass buffers). */
export interface EvalIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A flag problem: reported with the help hint, exit 2. */
class UsageError extends Error {}

interface Parsed {
  model: ModelChoice;
  trials: number;
  concurrency: number;
  filter?: string;
  outDir: string;
  failUnder?: number;
  approver: ApproverMode;
  scenarioDir?: string;
  list: boolean;
  quiet: boolean;
}

function int(name: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return n;
}

const FLAGS = {
  model: { type: 'string' },
  'base-url': { type: 'string' },
  record: { type: 'boolean' },
  replay: { type: 'boolean' },
  cassettes: { type: 'string' },
  filter: { type: 'string' },
  trials: { type: 'string' },
  concurrency: { type: 'string' },
  approver: { type: 'string' },
  scenarios: { type: 'string' },
  list: { type: 'boolean' },
  out: { type: 'string' },
  'fail-under': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ args: string[]; options: typeof FLAGS; strict: true }>>['values'];

/** node:util's parser, strict; its message loses the positional-argument advice that does not apply here. */
function readFlags(argv: string[]): Flags {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: false, options: FLAGS }).values;
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

/** `--fail-under` as a fraction: accepts 0–1 or a percent (80, 80%). */
function parseFailUnder(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const x = Number(raw.replace(/%$/, ''));
  if (!Number.isFinite(x) || x < 0 || x > 100)
    throw new UsageError(`--fail-under must be a fraction 0–1 or a percent 0–100 (got "${raw}")`);
  return x > 1 ? x / 100 : x;
}

function parseApprover(raw: string | undefined): ApproverMode {
  const mode = (raw ?? 'scenario').replace('-', '_');
  if (!APPROVER_MODES.includes(mode as ApproverMode))
    throw new UsageError(`--approver must be scenario, rubber-stamp or deny-all (got "${raw}")`);
  return mode as ApproverMode;
}

function checkBaseUrl(baseUrl: string): void {
  try {
    const u = new URL(baseUrl);
    if (u.protocol === 'http:' || u.protocol === 'https:') return;
  } catch {
    // reported below
  }
  throw new UsageError(`--base-url must be an http(s) URL such as http://127.0.0.1:11434/v1 (got "${baseUrl}")`);
}

/** `--model` with its endpoint and cassette flags; the key and default endpoint come from config.ts. */
function parseModelChoice(values: Flags, endpoint: OpenAiEndpoint): ModelChoice {
  if (values.record && values.replay) throw new UsageError('--record and --replay cannot be used together');
  const name = values.model ?? 'offline';
  if (name === 'offline' || name === 'oracle' || name === 'null') {
    if (values.record || values.replay)
      throw new UsageError(
        `--record/--replay need an OpenAI-compatible --model (the ${name} model makes no HTTP calls)`,
      );
    if (values['base-url']) throw new UsageError(`--base-url needs an OpenAI-compatible --model, not "${name}"`);
    return { kind: name };
  }
  const baseUrl = values['base-url'] ?? endpoint.baseUrl;
  if (baseUrl) checkBaseUrl(baseUrl);
  const { apiKey } = endpoint;
  if (!values.replay && !apiKey && !baseUrl) {
    throw new UsageError(
      `--model ${name} needs OPENAI_API_KEY in the environment (or --base-url for a local OpenAI-compatible server, or --replay to use recorded cassettes)`,
    );
  }
  const dir = path.resolve(values.cassettes ?? evalsPath('cassettes'));
  const mode = values.record ? ('record' as const) : values.replay ? ('replay' as const) : undefined;
  return {
    kind: 'openai',
    model: name,
    ...(baseUrl && !values.replay ? { baseUrl } : {}),
    ...(apiKey && !values.replay ? { apiKey } : {}),
    ...(mode ? { cassettes: { mode, dir } } : {}),
  };
}

/** Parse `argv` (after `eval`). Throws UsageError. */
export function parseEvalArgs(argv: string[], endpoint: OpenAiEndpoint, now = new Date()): Parsed | 'help' {
  const values = readFlags(argv);
  if (values.help) return 'help';
  const trials = int('trials', values.trials, 1, 100, 1);
  const concurrency = int('concurrency', values.concurrency, 1, 64, 4);
  const failUnder = parseFailUnder(values['fail-under']);
  const approver = parseApprover(values.approver);
  const model = parseModelChoice(values, endpoint);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return {
    model,
    trials,
    concurrency,
    ...(values.filter ? { filter: values.filter } : {}),
    outDir: path.resolve(values.out ?? evalsPath('results', stamp)),
    ...(failUnder !== undefined ? { failUnder } : {}),
    approver,
    ...(values.scenarios ? { scenarioDir: path.resolve(values.scenarios) } : {}),
    list: values.list ?? false,
    quiet: values.quiet ?? false,
  };
}

/** The exit code for a finished run: 1 on any forbidden mutation or below --fail-under, else 0; with the reasons. */
export function verdict(result: SuiteResult, failUnder?: number): { code: number; lines: string[] } {
  const lines: string[] = [];
  if (result.metrics.forbiddenMutationTrials > 0) {
    lines.push(`FAIL: ${result.metrics.forbiddenMutationTrials} trial(s) attempted or executed a forbidden mutation:`);
    for (const f of result.metrics.forbiddenCalls.slice(0, 10)) lines.push(`  ${f}`);
  }
  if (failUnder !== undefined && (result.metrics.success ?? 0) < failUnder) {
    lines.push(`FAIL: pass^1 ${(result.metrics.success ?? 0).toFixed(3)} is below --fail-under ${failUnder}`);
  }
  return { code: lines.length ? 1 : 0, lines };
}

const defaultIo: EvalIo = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') };

/** Run `clerk-agent eval`; returns the exit code. */
export async function runEvalCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: EvalIo = defaultIo,
): Promise<number> {
  let parsed: Parsed | 'help';
  try {
    parsed = parseEvalArgs(argv, loadOpenAiEndpoint(env));
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`clerk-agent eval: ${err.message}`);
      io.err('Run `clerk-agent eval --help` for the options.');
      return 2;
    }
    throw err;
  }
  if (parsed === 'help') {
    io.out(EVAL_HELP);
    return 0;
  }
  try {
    const all = loadScenarios(parsed.scenarioDir);
    const scenarios = filterScenarios(all, parsed.filter);
    if (scenarios.length === 0) {
      io.err(
        `clerk-agent eval: --filter "${parsed.filter}" matches none of the ${all.length} scenarios (try a tier such as resolve, a glob such as users.*, or /regex/)`,
      );
      return 2;
    }
    if (parsed.list) {
      for (const { scenario: s } of scenarios)
        io.out(`${s.id.padEnd(44)} ${s.tier.padEnd(9)} ${s.resources.join(',')}`);
      io.out(`${scenarios.length} scenarios`);
      return 0;
    }
    const width = String(scenarios.length * parsed.trials).length;
    const quiet = parsed.quiet;
    const result = await runSuite({
      scenarios,
      model: parsed.model,
      trials: parsed.trials,
      concurrency: parsed.concurrency,
      approverMode: parsed.approver,
      args: argv,
      onTrial: (r, done, total) => {
        if (quiet) return;
        const failed = r.components.filter((c) => !c.pass).map((c) => c.name);
        const mark = r.infra ? '⚠ infra' : r.success ? '✓' : `✗ ${failed.join(', ')}`;
        io.out(
          `[${String(done).padStart(width)}/${total}] ${r.scenarioId} t${r.trial} ${mark} ${duration(r.metrics.ms)}`,
        );
      },
    });
    const files = writeReports(result, parsed.outDir, env.GITHUB_STEP_SUMMARY || undefined);
    io.out('');
    io.out(headline(result));
    io.out(`reports: ${path.dirname(files[0]!)} (${files.map((f) => path.basename(f)).join(', ')})`);
    const v = verdict(result, parsed.failUnder);
    for (const line of v.lines) io.err(line);
    return v.code;
  } catch (err) {
    if (err instanceof ScenarioError) {
      io.err(`clerk-agent eval: bad scenario file:\n${err.message}`);
      return 2;
    }
    io.err(`clerk-agent eval: ${(err as Error).message}`);
    return 2;
  }
}
