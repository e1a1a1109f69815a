/**
 * `clerk-agent approvals …` and `clerk-agent policy check`, spawned as the real CLI: a request raised elsewhere
 * (an MCP client, here submitted in-process) is listed, shown, and approved or denied from the terminal.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { cleanEnv, cliPath, hasStackTrace } from '../interfaces/repl/cli-support.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { tempDir } from './support.js';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function cli(args: string[], dataDir: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, cliPath, ...args], {
      cwd: dataDir,
      env: cleanEnv({ CLERK_AGENT_DATA_DIR: dataDir, USER: 'tester', NO_COLOR: '1', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const mcpClient = { via: 'mcp' as const, id: 'claude-code', name: 'Claude Code' };

async function raise(dataDir: string, email: string, env: Record<string, string> = {}) {
  const app = await createApp(loadConfig({ USER: 'tester', ...env }, { dataDir }));
  try {
    const [user] = (await app.clerk.request('GET', '/users', { query: { email_address: [email] } })) as Array<{
      id: string;
    }>;
    const request = await app.approvals.submitCall({
      action: 'clerk_user_ban',
      args: { user_id: user!.id },
      requester: mcpClient,
      conversationId: 'mcp-session-1',
    });
    return { request, userId: user!.id };
  } finally {
    await app.close();
  }
}

async function banned(dataDir: string, userId: string, env: Record<string, string> = {}) {
  const app = await createApp(loadConfig({ USER: 'tester', ...env }, { dataDir }));
  try {
    return ((await app.clerk.request('GET', `/users/${userId}`)) as { banned: boolean }).banned;
  } finally {
    await app.close();
  }
}

let pg: TestPostgres | undefined;
afterAll(async () => {
  await pg?.stop();
});
const stores: Array<[string, () => Promise<Record<string, string>>]> = [
  ['embedded', async () => ({})],
  [
    'postgres',
    async () => {
      pg ??= await startPostgres();
      return { CLERK_AGENT_DATABASE_URL: pg.url };
    },
  ],
];

describe.each(stores)('clerk-agent approvals (%s store)', (_name, storeEnv) => {
  it('lists, shows, approves (runs it) and denies requests raised elsewhere', async () => {
    const dataDir = tempDir();
    const env = await storeEnv();
    const first = await raise(dataDir, 'jane@example.com', env);
    const second = await raise(dataDir, 'noah@example.com', env);

    const list = await cli(['approvals'], dataDir, env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(first.request.id);
    expect(list.stdout).toContain('Claude Code (mcp:claude-code)');
    expect(list.stdout).toMatch(/write\s+pending\s+Ban /);

    const show = await cli(['approvals', 'show', first.request.id], dataDir, env);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Ban Jane Doe/);
    expect(show.stdout).toMatch(/approvals\s+0 of 1/);
    expect(show.stdout).toContain(first.request.argsDigest);

    const approve = await cli(['approvals', 'approve', first.request.id], dataDir, env);
    expect(approve.stderr).toBe('');
    expect(approve.code).toBe(0);
    expect(approve.stdout).toMatch(/approved by tester \(terminal:tester\)|terminal:tester/);
    expect(approve.stdout).toMatch(/done: Ban Jane Doe/);
    expect(await banned(dataDir, first.userId, env)).toBe(true);

    const again = await cli(['approvals', 'approve', first.request.id], dataDir, env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already approved by terminal:tester at \d\d:\d\d UTC/);

    const deny = await cli(['approvals', 'deny', second.request.id, 'not', 'today'], dataDir, env);
    expect(deny.code).toBe(0);
    expect(deny.stdout).toMatch(/denied by .*: not today/);
    expect(second.userId).not.toBe(first.userId);
    expect(await banned(dataDir, second.userId, env)).toBe(false);

    const empty = await cli(['approvals', 'list'], dataDir, env);
    expect(empty.stdout).toContain('No pending change requests.');
    const all = await cli(['approvals', 'list', '--all', '--json'], dataDir, env);
    expect((JSON.parse(all.stdout) as Array<{ status: string }>).map((r) => r.status).sort()).toEqual([
      'denied',
      'executed',
    ]);

    const unknown = await cli(['approvals', 'approve', 'cr_aaaaaaaaaaaaaaaaaaaa'], dataDir, env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No change request cr_a/);
    expect(hasStackTrace(unknown.stderr)).toBe(false);
  }, 120_000);
});

describe('clerk-agent policy', () => {
  it('policy check prints the effective policy, its problems, and line-numbered errors', async () => {
    const dataDir = tempDir();
    const clean = await cli(['policy', 'check'], dataDir);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/Policy: default/);
    expect(clean.stdout).toMatch(/self-approval:\s+only for the local terminal user/);
    writeFileSync(
      path.join(dataDir, 'clerk-agent.policy.yaml'),
      'approve:\n  write: [alice]\napprovals:\n  write: 1\n',
    );
    const problems = await cli(['policy', 'check'], dataDir);
    expect(problems.code).toBe(1);
    expect(problems.stdout).toContain('approve.write: user "alice" is not defined under users');
    writeFileSync(path.join(dataDir, 'bad.yaml'), 'approvals:\n  write: 0\n');
    const bad = await cli(['policy', 'check'], dataDir, { CLERK_AGENT_POLICY: 'bad.yaml' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:2: approvals\.write: /);
    expect(hasStackTrace(bad.stderr)).toBe(false);
    // A bad policy stops the other commands too (fail closed), with the same one-line message.
    const chat = await cli(['approvals'], dataDir, { CLERK_AGENT_POLICY: 'bad.yaml' });
    expect(chat.code).toBe(2);
    expect(chat.stderr).toMatch(/bad\.yaml:2/);
  }, 60_000);
});
