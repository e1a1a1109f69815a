/**
 * Where the package lives on disk. The evals run from `evals/src` under tsx/vitest and from `dist/evals/src` when
 * built, so scenario files and pricing are always found relative to the package root, never the compiled file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The folder holding this project's package.json (walks up from this file). */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
        if (pkg.name === 'clerk-admin-agent') return (cached = dir);
      } catch {
        // not our package.json; keep walking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(
        'evals: could not find the clerk-admin-agent package root above ' + fileURLToPath(import.meta.url),
      );
    dir = parent;
  }
}

/** Absolute path of a file or folder under `evals/` in the package root. */
export function evalsPath(...parts: string[]): string {
  return path.join(packageRoot(), 'evals', ...parts);
}
