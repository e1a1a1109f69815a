/**
 * The dependency rules of docs/architecture.md, enforced: a boundary that is only written down erodes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports (static and dynamic), resolved to a repo-relative path when relative. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => (s.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), s)) : s));
}

const files = walk(path.join(root, 'src')).map((f) => ({ rel: path.relative(root, f), imports: importsOf(f) }));
const under = (prefix: string) => files.filter((f) => f.rel.startsWith(prefix));

describe('architecture boundaries', () => {
  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('actions import nothing of ours but their own folder (and zod)', () => {
    for (const f of under('src/actions/')) {
      for (const i of f.imports) {
        if (i.startsWith('src/')) expect(i.startsWith('src/actions/'), `${f.rel} imports ${i}`).toBe(true);
      }
    }
  });

  it('agent never imports interfaces or sandbox', () => {
    for (const f of under('src/agent/')) {
      for (const i of f.imports) {
        expect(i.startsWith('src/interfaces/') || i.startsWith('src/sandbox/'), `${f.rel} imports ${i}`).toBe(false);
      }
    }
  });

  it('only src/llm/openai.ts imports the openai SDK', () => {
    for (const f of files) {
      if (f.rel === 'src/llm/openai.ts') continue;
      for (const i of f.imports) expect(i === 'openai' || i.startsWith('openai/'), `${f.rel} imports ${i}`).toBe(false);
    }
  });

  it('only src/interfaces/slack imports the Slack SDK (@slack/*)', () => {
    for (const f of files) {
      if (f.rel.startsWith('src/interfaces/slack/')) continue;
      for (const i of f.imports) expect(i.startsWith('@slack/'), `${f.rel} imports ${i}`).toBe(false);
    }
  });

  it('sandbox stands alone: it never imports clerk, agent, llm or interfaces', () => {
    for (const f of under('src/sandbox/')) {
      for (const i of f.imports) {
        expect(/^src\/(clerk|agent|llm|interfaces)\//.test(i), `${f.rel} imports ${i}`).toBe(false);
      }
    }
  });

  it('only the composition root and the sandbox command import the sandbox', () => {
    const allowed = new Set(['src/app.ts', 'src/cli.ts', 'src/commands/sandbox.ts', 'src/commands/eval.ts']);
    for (const f of files) {
      if (f.rel.startsWith('src/sandbox/') || allowed.has(f.rel)) continue;
      for (const i of f.imports) expect(i.startsWith('src/sandbox'), `${f.rel} imports ${i}`).toBe(false);
    }
  });

  it('only src/config.ts reads configuration and secrets from process.env', () => {
    // Terminal conventions such as NO_COLOR may be read by front ends; keys and endpoints may not.
    for (const f of files) {
      if (f.rel === 'src/config.ts') continue;
      const text = readFileSync(path.join(root, f.rel), 'utf8').replace(/\/\/.*$/gm, '');
      expect(/process\.env(\.|\[['"])(OPENAI|CLERK|SLACK)_/.test(text), `${f.rel} reads a config variable`).toBe(false);
    }
  });

  it('file names are kebab-case', () => {
    for (const f of files) expect(path.basename(f.rel), f.rel).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z]+)?\.ts$/);
  });
});

describe('approval queue boundaries', () => {
  it('approvals never import interfaces or sandbox, nor the gate executor or the Clerk client: they execute only through agent.resume', () => {
    for (const f of under('src/approvals/')) {
      for (const i of f.imports) {
        expect(
          /^src\/(interfaces|sandbox)\//.test(i) || i === 'src/agent/approval.js' || i === 'src/clerk/client.js',
          `${f.rel} imports ${i}`,
        ).toBe(false);
      }
    }
  });
});
