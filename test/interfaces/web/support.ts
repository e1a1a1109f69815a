/**
 * A real app for console tests: in-process sandbox, offline model, embedded approval queue in a temp data dir,
 * and (optionally) a team policy with two web identities, Alice and Bob, with four-eyes on destructive changes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';

export const TEAM_POLICY = `version: 1
users:
  alice: { name: Alice, identities: ["web:alice"] }
  bob: { name: Bob, identities: ["web:bob"] }
request: [alice, bob, "mcp:*"]
approve:
  write: [alice, bob]
  destructive: [alice, bob]
self_approval:
  write: true
  destructive: false
`;

export async function createTestApp(options: { team?: boolean } = {}): Promise<App> {
  const dir = mkdtempSync(path.join(tmpdir(), 'web-console-'));
  const env: Record<string, string> = { CLERK_AGENT_DATA_DIR: path.join(dir, 'data'), USER: 'tester' };
  if (options.team) {
    const policy = path.join(dir, 'clerk-agent.policy.yaml');
    writeFileSync(policy, TEAM_POLICY);
    env.CLERK_AGENT_POLICY = policy;
  }
  return createApp(loadConfig(env));
}
