/**
 * `clerk-agent mcp [--http PORT] [--data DIR]`: the 48 actions as an MCP server, with the human gate on the server.
 * stdio by default: stdout is the protocol channel, so every diagnostic goes to stderr. With `--http PORT` it
 * serves Streamable HTTP on 127.0.0.1 and prints the URL and a bearer token. Same configuration as the chat
 * (sandbox + offline model with nothing set; CLERK_SECRET_KEY for a real instance).
 */
import dotenv from 'dotenv';
import { parseArgs } from 'node:util';
import { createApp } from '../app.js';
import { ConfigError, loadConfig, type ConfigOverrides } from '../config.js';

const USAGE = `Usage: clerk-agent mcp [options]

Serve the Clerk actions to MCP clients (Claude Code, Cursor, VS Code, Claude Desktop). Changes wait for a
human: approved in the client (elicitation) or with \`clerk-agent approvals approve <id>\`.

Options:
  --http PORT   serve Streamable HTTP on 127.0.0.1:PORT (0 = any free port) instead of stdio
  --data DIR    where the sandbox, audit log and approval queue live (default ./.clerk-agent)
  --help        this text`;

export async function run(argv: string[]): Promise<number> {
  const err = (line: string) => process.stderr.write(`${line}\n`);
  let values: { http?: string; data?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { http: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    err(`clerk-agent mcp: ${(error as Error).message}. See clerk-agent mcp --help.`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let port: number | undefined;
  if (values.http !== undefined) {
    port = Number(values.http);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      err(`clerk-agent mcp: --http needs a port number from 0 to 65535 (got "${values.http}").`);
      return 2;
    }
  }

  dotenv.config({ quiet: true });
  const overrides: ConfigOverrides = {};
  if (values.data !== undefined) overrides.dataDir = values.data;
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp(loadConfig(process.env, overrides));
  } catch (error) {
    if (error instanceof ConfigError) {
      err(`clerk-agent mcp: ${error.message}`);
      return 2;
    }
    throw error;
  }

  const { startMcp } = await import('../interfaces/mcp/start.js');
  const handle = await startMcp(app, { ...(port !== undefined ? { httpPort: port } : {}), log: err });
  if (handle.url) {
    err(`clerk-agent mcp: serving ${handle.url} (${app.backendLabel})`);
    err(`Authorization: Bearer ${handle.token}`);
  } else {
    err(`clerk-agent mcp: ready on stdio (${app.backendLabel}). Changes wait for a human approval.`);
  }
  await handle.closed;
  await app.close();
  return 0;
}
