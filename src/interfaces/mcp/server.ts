/**
 * The MCP front end: the 48 actions for MCP clients (Claude Code, Cursor, VS Code…) with the human gate kept on
 * the server. Reads run at once and return the agent's compact projections. A mutating call never executes on the
 * model's word: it becomes a change request in the approval queue; a human approves it through elicitation (when
 * the client declared it and the policy lets the local user approve that tier) or out of band (`clerk-agent
 * approvals approve <id>`, Slack, the web console). No argument, token or tool lets the client approve its own
 * change: elicitation answers go to the server's own request, and `clerk_approval_status` only reads.
 *
 * Only this folder imports the MCP SDK.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, type CallToolResult, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Action } from '../../actions/define-action.js';
import { parseToolArguments } from '../../actions/parse-args.js';
import type { Registry } from '../../actions/registry.js';
import type { ClerkReader } from '../../agent/clerk-reader.js';
import { compact } from '../../agent/compact.js';
import { redact, redactDeep } from '../../util/secrets.js';
import type { Identity } from '../../approvals/types.js';
import { APPROVAL_STATUS_TOOL, mcpTools } from './tools.js';

/** What the MCP front end needs from the approval queue (adapted from the approval service in app wiring). */
export interface McpApprovalPort {
  /** Raises a change request for one call; returns its id, digest and the card text rebuilt from action+args. */
  propose(input: {
    action: Action;
    args: Record<string, unknown>;
    requester: Identity;
    conversationId: string;
  }): Promise<{ id: string; argsDigest: string; card: string; risk: 'write' | 'destructive' }>;
  /** Approves as `approver` under the policy and, once ready, executes; a refusal says why. */
  approve(
    id: string,
    argsDigest: string,
    approver: Identity,
  ): Promise<{ ok: true; text: string } | { ok: false; text: string }>;
  deny(id: string, reason: string, by: Identity): Promise<void>;
  /** Status text of a request raised by `requester`; unknown or someone else's → "unknown change request". */
  status(id: string, requester: Identity): Promise<string>;
}

export interface McpServerDeps {
  registry: Registry;
  reader: ClerkReader;
  approvals: McpApprovalPort;
  /** The human at this machine: whose elicitation answers count (the policy decides for which tiers). */
  localUser: Identity;
  /** How long to wait for an elicitation answer before the request is denied (default 10 min). */
  elicitTimeoutMs?: number;
  exposePrivateMetadata?: boolean;
  /** Server instructions for the client's model. */
  version?: string;
  /** Diagnostics (stderr on stdio: stdout is the protocol). */
  log?: (line: string) => void;
}

export const SERVER_INSTRUCTIONS =
  'Administers a Clerk instance. Read tools run at once. Every tool that changes something (create, update, ban, ' +
  'delete…) is held for a human: if your client supports elicitation the human is asked right away; otherwise the ' +
  'tool answers "pending approval <id>" and a person approves it in Slack, the web console or with ' +
  '`clerk-agent approvals approve <id>`. Check the outcome with clerk_approval_status. Never tell the user a ' +
  'change was made unless a tool result says it was executed.';

const MAX_ARGUMENT_CHARS = 200_000;

export function createMcpServer(deps: McpServerDeps): Server {
  const actions = deps.registry.list();
  const tools = mcpTools(actions);
  const server = new Server(
    { name: 'clerk-admin-agent', version: deps.version ?? '0.1.0' },
    { capabilities: { tools: {} }, instructions: SERVER_INSTRUCTIONS },
  );
  const conversationId = `mcp-${Math.random().toString(36).slice(2, 10)}`;

  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const name = request.params.name;
    const rawArgs = request.params.arguments ?? {};
    try {
      if (name === APPROVAL_STATUS_TOOL) {
        const id = typeof rawArgs.id === 'string' ? rawArgs.id.slice(0, 100) : '';
        return text(await deps.approvals.status(id, requesterOf(server)));
      }
      const action = deps.registry.get(name);
      if (!action) return failure(`Unknown tool "${clip(name)}".`);
      const json = JSON.stringify(rawArgs);
      if (json.length > MAX_ARGUMENT_CHARS) return failure(`Arguments too large (${json.length} characters).`);
      const parsed = parseToolArguments(action, json);
      if (!parsed.ok) return failure(parsed.message);
      if (action.risk === 'read') return await runRead(deps, action, parsed.args, extra.signal);
      return await proposeChange(deps, server, action, parsed.args, conversationId, extra.signal);
    } catch (error) {
      deps.log?.(`mcp: ${name} failed: ${redact((error as Error).message)}`);
      return failure(redact((error as Error).message || 'internal error'));
    }
  });
  return server;
}

