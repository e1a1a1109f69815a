/**
 * The MCP tool list: the 48 registry actions with their strict JSON schemas and descriptions, a title, and
 * annotations derived from the registry's risk tier (never from anything the client says). Clients treat
 * `readOnlyHint: true` as "run without asking", so only `read` actions may ever carry it; the gate does not rely
 * on annotations at all: every write/destructive call becomes a change request whatever the client thinks.
 */
import type { Action } from '../../actions/define-action.js';
import { toolSpecs } from '../../actions/json-schema.js';

export const APPROVAL_STATUS_TOOL = 'clerk_approval_status';

export interface McpToolAnnotations {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export interface McpTool {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: 'object'; [key: string]: unknown };
  annotations: McpToolAnnotations;
}

/** Sub-paths whose POST sets a state rather than creating something: repeating it changes nothing more. */
const STATE_SETTING_POST = /\/(ban|unban|lock|unlock|revoke|verify)$/;

/** True when repeating the call with the same arguments has no further effect. */
export function isIdempotent(action: Action): boolean {
  if (action.risk === 'read') return true;
  if (action.method === 'PUT' || action.method === 'PATCH' || action.method === 'DELETE') return true;
  return action.method === 'POST' && STATE_SETTING_POST.test(action.path);
}

/** "clerk_org_membership_update" → "Org membership update". */
export function titleOf(action: Action): string {
  const words = action.name.replace(/^clerk_/, '').split('_');
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function annotationsOf(action: Action): McpToolAnnotations {
  return {
    title: titleOf(action),
    readOnlyHint: action.risk === 'read',
    destructiveHint: action.risk === 'destructive',
    idempotentHint: isIdempotent(action),
    // Every action talks to a Clerk instance outside this process.
    openWorldHint: true,
  };
}

/** The 48 actions as MCP tools, plus the read-only approval status tool. */
export function mcpTools(actions: readonly Action[]): McpTool[] {
  const specs = toolSpecs(actions);
  const tools = actions.map((action, i): McpTool => {
    const spec = specs[i]!;
    return {
      name: action.name,
      title: titleOf(action),
      // The approval flow is explained once, in the server instructions and in every mutating call's result,
      // not in 30 descriptions: the tool list is paid for on every model call.
      description: spec.description,
      inputSchema: spec.parameters as McpTool['inputSchema'],
      annotations: annotationsOf(action),
    };
  });
  tools.push({
    name: APPROVAL_STATUS_TOOL,
    title: 'Approval status',
    description:
      'Status of a change request this client proposed: pending, approved, executed (with the result), failed, ' +
      'denied (with the reason), expired or outcome unknown. It cannot approve anything.',
    inputSchema: {
      type: 'object',
      properties: { id: { type: 'string', description: 'The change request id, e.g. cr_…' } },
      required: ['id'],
      additionalProperties: false,
    },
    annotations: {
      title: 'Approval status',
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    },
  });
  return tools;
}
