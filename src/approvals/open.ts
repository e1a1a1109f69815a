/**
 * Opens the approval queue for an app: the store the config asks for (embedded by default, Postgres when
 * CLERK_AGENT_DATABASE_URL is set), the policy file, the state key and the queue audit.
 */
import path from 'node:path';
import type { Registry } from '../actions/registry.js';
import type { Agent } from '../agent/types.js';
import type { ClerkClient } from '../clerk/types.js';
import { type Config, ConfigError } from '../config.js';
import { loadPolicy, type Policy } from './policy.js';
import { resolvePolicyPath } from './policy-file.js';
import { createQueueAudit } from './queue-audit.js';
import { type ApprovalService, type ApprovalServiceDeps, createApprovalService } from './service.js';
import { loadStateKey } from './signing.js';
import { createEmbeddedStore } from './store-embedded.js';
import type { ApprovalStore } from './types.js';

/** The store the config asks for. Postgres is loaded only when a database URL is set. */
export async function openApprovalStore(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<ApprovalStore> {
  if (!config.databaseUrl) return createEmbeddedStore({ dataDir: config.dataDir });
  // A variable specifier: the Postgres store lives in its own module (and pulls in `pg`) only for this case.
  const specifier = './store-postgres.js';
  let mod: { createPostgresStore?: (options: { url: string; connectionString: string }) => Promise<ApprovalStore> };
  try {
    mod = await import(specifier);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    mod = {};
  }
  if (!mod.createPostgresStore) {
    throw new ConfigError(
      'CLERK_AGENT_DATABASE_URL is set but this build has no Postgres approval store; unset it to use the embedded store.',
    );
  }
  return mod.createPostgresStore({ url: config.databaseUrl, connectionString: config.databaseUrl });
}

export interface OpenApprovalsInput {
  config: Config;
  agent: Agent;
  registry: Registry;
  clerk: ClerkClient;
  /** Queue audit file; default `<dataDir>/approvals-audit.jsonl`; null keeps it in memory. */
  auditFile?: string | null;
  store?: ApprovalStore;
  cwd?: string;
  /** An already loaded policy: a second service over the same queue (the Slack bot's) reuses the app's. */
  policy?: Policy;
  /** Passed to the service as is: the Slack bot's user-group resolver, clock and poll interval. */
  service?: Pick<ApprovalServiceDeps, 'groupsOf' | 'clock' | 'pollIntervalMs'>;
}

/** The approval service for an app. Throws PolicyError for a bad policy file (fail closed: nothing starts). */
export async function openApprovals(input: OpenApprovalsInput): Promise<ApprovalService> {
  const { config } = input;
  const policy =
    input.policy ?? loadPolicy(resolvePolicyPath(config.policyFile, input.cwd), { live: input.clerk.live });
  const key = await loadStateKey(config.dataDir, config.stateKey);
  const store = input.store ?? (await openApprovalStore(config));
  const auditFile =
    input.auditFile === undefined ? path.join(config.dataDir, 'approvals-audit.jsonl') : input.auditFile;
  return createApprovalService({
    store,
    policy,
    agent: input.agent,
    registry: input.registry,
    clerk: input.clerk,
    audit: createQueueAudit(auditFile === null ? {} : { file: auditFile }),
    key,
    ...input.service,
  });
}
