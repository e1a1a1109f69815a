/** Loads the system prompt from prompts/system.md at the package root (from src/ under tsx/vitest, or dist/src/). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The system prompt text (read once per process). Throws naming the file if it is missing. */
export function loadSystemPrompt(): string {
  cached ??= readFileSync(findPromptFile(), 'utf8').trim();
  return cached;
}

function findPromptFile(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'prompts', 'system.md');
    if (existsSync(candidate) && existsSync(path.join(dir, 'package.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(
        'prompts/system.md not found above src/agent/: reinstall the package (the prompts/ folder ships with it).',
      );
    dir = parent;
  }
}
