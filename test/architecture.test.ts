/**
 * The dependency rules of docs/architecture.md, enforced: a boundary that is only written down erodes.
 * Every .ts file under src/, evals/ and bench/ belongs to exactly one area of RULES (the most specific entry);
 * a folder with no entry fails until it is given one. Adding a folder is one line in `areas` (and one in the docs).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaOf, checkTree, importsOf, type Rules, type SourceFile } from './support/import-rules.js';

const root = path.resolve(import.meta.dirname, '..');

/** The core below the front ends: what the composition root, the evals and the benchmarks build an agent from. */
const CORE = ['src/actions/', 'src/agent/', 'src/clerk/', 'src/config.ts', 'src/llm/', 'src/util/'];
/** What a front end may use: the agent and its contract, the approval queue, the composed App and its Config. */
const FRONT_END = ['src/actions/', 'src/agent/', 'src/approvals/', 'src/util/', 'src/app.ts', 'src/config.ts'];
/** What a command may use: everything but the sandbox (only `sandbox` serves it; app.ts composes it). */
const COMMAND = [...FRONT_END, 'src/clerk/', 'src/llm/', 'src/interfaces/', 'src/commands/', 'evals/src/'];

const RULES: Rules = {
  roots: ['src/', 'evals/', 'bench/'],
  areas: {
    'src/util/': { may: [] },
    'src/actions/': { may: [], packages: ['zod'] },
    'src/clerk/': { may: ['src/actions/', 'src/util/'] },
    'src/llm/': { may: ['src/util/'] },
    'src/agent/': { may: ['src/actions/', 'src/clerk/', 'src/llm/', 'src/util/'] },
    'src/approvals/': { may: ['src/actions/', 'src/agent/', 'src/clerk/types.ts', 'src/config.ts', 'src/util/'] },
    'src/sandbox/': { may: [] },
    'src/interfaces/repl/': { may: FRONT_END },
    'src/interfaces/slack/': { may: FRONT_END },
    'src/interfaces/mcp/': { may: FRONT_END },
    'src/interfaces/web/': { may: FRONT_END },
    'src/config.ts': { may: [] },
    'src/app.ts': { may: [...CORE, 'src/approvals/', 'src/sandbox/'] },
    'src/commands/': { may: COMMAND },
    'src/commands/sandbox.ts': { may: [...COMMAND, 'src/sandbox/'] },
    'src/commands/bench.ts': { may: [...COMMAND, 'bench/'] },
    'src/cli.ts': { may: ['src/commands/', 'src/config.ts'] },
    'evals/src/': { may: [...CORE, 'src/sandbox/'] },
    'bench/': { may: [...CORE, 'src/approvals/', 'src/sandbox/', 'evals/src/'] },
    // Front-end benchmarks drive a front end from outside, as a user or a client would.
    'bench/slack.ts': { may: [...CORE, 'src/approvals/', 'src/sandbox/', 'src/app.ts', 'src/interfaces/slack/'] },
  },
  packageOwners: [
    { pattern: /^openai(\/|$)/, owners: ['src/llm/openai.ts'] },
    { pattern: /^@slack\//, owners: ['src/interfaces/slack/'] },
    { pattern: /^@modelcontextprotocol\//, owners: ['src/interfaces/mcp/', 'bench/mcp.ts'] },
    { pattern: /^(hono|@hono\/)/, owners: ['src/interfaces/web/'] },
    { pattern: /^tiktoken(\/|$)/, owners: ['src/util/tokens.ts'] },
  ],
  configReaders: ['src/config.ts'],
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : walk(full);
    return full.endsWith('.ts') && !full.endsWith('.d.ts') ? [full] : [];
  });
}

const files: SourceFile[] = RULES.roots.flatMap((r) =>
  walk(path.join(root, r)).map((f) => ({
    rel: path.relative(root, f).split(path.sep).join('/'),
    text: readFileSync(f, 'utf8'),
  })),
);

describe('architecture boundaries', () => {
  it('finds the source tree, the evals and the benchmarks', () => {
    for (const r of RULES.roots) expect(files.filter((f) => f.rel.startsWith(r)).length, r).toBeGreaterThan(3);
  });

  it('every file keeps the rules of its area (imports, package owners, configuration reads)', () => {
    expect(checkTree(files, RULES)).toEqual([]);
  });

  it('file names are kebab-case', () => {
    for (const f of files) expect(path.basename(f.rel), f.rel).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z]+)?\.ts$/);
  });

  it('docs/architecture.md lists every area and package owner of the table', () => {
    const docs = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    const section = docs.slice(docs.indexOf('## Dependency rules'), docs.indexOf('## The gate'));
    const mentioned = (s: string) => section.includes(`\`${s.replace(/^src\//, '')}\``) || section.includes(`\`${s}\``);
    for (const area of Object.keys(RULES.areas)) expect(mentioned(area), area).toBe(true);
    for (const o of RULES.packageOwners) for (const owner of o.owners) expect(mentioned(owner), owner).toBe(true);
  });
});

