/**
 * What the long-running front-end commands (`mcp`, `web`) do before they serve: parse their flags (`--data` plus
 * their own), read `.env`, and build the App. Problems come back as one line and an exit code, never a stack.
 */
import dotenv from 'dotenv';
import { parseArgs } from 'node:util';
import { type App, createApp } from '../app.js';
import { ConfigError, type ConfigOverrides, loadConfig } from '../config.js';

type Flags = Record<string, string | boolean | undefined>;

export type Opened<F extends Flags> = { app: App; flags: F } | { exit: number };

/**
 * Parses `argv` with `options` (plus `--data` and `--help`), prints usage for `--help`, and opens the App.
 * `check` validates the command's own flags and returns an error line, or undefined.
 */
export async function openAppForCommand<F extends Flags>(
  command: string,
  argv: string[],
  usage: string,
  options: Record<string, { type: 'string' | 'boolean' }>,
  check: (flags: F) => string | undefined = () => undefined,
): Promise<Opened<F>> {
  const err = (line: string) => process.stderr.write(`clerk-agent ${command}: ${line}\n`);
  let flags: F;
  try {
    ({ values: flags } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { ...options, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }) as unknown as { values: F });
  } catch (error) {
    err(`${(error as Error).message}. See clerk-agent ${command} --help.`);
    return { exit: 2 };
  }
  if (flags.help) {
    process.stdout.write(`${usage}\n`);
    return { exit: 0 };
  }
  const problem = check(flags);
  if (problem) {
    err(problem);
    return { exit: 2 };
  }
  dotenv.config({ quiet: true });
  const overrides: ConfigOverrides = {};
  if (typeof flags.data === 'string') overrides.dataDir = flags.data;
  try {
    return { app: await createApp(loadConfig(process.env, overrides)), flags };
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      return { exit: 2 };
    }
    throw error;
  }
}
