/**
 * `clerk-agent mcp [--http PORT] [--data DIR]`: the 48 actions as an MCP server, with the human gate on the server.
 * stdio by default: stdout is the protocol channel, so every diagnostic goes to stderr. With `--http PORT` it
 * serves Streamable HTTP on 127.0.0.1 and prints the URL and a bearer token. Same configuration as the chat
 * (sandbox + offline model with nothing set; CLERK_SECRET_KEY for a real instance).
 */
import { openAppForCommand } from './open-app.js';

const USAGE = `Usage: clerk-agent mcp [options]

Serve the Clerk actions to MCP clients (Claude Code, Cursor, VS Code, Claude Desktop). Changes wait for a
human: approved in the client (elicitation) or with \`clerk-agent approvals approve <id>\`.

Options:
  --http PORT   serve Streamable HTTP on 127.0.0.1:PORT (0 = any free port) instead of stdio
  --data DIR    where the sandbox, audit log and approval queue live (default ./.clerk-agent)
  --help        this text`;

export async function run(argv: string[]): Promise<number> {
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const opened = await openAppForCommand<{ http?: string }>('mcp', argv, USAGE, { http: { type: 'string' } }, (f) =>
    f.http !== undefined && !validPort(f.http)
      ? `--http needs a port number from 0 to 65535 (got "${f.http}").`
      : undefined,
  );
  if ('exit' in opened) return opened.exit;
  const { app, flags } = opened;
  const port = flags.http === undefined ? undefined : Number(flags.http);

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

const validPort = (text: string) => /^\d{1,5}$/.test(text) && Number(text) <= 65535;
