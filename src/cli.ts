/**
 * One entry point: `clerk-agent [chat|sandbox|tools|eval|bench|help] …`.
 * Each command lives in src/commands/<name>.ts and is imported lazily, so `chat` never pays for eval or bench code.
 */
import { pathToFileURL } from 'node:url';

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  chat: { summary: 'talk to the agent (default)', load: async () => (await import('./commands/chat.js')).run },
  sandbox: {
    summary: 'serve the local Clerk sandbox on 127.0.0.1',
    load: async () => (await import('./commands/sandbox.js')).run,
  },
  tools: {
    summary: 'list the 48 actions (--json, --tokens)',
    load: async () => (await import('./commands/tools.js')).run,
  },
  eval: { summary: 'run the eval suite', load: async () => (await import('./commands/eval.js')).run },
  bench: { summary: 'print benchmark figures', load: async () => (await import('./commands/bench.js')).run },
  doctor: {
    summary: 'check the configuration end to end (Clerk, model, tool calling)',
    load: async () => (await import('./commands/doctor.js')).run,
  },
  web: {
    summary: 'open the web console (chat, approvals inbox, audit) on 127.0.0.1',
    load: async () => (await import('./commands/web.js')).run,
  },
  approvals: {
    summary: 'list, show, approve or deny change requests',
    load: async () => (await import('./commands/approvals.js')).run,
  },
  policy: { summary: 'check the approval policy file', load: async () => (await import('./commands/policy.js')).run },
  mcp: {
    summary: 'serve the actions to MCP clients (stdio, or --http PORT)',
    load: async () => (await import('./commands/mcp.js')).run,
  },
  slack: { summary: 'run the Slack bot (approval cards)', load: async () => (await import('./commands/slack.js')).run },
};

/** Usage text for `clerk-agent help`. */
export function usage(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return [
    'Usage: clerk-agent <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run `clerk-agent <command> --help` for options.',
  ].join('\n');
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === 'help' || first === '--help' || first === '-h') {
    process.stdout.write(usage() + '\n');
    return 0;
  }
  // No command, or a request as the first word (`clerk-agent "list banned users"`), means chat.
  const name = first === undefined || !(first in commands) ? 'chat' : first;
  if (
    first !== undefined &&
    !(first in commands) &&
    first.startsWith('-') === false &&
    /^[a-z]+$/.test(first) &&
    argv.length === 1
  ) {
    process.stderr.write(`clerk-agent: unknown command "${first}".\n${usage()}\n`);
    return 2;
  }
  const args = name === first ? rest : argv;
  const command = await commands[name]!.load();
  return command(args);
}

// Run when executed directly (`tsx src/cli.ts …`, `node dist/src/cli.js …`); bin/clerk-agent.js imports main().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`clerk-agent: ${(error as Error)?.message ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
