/**
 * `clerk-agent web [--port N] [--data DIR]`: the team flow in a browser — chat, approvals inbox, audit — on
 * 127.0.0.1. Same configuration as the chat (sandbox + offline model with nothing set). Prints the URL with a
 * random access token; keep it to yourself (anyone with it can act as the people the policy lists).
 */
import dotenv from 'dotenv';
import { parseArgs } from 'node:util';
import { createApp } from '../app.js';
import { ConfigError, loadConfig, type ConfigOverrides } from '../config.js';

const DEFAULT_PORT = 4780;

const USAGE = `Usage: clerk-agent web [options]

Open the web console: chat with the agent, approve or deny changes from every front end, read the audit.

Options:
  --port N     port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 = any free port)
  --data DIR   where the sandbox, audit log and approval queue live (default ./.clerk-agent)
  --help       this text`;

export async function run(argv: string[]): Promise<number> {
  const err = (line: string) => process.stderr.write(`${line}\n`);
  let values: { port?: string; data?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { port: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    err(`clerk-agent web: ${(error as Error).message}. See clerk-agent web --help.`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    err(`clerk-agent web: --port needs a number from 0 to 65535 (got "${values.port}").`);
    return 2;
  }
  dotenv.config({ quiet: true });
  const overrides: ConfigOverrides = {};
  if (values.data !== undefined) overrides.dataDir = values.data;
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp(loadConfig(process.env, overrides));
  } catch (error) {
    if (error instanceof ConfigError) {
      err(`clerk-agent web: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const { startWeb } = await import('../interfaces/web/start.js');
  let handle: Awaited<ReturnType<typeof startWeb>>;
  try {
    handle = await startWeb(app, { port });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    err(
      code === 'EADDRINUSE'
        ? `clerk-agent web: port ${port} is in use. Try --port 0 (any free port) or another number.`
        : `clerk-agent web: could not start: ${(error as Error).message}`,
    );
    return 1;
  }
  process.stdout.write(
    `clerk-agent web · ${app.backendLabel} · ${app.modelName}\nOpen ${handle.url}\nCtrl-C stops it.\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await handle.close();
  await app.close();
  return 0;
}
