/**
 * `clerk-agent tools [resource] [--json] [--tokens] [--help]`: shows the action registry as the model sees it.
 * tiktoken (~0.4 s, ~100 MB) is loaded only for --tokens.
 */
import { allActions } from '../actions/index.js';
import type { Action } from '../actions/define-action.js';
import { toolSpecs } from '../actions/json-schema.js';
import { toOpenAITools, type OpenAIFunctionTool } from '../llm/openai-tools.js';

/** Where command output goes (tests inject one; default: process streams). */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

const processIO: CommandIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

const USAGE = `Usage: clerk-agent tools [resource] [--json] [--tokens]

Lists the actions the agent can call (name, risk, HTTP method, path).
  resource   only one group: RESOURCES
  --json     print the exact OpenAI tool list sent to the model (strict function schemas)
  --tokens   count tokens (o200k_base) of that JSON, in total and per tool
  --help     show this help
`;

/** Runs the command; returns the exit code (2 for usage errors). */
export async function run(argv: string[], io: CommandIO = processIO): Promise<number> {
  const resources = [...new Set(allActions.map((a) => a.resource))];
  const usage = USAGE.replace('RESOURCES', resources.join(', '));
  let json = false;
  let tokens = false;
  const positional: string[] = [];
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      io.out(usage);
      return 0;
    } else if (arg === '--json') json = true;
    else if (arg === '--tokens') tokens = true;
    else if (arg.startsWith('-')) {
      io.err(`clerk-agent tools: unknown option "${arg}". Options: --json, --tokens, --help.\n`);
      return 2;
    } else positional.push(arg);
  }
  if (positional.length > 1) {
    io.err(`clerk-agent tools: expected at most one resource, got ${positional.map((p) => `"${p}"`).join(', ')}.\n`);
    return 2;
  }
  let actions: readonly Action[] = allActions;
  const wanted = positional[0];
  if (wanted !== undefined) {
    const resource = wanted.toLowerCase().replace(/_/g, '-');
    if (!resources.includes(resource)) {
      io.err(`clerk-agent tools: unknown resource "${wanted}". Choose from: ${resources.join(', ')}.\n`);
      return 2;
    }
    actions = allActions.filter((a) => a.resource === resource);
  }

  const tools = toOpenAITools(toolSpecs(actions));
  if (tokens) {
    const { countTokens } = await import('../util/tokens.js');
    io.out(json ? JSON.stringify(tokenReport(tools, countTokens), null, 2) + '\n' : tokenTable(tools, countTokens));
  } else if (json) {
    io.out(JSON.stringify(tools, null, 2) + '\n');
  } else {
    io.out(actionTable(actions));
  }
  return 0;
}

/** Token figures for a tool list: the whole JSON, and each tool's own JSON. */
function tokenReport(tools: OpenAIFunctionTool[], count: (text: string) => number) {
  const total = count(JSON.stringify(tools));
  const perTool = tools.map((t) => ({ name: t.function.name, tokens: count(JSON.stringify(t)) }));
  return {
    encoding: 'o200k_base',
    tools: tools.length,
    total,
    average: tools.length ? Math.round((total / tools.length) * 10) / 10 : 0,
    perTool,
  };
}

function tokenTable(tools: OpenAIFunctionTool[], count: (text: string) => number): string {
  const report = tokenReport(tools, count);
  const width = Math.max(4, ...report.perTool.map((t) => t.name.length));
  const rows = report.perTool.map((t) => `${t.name.padEnd(width)}  ${String(t.tokens).padStart(5)}`);
  return [
    `${'tool'.padEnd(width)}  ${'tokens'.padStart(5)}`,
    ...rows,
    '',
    `total: ${report.total.toLocaleString('en-US')} tokens for ${report.tools} tools (JSON of the OpenAI tool list, o200k_base); average ${report.average} per tool`,
    '',
  ].join('\n');
}

function actionTable(actions: readonly Action[]): string {
  const headers = ['name', 'risk', 'method', 'path'] as const;
  const rows = actions.map((a) => [
    a.name,
    a.risk,
    a.method,
    a.path + (a.execution?.kind === 'pick_from_list' ? ' (pick one)' : ''),
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const counts = (['read', 'write', 'destructive'] as const)
    .map((r) => `${actions.filter((a) => a.risk === r).length} ${r}`)
    .join(', ');
  return [
    line(headers),
    ...rows.map(line),
    '',
    `${actions.length} actions (${counts}). write/destructive calls always ask before running.`,
    '',
  ].join('\n');
}
