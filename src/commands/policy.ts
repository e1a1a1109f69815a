/**
 * `clerk-agent policy check`: prints the effective approval policy (the file's values with defaults filled in) and
 * its problems. Exit 0 when clean, 1 with problems, 2 when the file does not parse (the message names the line).
 */
import dotenv from 'dotenv';
import { parseArgs } from 'node:util';
import { describePolicy, loadPolicy, policyProblems } from '../approvals/policy.js';
import { resolvePolicyPath } from '../approvals/policy-file.js';
import { ConfigError, loadConfig } from '../config.js';
import { oneLine } from '../interfaces/repl/turn.js';

const USAGE = `Usage: clerk-agent policy check [--file PATH]

Prints the effective approval policy and any problems. The policy is --file, CLERK_AGENT_POLICY, or
clerk-agent.policy.yaml in the current folder; without one the default (single terminal user) applies.`;

export async function run(argv: string[]): Promise<number> {
  let values: { file?: string | undefined; help?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { file: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    process.stderr.write(`clerk-agent policy: ${oneLine(error)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ((positionals[0] ?? 'check') !== 'check') {
    process.stderr.write(`clerk-agent policy: unknown subcommand "${positionals[0]}".\n${USAGE}\n`);
    return 2;
  }
  dotenv.config({ quiet: true });
  try {
    const config = loadConfig(process.env);
    const live = config.clerk.kind === 'remote' && config.clerk.live;
    const policy = loadPolicy(resolvePolicyPath(values.file ?? config.policyFile), { live });
    for (const line of describePolicy(policy)) process.stdout.write(`${line}\n`);
    const problems = policyProblems(policy);
    if (problems.length === 0) {
      process.stdout.write('No problems found.\n');
      return 0;
    }
    process.stdout.write(`Problems (${problems.length}):\n`);
    for (const p of problems) process.stdout.write(`  - ${p}\n`);
    return 1;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`clerk-agent policy: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`clerk-agent policy: ${oneLine(error)}\n`);
    return 1;
  }
}
