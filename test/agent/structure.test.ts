/**
 * The gate is structural: only two places in src/agent touch the Clerk client's `execute` (the read-only view,
 * which refuses non-reads, and the gate's executor, which needs a minted approval), and only `createAgent`
 * builds the executor, handing it to `resume` alone. A refactor that adds another path fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../../src/agent');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const source = (f: string) => readFileSync(path.join(dir, f), 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '');

describe('structure of the gate', () => {
  it('only clerk-reader.ts and approval.ts call clerk.execute', () => {
    const callers = files.filter((f) => /\bclerk\.execute\(/.test(source(f)));
    expect(callers.sort()).toEqual(['approval.ts', 'clerk-reader.ts']);
  });

  it('only create-agent.ts builds the mutation executor, and it is not in the loop context', () => {
    const users = files.filter((f) => f !== 'approval.ts' && /createMutationExecutor\(/.test(source(f)));
    expect(users).toEqual(['create-agent.ts']);
    expect(source('context.ts')).not.toMatch(/ClerkClient|MutationExecutor/);
    for (const f of ['loop.ts', 'act.ts', 'preview.ts', 'preview-consequences.ts', 'current-object.ts']) {
      expect(source(f), f).not.toMatch(/ClerkClient|createMutationExecutor|MutationExecutor|matchDecisions/);
    }
  });

  it('only resume() hands the executor on', () => {
    const text = source('create-agent.ts');
    const passes = text.match(/applyDecisions\([^)]*\)/g) ?? [];
    expect(passes.filter((p) => /\bexecute\b/.test(p))).toHaveLength(1);
    expect(text.indexOf('async resume(')).toBeLessThan(text.indexOf(passes.find((p) => /\bexecute\b/.test(p))!));
    expect(text.indexOf('async cancel(')).toBeGreaterThan(text.indexOf(passes.find((p) => /\bexecute\b/.test(p))!));
  });
});
