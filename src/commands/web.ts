/**
 * `clerk-agent web [--port N] [--data DIR]`: the team flow in a browser — chat, approvals inbox, audit — on
 * 127.0.0.1. Same configuration as the chat (sandbox + offline model with nothing set). Prints the URL with a
 * random access token; keep it to yourself (anyone with it can act as the people the policy lists).
 */
import { openAppForCommand } from './open-app.js';

const DEFAULT_PORT = 4780;

const USAGE = `Usage: clerk-agent web [options]

Open the web console: chat with the agent, approve or deny changes from every front end, read the audit.

Options:
  --port N     port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 = any free port)
  --data DIR   where the sandbox, audit log and approval queue live (default ./.clerk-agent)
  --help       this text`;

export async function run(argv: string[]): Promise<number> {
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const opened = await openAppForCommand<{ port?: string }>('web', argv, USAGE, { port: { type: 'string' } }, (f) =>
    f.port !== undefined && !(/^\d{1,5}$/.test(f.port) && Number(f.port) <= 65535)
      ? `--port needs a number from 0 to 65535 (got "${f.port}").`
      : undefined,
  );
  if ('exit' in opened) return opened.exit;
  const { app, flags } = opened;
  const port = flags.port === undefined ? DEFAULT_PORT : Number(flags.port);
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
