/**
 * The approval queue's test stack: the real agent (scripted model, demo sandbox, real client and registry), an
 * embedded store in a temp folder, a policy, a state key and the queue audit.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRegistry } from '../../src/actions/registry.js';
import { buildPolicy, type Policy } from '../../src/approvals/policy.js';
import type { PolicyFile } from '../../src/approvals/policy-file.js';
import { createQueueAudit, type QueueAudit } from '../../src/approvals/queue-audit.js';
import { type ApprovalService, type ApprovalServiceDeps, createApprovalService } from '../../src/approvals/service.js';
import { createEmbeddedStore } from '../../src/approvals/store-embedded.js';
import type { ApprovalStore, Identity } from '../../src/approvals/types.js';
import type { ScriptedTurn } from '../../src/llm/scripted.js';
import { createHarness, type Harness, type HarnessOptions } from '../support/agent-harness.js';

export const alice: Identity = { via: 'slack', id: 'UALICE', name: 'Alice' };
export const bob: Identity = { via: 'slack', id: 'UBOB', name: 'Bob' };
export const carol: Identity = { via: 'slack', id: 'UCAROL', name: 'Carol' };
export const mallory: Identity = { via: 'slack', id: 'UMALLORY', name: 'Mallory' };
export const terminal: Identity = { via: 'terminal', id: 'tester', name: 'tester' };

/** A team policy: Carol asks, Alice and Bob approve; destructive needs two and no self-approval. */
export const TEAM_POLICY: PolicyFile = {
  users: {
    alice: { name: 'Alice', identities: ['slack:UALICE'] },
    bob: { name: 'Bob', identities: ['slack:UBOB'] },
    carol: { name: 'Carol', identities: ['slack:UCAROL'] },
  },
  groups: { approvers: { members: ['alice', 'bob'] } },
  request: ['alice', 'bob', 'carol', 'terminal:*'],
  approve: { write: ['group:approvers'], destructive: ['group:approvers'] },
  approvals: { write: 1, destructive: 2 },
  self_approval: { write: true, destructive: false },
};

export function tempDir(prefix = 'approvals-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface QueueStack extends Harness {
  dataDir: string;
  store: ApprovalStore;
  service: ApprovalService;
  queueAudit: QueueAudit;
  key: Buffer;
  policy: Policy;
}

export interface QueueOptions extends HarnessOptions {
  dataDir?: string;
  policy?: PolicyFile;
  live?: boolean;
  key?: Buffer;
  store?: ApprovalStore;
  service?: Partial<ApprovalServiceDeps>;
}

export const TEST_KEY = Buffer.from('0123456789abcdef0123456789abcdef');

/** Builds the real agent plus an approval service on an embedded store. */
export async function createQueueStack(turns: ScriptedTurn[], options: QueueOptions = {}): Promise<QueueStack> {
  const {
    dataDir = tempDir(),
    policy: file,
    live = false,
    key = TEST_KEY,
    store: given,
    service: extra,
    ...harnessOptions
  } = options;
  const harness = createHarness(turns, harnessOptions);
  const store = given ?? (await createEmbeddedStore({ dataDir }));
  const policy = buildPolicy(file, { live, source: file ? 'test policy' : 'default' });
  const queueAudit = createQueueAudit();
  const service = createApprovalService({
    store,
    policy,
    agent: harness.agent,
    registry: createRegistryOnce(),
    clerk: harness.clerk,
    audit: queueAudit,
    key,
    ...extra,
  });
  return { ...harness, dataDir, store, service, queueAudit, key, policy };
}

let registry: ReturnType<typeof createRegistry> | undefined;
function createRegistryOnce() {
  registry ??= createRegistry();
  return registry;
}

/** A random conversation id. */
export const conversation = () => `conv_${randomBytes(4).toString('hex')}`;
