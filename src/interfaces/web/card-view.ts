/**
 * The approval card as JSON for the page: the same content as the terminal card (risk tier, what, the exact
 * requests, the diff, the consequences), built from the queue's card, which is rebuilt from the registry and the
 * stored action + arguments. The page renders every field with textContent: Clerk data stays text.
 */
import type { ApprovalCard } from '../../approvals/service.js';
import { describeIdentity } from '../../approvals/identity.js';

export interface CardView {
  id: string;
  conversationId: string;
  status: string;
  statusText: string;
  risk: 'write' | 'destructive';
  live: boolean;
  text: string;
  requests: Array<{ method: string; path: string }>;
  diff: Array<{ field: string; before: string; after: string }>;
  consequences: string[];
  requester: string;
  approvals: string[];
  approvalsNeeded: number;
  createdAt: string;
  expiresAt: string;
  argsDigest: string;
  action: string;
}

const show = (value: unknown) => {
  if (value === undefined) return '(unset)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
};

export function toCardView(card: ApprovalCard): CardView {
  const { request, call } = card;
  const preview = call.preview;
  const requests = preview.requests ?? [{ method: preview.method, path: preview.path }];
  return {
    id: request.id,
    conversationId: request.conversationId,
    status: request.status,
    statusText: card.status,
    risk: request.risk,
    live: request.live,
    text: preview.text,
    requests: requests.map((r) => ({ method: r.method, path: r.path })),
    diff: (preview.diff ?? []).map((d) => ({ field: d.field, before: show(d.before), after: show(d.after) })),
    consequences: preview.consequences ?? [],
    requester: describeIdentity(request.requester),
    approvals: request.approvals.map((a) => describeIdentity(a.by)),
    approvalsNeeded: card.approvalsNeeded,
    createdAt: request.createdAt,
    expiresAt: request.expiresAt,
    argsDigest: request.argsDigest,
    action: request.action,
  };
}
