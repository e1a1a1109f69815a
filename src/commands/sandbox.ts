/**
 * `clerk-agent sandbox [--port N] [--data DIR] [--reset]`: serve the local Clerk sandbox on 127.0.0.1 and print
 * how to point the agent (or any Clerk client) at it. State persists in the data directory (default
 * `<CLERK_AGENT_DATA_DIR or .clerk-agent>/sandbox`); `--reset` reseeds the demo data. Ctrl-C stops cleanly.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { openSandbox, SandboxBusyError, SandboxStateError, serveSandbox } from '../sandbox/index.js';

const DEFAULT_PORT = 4010;

const HELP = `Usage: clerk-agent sandbox [--port N] [--data DIR] [--reset]

Serve a local emulator of the Clerk Backend API (version 2026-05-12) on 127.0.0.1,
seeded with demo data (60 users, 6 organizations, invitations, sessions, ...).

Options:
  --port N     port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
  --data DIR   where the sandbox keeps its state (default .clerk-agent/sandbox,
               or $CLERK_AGENT_DATA_DIR/sandbox)
  --reset      discard the saved state and start again from the demo data
               (refused while another process owns the folder)
  -h, --help   show this help

One process owns a sandbox folder (DIR/owner.lock). If a chat or another sandbox
already runs on DIR, this one serves that process's sandbox (shared, not a copy).
`;

/** Where the command writes, and an optional stop signal (tests). */
export interface SandboxCommandIo {
  out(text: string): void;
  err(text: string): void;
  /** Stops the server like Ctrl-C does. */
  signal?: AbortSignal;
}

const processIo: SandboxCommandIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

interface Flags {
  port: number;
  data: string | undefined;
  reset: boolean;
  help: boolean;
}

/** Parse flags; returns an error message for anything it does not understand. */
export function parseSandboxFlags(argv: string[]): Flags | string {
  const flags: Flags = { port: DEFAULT_PORT, data: undefined, reset: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (name === '-h' || name === '--help') flags.help = true;
    else if (name === '--reset' && inline === undefined) flags.reset = true;
    else if (name === '--port') {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v) || Number(v) > 65535)
        return `--port needs a whole number from 0 to 65535 (got ${v === undefined ? 'nothing' : `"${v}"`}).`;
      flags.port = Number(v);
    } else if (name === '--data') {
      const v = value();
      if (v === undefined || v.trim() === '' || v.startsWith('--'))
        return '--data needs a directory, e.g. --data ./sandbox-data';
      flags.data = v;
    } else return `unknown option "${arg}".`;
  }
  return flags;
}

function dataDirFor(flags: Flags): string {
  if (flags.data !== undefined) return path.resolve(flags.data);
  return path.join(loadConfig(process.env).dataDir, 'sandbox');
}

function banner(url: string, key: string, file: string, how: string): string {
  const origin = url.replace(/\/v1$/, '');
  return [
    `Clerk sandbox (Backend API 2026-05-12 emulator) listening on ${url}`,
    `  state:       ${file} (${how})`,
    `  secret key:  ${key}  (sandbox-only test key; any sk_test_… key is accepted)`,
    '',
    'Point the agent at it:',
    `  CLERK_API_URL=${url} CLERK_SECRET_KEY=${key} clerk-agent chat`,
    'Or the official SDK:',
    `  createClerkClient({ secretKey: '${key}', apiUrl: '${origin}' })`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

/** Wait for Ctrl-C, SIGTERM or the io signal. */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done);
  });
}

/** Run the command; resolves with the exit code once the server has stopped. */
export async function run(argv: string[], io: SandboxCommandIo = processIo): Promise<number> {
  const flags = parseSandboxFlags(argv);
  if (typeof flags === 'string') {
    io.err(`clerk-agent sandbox: ${flags}\nRun \`clerk-agent sandbox --help\` for options.\n`);
    return 2;
  }
  if (flags.help) {
    io.out(HELP);
    return 0;
  }
  let dataDir: string;
  try {
    dataDir = dataDirFor(flags);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(`clerk-agent sandbox: ${err.message}\n(or pass --data DIR)\n`);
      return 2;
    }
    throw err;
  }
  const stateFile = dataDir;
  const existed = existsSync(path.join(dataDir, 'snapshot.ndjson')) || existsSync(path.join(dataDir, 'state.json'));
  let sandbox;
  let sharedWith;
  try {
    ({ sandbox, sharedWith } = await openSandbox({ dataDir, reset: flags.reset, owner: 'clerk-agent sandbox' }));
  } catch (err) {
    if (err instanceof SandboxStateError || err instanceof SandboxBusyError) {
      io.err(`clerk-agent sandbox: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  let server;
  try {
    server = await serveSandbox(sandbox, { port: flags.port });
  } catch (err) {
    await sandbox.close();
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? `port ${flags.port} is already in use`
        : code === 'EACCES'
          ? `port ${flags.port} needs more privileges`
          : (err as Error).message;
    io.err(
      `clerk-agent sandbox: cannot listen on 127.0.0.1:${flags.port}: ${why}. Pass --port N (0 picks a free port).\n`,
    );
    return 1;
  }
  const how = sharedWith
    ? `shared with pid ${sharedWith.pid} (${sharedWith.command}), which owns it`
    : flags.reset
      ? 'reset to the demo data'
      : existed
        ? 'loaded from the last run'
        : 'new, seeded with the demo data';
  io.out(
    banner(
      server.url,
      sandbox.secretKey,
      stateFile,
      sharedWith ? how : `${how}; every change is journaled before it is answered`,
    ),
  );
  await untilStopped(io.signal);
  await server.close();
  await sandbox.close();
  io.out(`\nSandbox stopped. State is in ${stateFile}.\n`);
  return 0;
}
