/**
 * The composition root. From a Config it builds the Clerk client (real instance or the local sandbox), the model
 * (OpenAI-compatible or offline), the audit log and the agent. Front ends receive a ready App; they never choose a
 * backend themselves. Heavy modules (the openai SDK) are imported only when the config asks for them.
 */
import path from 'node:path';
import { createRegistry, type Registry } from './actions/registry.js';
import { createAuditLog, type AuditLog } from './agent/audit.js';
import { createAgent } from './agent/create-agent.js';
import { loadSystemPrompt } from './agent/prompt.js';
import type { Agent } from './agent/types.js';
import { createClerkClient } from './clerk/client.js';
import type { ClerkClient } from './clerk/types.js';
import { openApprovals } from './approvals/open.js';
import type { ApprovalService } from './approvals/service.js';
import type { ApprovalStore } from './approvals/types.js';
import type { Config } from './config.js';
import type { ChatModel } from './llm/model.js';
import { createSandbox, type Sandbox } from './sandbox/index.js';

/** Everything a front end needs, ready to use. */
export interface App {
  agent: Agent;
  config: Config;
  clerk: ClerkClient;
  registry: Registry;
  audit: AuditLog;
  model: ChatModel;
  /** e.g. `offline` or `gpt-4o-mini @ http://127.0.0.1:11434/v1`. */
  modelName: string;
  /** e.g. `local sandbox` or `Clerk https://api.clerk.com/v1 (LIVE)`. */
  backendLabel: string;
  live: boolean;
  dataDir: string;
  sandbox?: Sandbox;
  /** The shared approval queue (change requests, policy, decisions, execution). */
  approvals: ApprovalService;
  /** Reseed the local sandbox (sandbox backend only). */
  resetSandbox?(): Promise<void>;
  close(): Promise<void>;
}

export interface AppOverrides {
  model?: ChatModel;
  fetch?: typeof fetch;
  sandbox?: Sandbox;
  /** Audit file; default `<dataDir>/audit.jsonl`; `null` keeps the audit in memory (the queue's audit too). */
  auditFile?: string | null;
  /** Approval store to use instead of the configured one (tests, benchmarks). */
  approvalStore?: ApprovalStore;
}

/** Builds the app from a Config. Does no network I/O: a wrong URL or key shows up on the first request. */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const registry = createRegistry();
  let sandbox: Sandbox | undefined;
  let clerk: ClerkClient;
  let backendLabel: string;

  if (config.clerk.kind === 'sandbox') {
    sandbox = overrides.sandbox ?? createSandbox({ seed: 'demo', dataDir: config.clerk.dataDir });
    clerk = createClerkClient({ secretKey: sandbox.secretKey, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
    backendLabel = 'local sandbox (demo data)';
  } else {
    clerk = createClerkClient({
      secretKey: config.clerk.secretKey,
      baseUrl: config.clerk.apiUrl,
      ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
    });
    backendLabel = `Clerk ${config.clerk.apiUrl}${config.clerk.live ? ' (LIVE instance)' : ' (test instance)'}`;
  }

  const model = overrides.model ?? (await createModel(config));
  const modelName =
    config.model.kind === 'openai' && !overrides.model
      ? `${config.model.model} @ ${config.model.baseUrl ?? 'https://api.openai.com/v1'}`
      : model.name;

  const auditFile = overrides.auditFile === undefined ? path.join(config.dataDir, 'audit.jsonl') : overrides.auditFile;
  const audit = createAuditLog(auditFile === null ? {} : { file: auditFile });

  const agent = createAgent({
    model,
    registry,
    clerk,
    audit,
    systemPrompt: loadSystemPrompt(),
    maxStepsPerTurn: config.maxStepsPerTurn,
    dryRun: config.dryRun,
    exposePrivateMetadata: config.exposePrivateMetadata,
  });

  const approvals = await openApprovals({
    config,
    agent,
    registry,
    clerk,
    ...(auditFile === null ? { auditFile: null } : {}),
    ...(overrides.approvalStore ? { store: overrides.approvalStore } : {}),
  });

  const app: App = {
    agent,
    approvals,
    config,
    clerk,
    registry,
    audit,
    model,
    modelName,
    backendLabel,
    live: clerk.live,
    dataDir: config.dataDir,
    async close() {
      await approvals.close();
      await sandbox?.close();
    },
  };
  if (sandbox) {
    app.sandbox = sandbox;
    const box = sandbox;
    app.resetSandbox = async () => box.reset('demo');
  }
  return app;
}

/** The model the config asks for; the openai SDK is loaded only here and only when needed. */
async function createModel(config: Config): Promise<ChatModel> {
  if (config.model.kind === 'offline') {
    const { createOfflineModel } = await import('./llm/offline.js');
    return createOfflineModel();
  }
  const { createOpenAIModel } = await import('./llm/openai.js');
  return createOpenAIModel({
    model: config.model.model,
    ...(config.model.apiKey ? { apiKey: config.model.apiKey } : {}),
    ...(config.model.baseUrl ? { baseUrl: config.model.baseUrl } : {}),
  });
}
