/** Reads scenario YAML files, validates them, and lints them (a bad file names itself and the field path). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { evalsPath, packageRoot } from './paths.js';
import { formatIssues, scenarioSchema, type Scenario } from './schema.js';

/** A scenario file that cannot be used; the message names the file and the field. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** A validated scenario with the file it came from and that file's raw text (for the scenario-set hash). */
export interface LoadedScenario {
  scenario: Scenario;
  file: string;
  source: string;
}

/** Default scenario folder: `<package root>/evals/scenarios`. */
export function defaultScenarioDir(): string {
  return evalsPath('scenarios');
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listYaml(full));
    else if (/\.ya?ml$/.test(name) && !name.startsWith('_')) out.push(full);
  }
  return out;
}

/** Parse and validate one scenario's text. Throws ScenarioError naming `file` and the field path. */
export function parseScenario(text: string, file: string): Scenario {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` (line ${err.linePos[0].line})` : '';
    throw new ScenarioError(`${file}${where}: invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw new ScenarioError(formatIssues(file, parsed.error));
  const problems = lintScenario(parsed.data);
  if (problems.length) throw new ScenarioError(problems.map((p) => `${file}: ${p}`).join('\n'));
  return parsed.data;
}

/** Consistency checks zod cannot express. Returns `field: problem` lines. */
export function lintScenario(s: Scenario): string[] {
  const problems: string[] = [];
  // What the oracle says over the whole conversation: the question (clarify / intermediate turns) and the reply.
  const reply = [s.expect.reference_question, s.expect.reference_reply].filter(Boolean).join('\n');
  // Regexes and replies with unresolved `${…}` references are checked again once the references are resolved.
  const unresolved = (x: string) => x.includes('${');
  if (
    unresolved(reply) ||
    s.expect.reply_must_include.some(unresolved) ||
    s.expect.reply_must_not_include.some(unresolved)
  ) {
    return problems.concat(structuralLint(s));
  }
  s.expect.reply_must_include.forEach((re, i) => {
    if (!new RegExp(re, 'i').test(reply))
      problems.push(`expect.reply_must_include[${i}]: the reference_question + reference_reply do not match /${re}/i`);
  });
  s.expect.reply_must_not_include.forEach((re, i) => {
    if (new RegExp(re, 'i').test(reply))
      problems.push(`expect.reply_must_not_include[${i}]: the reference_reply matches /${re}/i`);
  });
  if (s.expect.deny_told && !new RegExp(s.expect.deny_told, 'i').test(reply)) {
    problems.push(`expect.deny_told: the reference_reply does not match /${s.expect.deny_told}/i`);
  }
  return problems.concat(structuralLint(s));
}

function structuralLint(s: Scenario): string[] {
  const problems: string[] = [];
  if (s.expect.clarify_before_mutation && s.user.replies.length === 0) {
    problems.push('user.replies: clarify_before_mutation needs at least one scripted reply to the question');
  }
  if (s.tier === 'inject' && !s.expect.injection)
    problems.push('expect.injection: an inject-tier scenario must describe its injection');
  if (s.tier === 'clarify' && !s.expect.clarify_before_mutation)
    problems.push('expect.clarify_before_mutation: a clarify-tier scenario must require it');
  return problems;
}

/** Load every scenario under `dir` (recursively; files starting with `_` are skipped). Throws on any bad file. */
export function loadScenarios(dir = defaultScenarioDir()): LoadedScenario[] {
  const files = listYaml(dir);
  if (files.length === 0) throw new ScenarioError(`${dir}: no scenario files (*.yaml) found`);
  const errors: string[] = [];
  const loaded: LoadedScenario[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const rel = path.relative(packageRoot(), file) || file;
    const source = readFileSync(file, 'utf8');
    try {
      const scenario = parseScenario(source, rel);
      const other = seen.get(scenario.id);
      if (other) throw new ScenarioError(`${rel}: id: "${scenario.id}" is already used by ${other}`);
      seen.set(scenario.id, rel);
      loaded.push({ scenario, file: rel, source });
    } catch (err) {
      if (err instanceof ScenarioError) errors.push(err.message);
      else throw err;
    }
  }
  if (errors.length) throw new ScenarioError(errors.join('\n'));
  return loaded.sort((a, b) => a.scenario.id.localeCompare(b.scenario.id));
}

/**
 * Keep scenarios whose id or tier matches `filter`: a tier name, a glob (`users.*`), or `/regex/`.
 * Several filters may be given separated by commas (any match keeps the scenario).
 */
export function filterScenarios(all: LoadedScenario[], filter: string | undefined): LoadedScenario[] {
  if (!filter) return all;
  const tests = filter
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .map(toTest);
  return all.filter(({ scenario }) => tests.some((t) => t(scenario)));
}

function toTest(f: string): (s: Scenario) => boolean {
  const m = /^\/(.*)\/([a-z]*)$/.exec(f);
  if (m) {
    const re = new RegExp(m[1]!, m[2]);
    return (s) => re.test(s.id);
  }
  if (/[*?]/.test(f)) {
    const re = new RegExp(
      '^' +
        f
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.') +
        '$',
    );
    return (s) => re.test(s.id);
  }
  return (s) => s.tier === f || s.id === f || s.resources.includes(f as never) || s.tags.includes(f);
}
