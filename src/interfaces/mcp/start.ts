/**
 * Starts the MCP front end for an App: stdio (default) or Streamable HTTP, with the approval queue polled so a
 * change approved elsewhere (`clerk-agent approvals approve`, Slack, web) executes here, once.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createClerkReader } from '../../agent/clerk-reader.js';
import { terminalIdentity } from '../../approvals/identity.js';
import type { App } from '../../app.js';
import { createMcpApprovalPort } from './approvals-port.js';
import { serveMcpHttp } from './http.js';
import { createMcpServer, type McpServerDeps } from './server.js';

export interface McpHandle {
  /** Set for HTTP. */
  url?: string;
  token?: string;
  /** Resolves when the client disconnects (stdio) or on a signal. */
  closed: Promise<void>;
  close(): Promise<void>;
}

export function mcpDeps(app: App, log?: (line: string) => void): McpServerDeps {
  return {
    registry: app.registry,
    reader: createClerkReader(app.clerk),
    approvals: createMcpApprovalPort(app.approvals),
    localUser: terminalIdentity(app.config.requester),
    exposePrivateMetadata: app.config.exposePrivateMetadata,
    ...(log ? { log } : {}),
  };
}

export async function startMcp(
  app: App,
  options: { httpPort?: number; log?: (line: string) => void },
): Promise<McpHandle> {
  const deps = mcpDeps(app, options.log);
  const stopPolling = app.approvals.startPolling();
  let finish!: () => void;
  const closed = new Promise<void>((resolve) => {
    finish = resolve;
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => finish());

  if (options.httpPort !== undefined) {
    const http = await serveMcpHttp({
      port: options.httpPort,
      createSession: () => createMcpServer(deps),
      ...(options.log ? { log: options.log } : {}),
    });
    const close = async () => {
      stopPolling();
      await http.close();
      finish();
    };
    closed.then(close, close);
    return { url: http.url, token: http.token, closed, close };
  }

  const server = createMcpServer(deps);
  const transport = new StdioServerTransport();
  transport.onclose = () => finish();
  process.stdin.once('end', () => finish());
  await server.connect(transport);
  const close = async () => {
    stopPolling();
    await server.close().catch(() => {});
    finish();
  };
  closed.then(close, close);
  return { closed, close };
}