async function runRead(
  deps: McpServerDeps,
  action: Action,
  args: Record<string, unknown>,
  signal: AbortSignal,
): Promise<CallToolResult> {
  const value = await deps.reader.read(action, args, signal);
  const options: Parameters<typeof compact>[1] = { exposePrivateMetadata: deps.exposePrivateMetadata ?? false };
  if (typeof args.offset === 'number') options.offset = args.offset;
  if (typeof args.limit === 'number') options.limit = args.limit;
  return text(JSON.stringify(redactDeep(compact(value, options))));
}

async function proposeChange(
  deps: McpServerDeps,
  server: Server,
  action: Action,
  args: Record<string, unknown>,
  conversationId: string,
  signal: AbortSignal,
): Promise<CallToolResult> {
  const requester = requesterOf(server);
  const proposal = await deps.approvals.propose({ action, args, requester, conversationId });
  const pendingText =
    `pending approval ${proposal.id}: ${proposal.card}\nNothing has changed yet. An approver must approve it in ` +
    `Slack, the web console or with \`clerk-agent approvals approve ${proposal.id}\`; check it with ` +
    `${APPROVAL_STATUS_TOOL}.`;
  if (!server.getClientCapabilities()?.elicitation) return text(pendingText);

  let answer: { action: string; content?: Record<string, unknown> };
  try {
    answer = await server.elicitInput(
      {
        message: `Approve this change? (${proposal.risk})\n\n${proposal.card}`,
        requestedSchema: {
          type: 'object',
          properties: {
            approve: {
              type: 'boolean',
              title: 'Approve',
              description: 'Yes to make this change in Clerk, no to refuse it.',
            },
          },
          required: ['approve'],
        },
      },
      { timeout: deps.elicitTimeoutMs ?? 600_000, signal },
    );
  } catch (error) {
    // No answer (timeout, client error, cancelled call): a no, never a yes.
    const why = `no answer in the MCP client (${clip((error as Error).message)})`;
    await deps.approvals.deny(proposal.id, why, deps.localUser);
    return text(`Not done: ${why}. Change request ${proposal.id} was denied; nothing changed.`);
  }
  if (answer.action !== 'accept' || answer.content?.approve !== true) {
    const why = answer.action === 'accept' ? 'the human answered no' : `the human chose ${answer.action}`;
    await deps.approvals.deny(proposal.id, `${why} in the MCP client`, deps.localUser);
    return text(`Not done: ${why}. Change request ${proposal.id} was denied; nothing changed.`);
  }
  const outcome = await deps.approvals.approve(proposal.id, proposal.argsDigest, deps.localUser);
  if (!outcome.ok) {
    return text(`${outcome.text}\n${pendingText}`);
  }
  return text(outcome.text);
}

/** The client's identity as the queue records it: `mcp:<client name>`. */
function requesterOf(server: Server): Identity {
  const info = server.getClientVersion();
  const name = clip(info?.name?.trim() || 'unknown-client');
  return { via: 'mcp', id: name, name };
}

function text(body: string): CallToolResult {
  return { content: [{ type: 'text', text: redact(body) }] };
}

function failure(message: string): CallToolResult {
  return { content: [{ type: 'text', text: redact(message) }], isError: true };
}

const clip = (value: string) => (value.length > 64 ? `${value.slice(0, 63)}…` : value);
