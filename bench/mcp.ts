/**
 * Benchmark: the MCP front end. Tokens of the tool list a client puts in its model's context (JSON of the
 * `tools/list` result: 48 actions + the approval status tool, with titles and annotations), compared with the
 * 5,744 tokens measured for the 19 tools of @clerk/agent-toolkit 0.3.15; and the latency of a read tool call
 * over stdio against `clerk-agent mcp` as a child process (in-process sandbox there).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { countTokens } from '../src/util/tokens.js';

const CLERK_TOOLKIT_TOKENS = 5_744;
const CALLS = 300;

export async function run(log: (line: string) => void): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-mcp-'));
  const bin = path.resolve(import.meta.dirname, '../../bin/clerk-agent.js');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(OPENAI_|CLERK_)/.test(k)) env[k] = v;
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, 'mcp'],
    cwd: dataDir,
    env: { ...env, CLERK_AGENT_DATA_DIR: dataDir },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '1.0.0' });
  try {
    const started = performance.now();
    await client.connect(transport);
    const connectMs = performance.now() - started;
    const list = await client.listTools();
    const tokens = countTokens(JSON.stringify(list.tools));
    log(
      `mcp: tools/list — ${list.tools.length} tools, ${tokens.toLocaleString('en-US')} tokens (o200k_base, JSON of the list); ` +
        `@clerk/agent-toolkit 0.3.15: 19 tools, ${CLERK_TOOLKIT_TOKENS.toLocaleString('en-US')} tokens ` +
        `(${(tokens / list.tools.length).toFixed(0)} vs ${(CLERK_TOOLKIT_TOKENS / 19).toFixed(0)} tokens per tool)`,
    );
    log(`mcp: spawn + initialize over stdio — ${connectMs.toFixed(0)} ms`);
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const t = performance.now();
      await client.callTool({ name: 'clerk_users_list', arguments: { limit: 10, offset: i % 50 } });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
    log(
      `mcp: read tool call over stdio (clerk_users_list, limit 10, ${CALLS} calls) — p50 ${q(0.5)} ms, p99 ${q(0.99)} ms`,
    );
  } finally {
    await client.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}
