import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allActions } from '../../src/actions/index.js';
import { toolSpecs } from '../../src/actions/json-schema.js';
import { run } from '../../src/commands/tools.js';
import { toOpenAITools } from '../../src/llm/openai-tools.js';

async function runTools(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('clerk-agent tools', () => {
  it('prints a table of all 48 actions with risk, method and path', async () => {
    const { code, out, err } = await runTools();
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^name\s+risk\s+method\s+path$/);
    for (const action of allActions)
      expect(out).toMatch(new RegExp(`^${action.name}\\s+${action.risk}\\s+${action.method}\\s+\\S`, 'm'));
    expect(out).toContain('clerk_user_unban             write        POST    /users/{user_id}/unban');
    expect(out).toContain('48 actions (18 read, 12 write, 18 destructive)');
  });

  it('filters by resource (dashes or underscores)', async () => {
    const users = await runTools('users');
    expect(users.code).toBe(0);
    expect(users.out.match(/^clerk_/gm)).toHaveLength(9);
    const apps = await runTools('oauth_applications');
    expect(apps.out).toContain('clerk_client_delete');
    expect(apps.out).not.toContain('clerk_user_ban');
  });

  it('--json prints exactly the OpenAI tool list', async () => {
    const { code, out } = await runTools('--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(toOpenAITools(toolSpecs(allActions)));
    const one = JSON.parse((await runTools('domains', '--json')).out) as Array<{
      type: string;
      function: { name: string; strict: boolean };
    }>;
    expect(one.map((t) => t.function.name)).toEqual([
      'clerk_domains_list',
      'clerk_domain_get',
      'clerk_domain_create',
      'clerk_domain_delete',
    ]);
    expect(one.every((t) => t.type === 'function' && t.function.strict === true)).toBe(true);
  });

  it('--tokens prints per-tool and total token counts', async () => {
    const { code, out } = await runTools('--tokens');
    expect(code).toBe(0);
    for (const action of allActions) expect(out).toMatch(new RegExp(`^${action.name}\\s+\\d+$`, 'm'));
    const total = /total: ([\d,]+) tokens for 48 tools/.exec(out);
    expect(total).not.toBeNull();
    const perTool = [...out.matchAll(/^clerk_\w+\s+(\d+)$/gm)].map((m) => Number(m[1]));
    const sum = perTool.reduce((a, b) => a + b, 0);
    // The list's JSON is the tools' JSON plus brackets and commas: close to the sum, never far above it.
    expect(Number(total![1]!.replace(/,/g, ''))).toBeGreaterThan(sum * 0.9);
    expect(Number(total![1]!.replace(/,/g, ''))).toBeLessThanOrEqual(sum + 48);
  });

  it('--tokens --json prints a machine-readable report', async () => {
    const { out } = await runTools('sessions', '--tokens', '--json');
    const report = JSON.parse(out) as {
      tools: number;
      total: number;
      perTool: Array<{ name: string; tokens: number }>;
    };
    expect(report.tools).toBe(3);
    expect(report.perTool.map((t) => t.name)).toEqual([
      'clerk_sessions_list',
      'clerk_session_get',
      'clerk_session_revoke',
    ]);
    expect(report.total).toBeGreaterThan(0);
  });

  it('--help prints usage and the resources', async () => {
    const { code, out } = await runTools('--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: clerk-agent tools [resource] [--json] [--tokens]');
    expect(out).toContain('oauth-applications');
  });

  it('rejects unknown flags and resources with exit code 2 and a clear message', async () => {
    const flag = await runTools('--yaml');
    expect(flag).toMatchObject({ code: 2, out: '' });
    expect(flag.err).toContain('unknown option "--yaml"');
    const resource = await runTools('widgets');
    expect(resource.code).toBe(2);
    expect(resource.err).toContain('unknown resource "widgets". Choose from: users, organizations');
    const two = await runTools('users', 'sessions');
    expect(two.code).toBe(2);
    expect(two.err).toContain('at most one resource');
  });

  it('loads tiktoken only for --tokens (no static import of the token counter)', () => {
    const source = readFileSync(new URL('../../src/commands/tools.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^import[^;]*(tiktoken|util\/tokens)/m);
    expect(source).toContain("await import('../util/tokens.js')");
  });
});
