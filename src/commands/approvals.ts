/**
 * `clerk-agent approvals …`: the approval queue from a terminal, so a request raised by an MCP client or a bot can
 * be decided without Slack. Decisions are made as the local terminal identity (`terminal:<user>`) under the policy.
 *
 *   approvals [list] [--all]     pending requests (id, age, requester, risk, preview)
 *   approvals show ID            the full card, rebuilt from the stored action and arguments
 *   approvals approve ID         approve (runs it here if the process that asked for it is gone)
 *   approvals deny ID [reason]   deny
 */
import dotenv from 'dotenv';
import { parseArgs } from 'node:util';
import { describeIdentity, terminalIdentity } from '../approvals/identity.js';
import type { ApprovalService } from '../approvals/service.js';
import type { ChangeRequest } from '../approvals/types.js';
import { redactDeep } from '../agent/redact.js';
import { type App, createApp } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import { renderCard } from '../interfaces/repl/card.js';
import { colorsEnabled, createColors } from '../interfaces/repl/colors.js';
import { terminalSafe } from '../interfaces/repl/output.js';
import { oneLine } from '../interfaces/repl/turn.js';

const USAGE = `Usage: clerk-agent approvals [list|show|approve|deny] … [options]

  approvals [list] [--all]       pending change requests (--all: every status)
  approvals show ID              the full card of one request
  approvals approve ID           approve as the local terminal user (under the policy)
  approvals deny ID [reason…]    deny, with an optional reason

Options:
  --data DIR   the data directory (default ./.clerk-agent, or CLERK_AGENT_DATA_DIR)
  --json       machine-readable output (list, show)
  --help       this text

The policy is clerk-agent.policy.yaml in this folder or CLERK_AGENT_POLICY (see clerk-agent policy check).`;

const err = (message: string, code: number) => {
  process.stderr.write(`clerk-agent approvals: ${message}\n`);
  return code;
};

/** Runs `clerk-agent approvals` and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return err(`${oneLine(error).replace(/\.$/, '')}. Run clerk-agent approvals --help.`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [verb = 'list', id, ...rest] = positionals;
  if (!['list', 'show', 'approve', 'deny'].includes(verb)) return err(`unknown subcommand "${verb}". ${USAGE}`, 2);
  if (verb !== 'list' && !id) return err(`${verb} needs a request id (see clerk-agent approvals).`, 2);

  dotenv.config({ quiet: true });
  let app: App;
  try {
    app = await createApp(loadConfig(process.env, values.data ? { dataDir: values.data } : {}));
  } catch (error) {
    if (error instanceof ConfigError) return err(error.message, 2);
    return err(`could not start: ${oneLine(error)}`, 1);
  }
  const write = (line = '') => process.stdout.write(`${terminalSafe(line)}\n`);
  try {
    const service = app.approvals;
    const me = terminalIdentity(app.config.requester);
    switch (verb) {
      case 'list':
        return await list(service, values.all === true, values.json === true, write);
      case 'show':
        return await show(service, id!, values.json === true, write);
      default: {
        const reason = rest.join(' ').trim();
        const result = await service.decide(id!, { approve: verb === 'approve', ...(reason ? { reason } : {}) }, me);
        if (!result.ok) return err(result.message, 1);
        write(`${result.request.id}: ${service.statusText(result.request)}`);
        if (!result.ready) return 0;
        const executed = await service.executeIfOrphaned(result.request.id);
        if (executed.ok) {
          for (const r of executed.requests) write(`${r.id}: ${service.statusText(r)}`);
          if (executed.outcome.status === 'done') write(executed.outcome.summary.line);
          if (executed.outcome.status === 'error') write(executed.outcome.error);
        } else if (executed.code === 'busy') {
          write(executed.message);
        } else if (executed.code !== 'finished' && executed.code !== 'not_approved') {
          return err(executed.message, 1);
        }
        return 0;
      }
    }
  } catch (error) {
    return err(oneLine(error), 1);
  } finally {
    await app.close();
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      data: { type: 'string' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function list(
  service: ApprovalService,
  all: boolean,
  json: boolean,
  write: (line?: string) => void,
): Promise<number> {
  const requests = await service.list(all ? {} : { status: ['pending', 'approved', 'executing'] });
  if (json) {
    write(JSON.stringify(requests.map((r) => redactDeep(summary(service, r)))));
    return 0;
  }
  if (requests.length === 0) {
    write(all ? 'No change requests.' : 'No pending change requests.');
    return 0;
  }
  const now = Date.now();
  for (const r of requests) {
    const row = [
      r.id,
      age(now - Date.parse(r.createdAt)).padStart(4),
      describeIdentity(r.requester).padEnd(24),
      r.risk === 'destructive' ? 'DESTRUCTIVE' : 'write      ',
      r.status.padEnd(9),
      r.preview.text,
    ];
    write(row.join('  '));
  }
  return 0;
}

async function show(service: ApprovalService, id: string, json: boolean, write: (line?: string) => void) {
  const card = await service.card(id);
  if (!card) return err(`no change request ${id} (or its record fails its signature check).`, 1);
  if (json) {
    write(JSON.stringify(redactDeep({ ...summary(service, card.request), card: card.call.preview })));
    return 0;
  }
  const colors = createColors(colorsEnabled(process.stdout, process.env));
  for (const line of renderCard(card.call, 0, 1, colors, process.stdout.columns ?? 100)) write(line);
  const r = card.request;
  write(`request    ${r.id} (${r.runId ? `run ${r.runId}` : 'standalone'}, conversation ${r.conversationId})`);
  write(`requester  ${describeIdentity(r.requester)}`);
  write(`created    ${r.createdAt}; expires ${r.expiresAt}`);
  write(
    `approvals  ${r.approvals.length} of ${card.approvalsNeeded}${r.approvals.length ? `: ${r.approvals.map((a) => `${describeIdentity(a.by)} at ${a.at}`).join(', ')}` : ''}`,
  );
  write(`status     ${card.status}`);
  write(`digest     ${r.argsDigest}`);
  return 0;
}

function summary(service: ApprovalService, r: ChangeRequest) {
  return {
    id: r.id,
    status: r.status,
    statusText: service.statusText(r),
    risk: r.risk,
    action: r.action,
    args: r.args,
    requester: r.requester,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    approvals: r.approvals,
    preview: r.preview.text,
    result: r.result,
  };
}

function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.round(s / 60)}m`;
  if (s < 86_400) return `${Math.round(s / 3600)}h`;
  return `${Math.round(s / 86_400)}d`;
}
