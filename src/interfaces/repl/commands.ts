/**
 * Slash commands. Each one prints a few lines and never throws; an unknown command gets a one-line /help hint.
 */
import type { AuditEntry } from '../../agent/audit.js';
import { renderTable } from './table.js';
import type { Session } from './types.js';

/** What the loop should do after a command. */
export type CommandResult = 'continue' | 'exit';

interface Command {
  usage: string;
  summary: string;
  run(args: string[], session: Session): Promise<CommandResult | undefined | void>;
}

const commands: Record<string, Command> = {
  help: { usage: '/help', summary: 'this list', run: async (_, s) => help(s) },
  tools: { usage: '/tools [resource]', summary: 'the actions the agent can use, by resource', run: tools },
  audit: { usage: '/audit [n]', summary: 'the last n decided changes (default 10)', run: audit },
  'dry-run': { usage: '/dry-run on|off', summary: 'preview and approve changes without executing them', run: dryRun },
  model: { usage: '/model', summary: 'which model and backend this session uses', run: async (_, s) => model(s) },
  reset: {
    usage: '/reset',
    summary: 'start a new conversation (the agent forgets this one)',
    run: async (_, s) => reset(s),
  },
  sandbox: {
    usage: '/sandbox reset',
    summary: 'reseed the local sandbox with the demo data (asks first)',
    run: sandbox,
  },
  exit: { usage: '/exit', summary: 'leave (Ctrl-D works too)', run: async () => 'exit' },
};
// Aliases people type out of habit.
const aliases: Record<string, string> = { quit: 'exit', q: 'exit', '?': 'help', h: 'help' };

/** The commands list as lines (for /help and the README). */
export function commandLines(): string[] {
  const width = Math.max(...Object.values(commands).map((c) => c.usage.length));
  return Object.values(commands).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
}

/** Runs one slash command line (it starts with "/"). */
export async function runCommand(line: string, session: Session): Promise<CommandResult> {
  const [head = '', ...args] = line.trim().slice(1).split(/\s+/);
  const name = aliases[head.toLowerCase()] ?? head.toLowerCase();
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    session.out.line(`Unknown command "/${head}". Type /help for the list.`);
    return 'continue';
  }
  try {
    return (await command.run(args, session)) ?? 'continue';
  } catch (error) {
    session.out.line(
      session.out.colors.red(`/${name} failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    return 'continue';
  }
}

function help(s: Session): void {
  s.out.line('Type a request in plain words, e.g. "list banned users". Commands:');
  for (const line of commandLines()) s.out.line(line);
  s.out.line(s.out.colors.dim('Ctrl-C cancels a running request (nothing pending is executed); Ctrl-D leaves.'));
}

async function tools(args: string[], s: Session): Promise<void> {
  const resources = s.app.registry.resources();
  const wanted = args[0]?.toLowerCase();
  if (wanted !== undefined && !resources.includes(wanted)) {
    s.out.line(`No resource "${args[0]}". Choose from: ${resources.join(', ')}.`);
    return;
  }
  const actions = s.app.registry.list().filter((a) => wanted === undefined || a.resource === wanted);
  const rows = actions.map((a) => ({ action: a.name, risk: a.risk, what: a.description.split(/(?<=\.)\s/)[0] ?? '' }));
  for (const line of renderTable(rows, { width: s.out.width, maxRows: 100, columns: ['action', 'risk', 'what'] }))
    s.out.line(line);
  s.out.line(
    s.out.colors.dim(
      `${actions.length} actions${wanted ? ` for ${wanted}` : ` in ${resources.length} resources (/tools <resource> to narrow)`}. Only "read" runs without asking.`,
    ),
  );
}

async function audit(args: string[], s: Session): Promise<void> {
  const n = args[0] === undefined ? 10 : Number(args[0]);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    s.out.line('Usage: /audit [n] — n is a whole number from 1 to 1000.');
    return;
  }
  const entries: AuditEntry[] = s.app.audit.recent(n);
  if (entries.length === 0) {
    s.out.line('The audit log is empty: no change has been approved or denied yet.');
    return;
  }
  // An intent with no result: still running in another process, or its outcome is unknown (a chat stopped mid-call).
  const unknown = new Set(s.app.audit.unresolvedIntents().map((e) => e.approvalId));
  const status = (e: AuditEntry) =>
    e.status !== 'intent' ? e.status : unknown.has(e.approvalId) ? 'outcome unknown' : 'in progress';
  const rows = entries.map((e) => ({
    time: e.time,
    status: status(e),
    change: e.preview,
    approver: e.approver ?? '—',
  }));
  for (const line of renderTable(rows, {
    width: s.out.width,
    maxRows: 1000,
    columns: ['time', 'status', 'change', 'approver'],
  }))
    s.out.line(line);
}

async function dryRun(args: string[], s: Session): Promise<void> {
  const word = args[0]?.toLowerCase();
  if (word === undefined) {
    s.out.line(`Dry run is ${s.app.config.dryRun ? 'on' : 'off'}. Use /dry-run on or /dry-run off.`);
    return;
  }
  if (word !== 'on' && word !== 'off') {
    s.out.line('Usage: /dry-run on|off');
    return;
  }
  const ok = await s.setDryRun(word === 'on');
  if (!ok) s.out.line('This session cannot switch dry-run mode; restart with --dry-run instead.');
  else
    s.out.line(
      word === 'on'
        ? 'Dry run on: changes are previewed and approved but not executed.'
        : 'Dry run off: approved changes are executed.',
    );
}

function model(s: Session): void {
  const { app } = s;
  s.out.line(`model    ${app.modelName}`);
  s.out.line(`backend  ${app.backendLabel}`);
  s.out.line(
    s.out.colors.dim(
      app.config.model.kind === 'offline'
        ? 'The built-in offline model understands common requests. For an LLM set OPENAI_API_KEY (or OPENAI_BASE_URL) and restart, or pass --model.'
        : 'Change it with --model or OPENAI_MODEL and restart; --model offline uses the built-in offline model.',
    ),
  );
}

function reset(s: Session): void {
  s.resetConversation();
  s.out.line('New conversation: the agent starts fresh.');
}

async function sandbox(args: string[], s: Session): Promise<void> {
  if (args[0]?.toLowerCase() !== 'reset') {
    s.out.line('Usage: /sandbox reset');
    return;
  }
  if (!s.app.resetSandbox) {
    s.out.line(`/sandbox reset only works with the local sandbox; this session uses ${s.app.backendLabel}.`);
    return;
  }
  const answer = await s.prompter.ask('Reset the sandbox to the demo data? Every change made there is lost. [y/N] ');
  if (answer?.trim().toLowerCase() !== 'y' && answer?.trim().toLowerCase() !== 'yes') {
    s.out.line('Sandbox left as it is.');
    return;
  }
  await s.app.resetSandbox();
  s.out.line('Sandbox reset to the demo data.');
}
