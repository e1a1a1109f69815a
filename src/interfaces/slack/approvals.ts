/**
 * The approval service the Slack front end uses: the app's queue (same store, same policy, same state key) with
 * one addition the shared one lacks, the Slack user-group resolver (`groupsOf`) the policy's `slack_usergroups`
 * need. Decisions, claims and the audit are the queue's own; this only wires it.
 */
import path from 'node:path';
import type { App } from '../../app.js';
import type { GroupResolver } from '../../approvals/policy.js';
import { createQueueAudit } from '../../approvals/queue-audit.js';
import { type ApprovalService, createApprovalService } from '../../approvals/service.js';
import { loadStateKey } from '../../approvals/signing.js';

export async function openSlackApprovals(
  app: App,
  options: { groupsOf: GroupResolver; clock?: () => Date; pollIntervalMs?: number },
): Promise<ApprovalService> {
  return createApprovalService({
    store: app.approvals.store,
    policy: app.approvals.policy,
    agent: app.agent,
    registry: app.registry,
    clerk: app.clerk,
    audit: createQueueAudit({ file: path.join(app.dataDir, 'approvals-audit.jsonl') }),
    key: await loadStateKey(app.dataDir, app.config.stateKey),
    groupsOf: options.groupsOf,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
}
