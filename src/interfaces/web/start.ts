/**
 * Serves the console for an App on 127.0.0.1 with @hono/node-server. Returns the printed URL (with the access
 * token) and a close function that stops the server, the live-update timers and the hub.
 */
import { serve } from '@hono/node-server';
import type { App } from '../../app.js';
import { createConsoleHub } from './console-hub.js';
import { createSecrets } from './security.js';
import { createWebApp } from './server.js';

export interface WebHandle {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The console for an App as a fetch handler (what `startWeb` serves and what tests call in-process). */
export function createConsole(app: App, options: { token?: string; tickMs?: number } = {}) {
  const hub = createConsoleHub({
    agent: app.agent,
    approvals: app.approvals,
    ...(options.tickMs !== undefined ? { tickMs: options.tickMs } : {}),
  });
  const secrets = createSecrets(options.token);
  const web = createWebApp({
    hub,
    secrets,
    policy: app.approvals.policy,
    requester: app.config.requester,
    audit: app.audit,
    info: { backend: app.backendLabel, model: app.modelName, live: app.live },
  });
  return { hub, secrets, web };
}

export async function startWeb(
  app: App,
  options: { port: number; token?: string; tickMs?: number },
): Promise<WebHandle> {
  const { hub, secrets, web } = createConsole(app, {
    tickMs: options.tickMs ?? 1_000,
    ...(options.token !== undefined ? { token: options.token } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: web.fetch, port: options.port, hostname: '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/?token=${secrets.token}`,
    port,
    async close() {
      hub.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    },
  };
}
