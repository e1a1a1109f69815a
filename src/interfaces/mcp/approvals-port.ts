/**
 * Adapts the approval service to what the MCP front end needs. Every answer here is built from the queue's
 * verified records and the card the service rebuilds from the registry, never from the client's words.
 */
import type { PendingCall } from '../../agent/types.js';
import { sameIdentity } from '../../approvals/identity.js';
import type { ApprovalService } from '../../approvals/service.js';
import type { ChangeRequest } from '../../approvals/types.js';
import type { McpApprovalPort } from './server.js';

export function createMcpApprovalPort(service: ApprovalService): McpApprovalPort {
  return {
    async propose({ action, args, requester, conversationId }) {
      const request = await service.submitCall({ action: action.name, args, requester, conversationId });
      const card = await service.card(request.id);
      return {
        id: request.id,
        argsDigest: request.argsDigest,
        card: cardText(card?.call ?? null, request),
        risk: request.risk,
      };
    },

    async approve(id, argsDigest, approver) {
      const decided = await service.decide(id, { approve: true, argsDigest }, approver);
      if (!decided.ok) return { ok: false, text: `Your approval did not count: ${decided.message}` };
      if (!decided.ready) {
        const card = await service.card(id);
        return { ok: false, text: `Approved by you; ${card?.status ?? 'it needs more approvals before it runs'}.` };
      }
      const result = await service.execute(id);
      if (!result.ok) {
        const latest = await service.get(id);
        return { ok: true, text: latest ? `Change request ${id}: ${service.statusText(latest)}.` : result.message };
      }
      const mine = result.requests.find((r) => r.id === id);
      return { ok: true, text: mine ? resultLine(service, mine) : `Change request ${id}: ${result.outcome.status}.` };
    },

    async deny(id, reason, by) {
      await service.decide(id, { approve: false, reason }, by);
    },

    async status(id, requester) {
      const request = id ? await service.get(id) : undefined;
      // Only the client that proposed a request may see it: ids are not secrets, and the card quotes Clerk data.
      if (!request || !sameIdentity(request.requester, requester)) {
        return `unknown change request "${id.slice(0, 40)}": ids look like cr_… and only requests this client proposed are shown.`;
      }
      return resultLine(service, request);
    },
  };
}

function resultLine(service: ApprovalService, request: ChangeRequest): string {
  return `Change request ${request.id} (${request.preview.text}): ${service.statusText(request)}.`;
}

/** The card as plain text: what, the exact requests, the diff, the consequences. */
export function cardText(call: PendingCall | null, request: ChangeRequest): string {
  const preview = call?.preview ?? request.preview;
  const lines = [`${preview.text}`];
  for (const r of preview.requests ?? [{ method: preview.method, path: preview.path }]) {
    lines.push(`  ${r.method} ${r.path}`);
  }
  for (const change of preview.diff ?? []) {
    lines.push(`  ${change.field}: ${show(change.before)} → ${show(change.after)}`);
  }
  for (const consequence of preview.consequences ?? []) lines.push(`  ! ${consequence}`);
  if (request.live) lines.push('  LIVE instance: this changes real users.');
  return lines.join('\n');
}

function show(value: unknown): string {
  if (value === undefined) return '(unset)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
