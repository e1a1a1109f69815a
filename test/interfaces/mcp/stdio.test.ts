/**
 * `clerk-agent mcp` as a real child process over stdio, driven by the SDK's Client: the protocol is the only
 * thing on stdout, a change waits for approval, and `clerk-agent approvals approve <id>` in ANOTHER process
 * approves it; the MCP process then executes it once and `clerk_approval_status` reports the result.
 */
import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, cliPath } from '../repl/cli-support.js';
import { tempDir } from '../repl/support.js';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const textOf = (result: unknown) => (result as { content: Array<{ text: string }> }).content[0]!.text;

function runCli(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, cliPath, ...args], {
      cwd: dataDir,
      env: cleanEnv({ CLERK_AGENT_DATA_DIR: dataDir, USER: 'tester' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe('clerk-agent mcp over stdio', () => {
  it('lists tools, reads, and executes a change once only after another process approves it', async () => {
    const dataDir = tempDir();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', tsxLoader, cliPath, 'mcp'],
      cwd: dataDir,
      env: cleanEnv({ CLERK_AGENT_DATA_DIR: dataDir, USER: 'tester' }) as Record<string, string>,
      stderr: 'pipe',
    });
    client = new Client({ name: 'stdio-test', version: '1.0.0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(49);

    const found = JSON.parse(
      textOf(await client.callTool({ name: 'clerk_users_list', arguments: { email_address: ['jane@example.com'] } })),
    );
    const jane = JSON.stringify(found).match(/user_[A-Za-z0-9]+/)![0];

    const proposed = textOf(await client.callTool({ name: 'clerk_user_ban', arguments: { user_id: jane } }));
    const id = /pending approval (cr_[a-z0-9]+)/.exec(proposed)?.[1];
    expect(id, proposed).toBeDefined();
    const user = async () =>
      JSON.parse(textOf(await client!.callTool({ name: 'clerk_user_get', arguments: { user_id: jane } })));
    expect((await user()).banned ?? false).toBe(false);

    const approved = await runCli(['approvals', 'approve', id!], dataDir);
    expect(approved.code, approved.stderr + approved.stdout).toBe(0);

    const status = await until(async () => {
      const text = textOf(await client!.callTool({ name: 'clerk_approval_status', arguments: { id } }));
      return /done|not done|unknown/.test(text) && !/waiting/.test(text) ? text : undefined;
    }, 'the MCP process to execute the approved change');
    expect(status).toMatch(/done/);
    expect((await user()).banned).toBe(true);
  }, 60_000);
});
