/**
 * Held-out sets measure; they are never tuned on (issue 15, evals/README.md). This guard fails when the offline
 * model's source quotes any run of six words from what a held-out scenario's user says (opening or replies):
 * a rule must stand for the general case, not for the sentence it was measured on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../../evals/src/load.js';

const root = path.resolve(import.meta.dirname, '../../..');
const RUN = 6;

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9@.]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the offline model quotes no held-out scenario', () => {
  const heldOut = loadScenarios().filter((s) => /(?:^|\/)heldout-(?:[3-9]|[1-9]\d)\//.test(s.file));

  it('there are held-out scenarios to check against', () => {
    expect(heldOut.length).toBeGreaterThan(100);
  });

  it(`no run of ${RUN} words a held-out user says appears in src/llm`, () => {
    // Every run of RUN words of the source, the files joined (a set: one lookup per held-out run, not a scan).
    const source = sourceFiles(path.join(root, 'src', 'llm')).flatMap((f) => words(readFileSync(f, 'utf8')));
    const runs = new Set<string>();
    for (let i = 0; i + RUN <= source.length; i++) runs.add(source.slice(i, i + RUN).join(' '));
    const quoted: string[] = [];
    for (const s of heldOut) {
      const said = [s.scenario.user.opening, ...(s.scenario.user.replies ?? []).map((r) => r.say)];
      for (const text of said) {
        const w = words(text);
        for (let i = 0; i + RUN <= w.length; i++) {
          const run = w.slice(i, i + RUN).join(' ');
          if (runs.has(run)) quoted.push(`${s.scenario.id}: "${run}"`);
        }
      }
    }
    expect([...new Set(quoted)]).toEqual([]);
  });
});