describe('the checker itself (run on injected files, so a broken checker cannot pass silently)', () => {
  const real = (rel: string) => files.find((f) => f.rel === rel)!;
  const withLine = (rel: string, line: string): SourceFile => ({ rel, text: `${real(rel).text}\n${line}\n` });

  it('fails on an upward import added to a real file (llm → agent, as openai.ts once did)', () => {
    const tree = [...files.filter((f) => f.rel !== 'src/llm/openai.ts')];
    tree.push(withLine('src/llm/openai.ts', "import type { RunState } from '../agent/types.js';"));
    expect(checkTree(tree, RULES)).toEqual(['src/llm/openai.ts imports src/agent/types.ts (src/llm/ may not)']);
  });

  it('fails on each kind of broken rule in a synthetic tree', () => {
    // [file, its text, the problem the checker must report]
    const cases: Array<[string, string, string]> = [
      [
        'src/agent/a.ts',
        "import type { X } from '../interfaces/repl/types.js';",
        'src/agent/a.ts imports src/interfaces/repl/types.ts (src/agent/ may not)',
      ],
      [
        'src/agent/b.ts',
        "const m = await import('../sandbox/index.js');",
        'src/agent/b.ts imports src/sandbox/index.ts (src/agent/ may not)',
      ],
      [
        'src/actions/c.ts',
        "import { z } from 'zod';\nimport { x } from '../util/secrets.js';",
        'src/actions/c.ts imports src/util/secrets.ts (src/actions/ may not)',
      ],
      [
        'src/actions/d.ts',
        "import YAML from 'yaml';",
        'src/actions/d.ts imports package yaml (src/actions/ may import only zod)',
      ],
      [
        'src/interfaces/repl/e.ts',
        "import { Hono } from 'hono';",
        'src/interfaces/repl/e.ts imports hono, which only src/interfaces/web/ may import',
      ],
      [
        'src/approvals/f.ts',
        "export * from '../clerk/client.js';",
        'src/approvals/f.ts imports src/clerk/client.ts (src/approvals/ may not)',
      ],
      [
        'src/newfolder/g.ts',
        'export const x = 1;',
        'src/newfolder/g.ts: src/newfolder/ has no dependency rules; add an entry to the table',
      ],
      [
        'evals/src/h.ts',
        'const key = env.OPENAI_API_KEY;',
        'evals/src/h.ts reads a configuration variable (only src/config.ts may)',
      ],
      [
        'bench/i.ts',
        'const { CLERK_SECRET_KEY } = process.env;',
        'bench/i.ts reads a configuration variable (only src/config.ts may)',
      ],
      [
        'bench/j.ts',
        "const u = process.env['SLACK_BOT_TOKEN'];",
        'bench/j.ts reads a configuration variable (only src/config.ts may)',
      ],
      [
        'src/util/k.ts',
        "import { createAgent } from '../agent/create-agent.js';",
        'src/util/k.ts imports src/agent/create-agent.ts (src/util/ may not)',
      ],
    ];
    const tree = cases.map(([rel, text]) => ({ rel, text }));
    expect(checkTree(tree, RULES)).toEqual(cases.map(([, , problem]) => problem));
  });

  it('accepts what the rules allow, and ignores imports and variables named in comments', () => {
    const tree: SourceFile[] = [
      {
        rel: 'src/interfaces/web/a.ts',
        text: "import { Hono } from 'hono';\nimport type { App } from '../../app.js';",
      },
      { rel: 'src/interfaces/slack/b.ts', text: "import { App } from '@slack/bolt';" },
      { rel: 'src/approvals/c.ts', text: "import type { ClerkClient } from '../clerk/types.js';" },
      { rel: 'src/commands/sandbox.ts', text: "const s = await import('../sandbox/index.js');" },
      {
        rel: 'src/llm/d.ts',
        text: "/** Never `import x from '../agent/loop.js'` or read process.env.OPENAI_API_KEY. */\n// import '../agent/x.js';",
      },
      { rel: 'src/config.ts', text: 'const k = env.OPENAI_API_KEY;' },
    ];
    expect(checkTree(tree, RULES)).toEqual([]);
  });

  it('reads multi-line, type-only and re-export imports, and picks the most specific area', () => {
    const file = {
      rel: 'src/agent/x.ts',
      text: "import {\n  a,\n  type B,\n} from './y.js';\nexport * as z from '../util/z.js';",
    };
    expect(importsOf(file).map((i) => i.target)).toEqual(['src/agent/y.ts', 'src/util/z.ts']);
    expect(areaOf('src/commands/sandbox.ts', RULES)).toBe('src/commands/sandbox.ts');
    expect(areaOf('src/commands/chat.ts', RULES)).toBe('src/commands/');
    expect(areaOf('src/interfaces/shared.ts', RULES)).toBeUndefined();
  });
});

describe('approval queue boundaries', () => {
  it('approvals never import the gate executor or the Clerk client: they execute only through agent.resume', () => {
    const banned = ['src/agent/approval.ts', 'src/clerk/client.ts'];
    for (const f of files.filter((x) => x.rel.startsWith('src/approvals/'))) {
      for (const i of importsOf(f)) expect(banned.includes(i.target), `${f.rel} imports ${i.target}`).toBe(false);
    }
  });
});
