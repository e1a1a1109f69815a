/**
 * The checker behind test/architecture.test.ts: given source files (path + text) and a table of areas, it lists
 * every import an area may not make, every package imported outside its one owner, every configuration variable
 * read outside src/config.ts, and every file that belongs to no area. Pure, so the test can also run it on a
 * synthetic tree and see it fail.
 */
import path from 'node:path';

/** A source file, by repo-relative path with `/` separators. */
export interface SourceFile {
  rel: string;
  text: string;
}

/** What one area (a folder ending in `/`, or a single file) may import besides itself. */
export interface AreaRule {
  /** Repo-relative prefixes (folders ending in `/`, or files) this area may import. */
  may: readonly string[];
  /** When set, the only npm packages the area may import (`node:` built-ins are always allowed). */
  packages?: readonly string[];
}

/** A package only some areas may import (the SDK adapters). */
export interface PackageOwner {
  /** Matches the import specifier (`openai`, `@slack/bolt`, `hono/cors`). */
  pattern: RegExp;
  owners: readonly string[];
}

export interface Rules {
  /** Top-level folders whose every .ts file must belong to an area. */
  roots: readonly string[];
  areas: Readonly<Record<string, AreaRule>>;
  packageOwners: readonly PackageOwner[];
  /** The only files that may read OPENAI_*, CLERK_*, SLACK_* variables. */
  configReaders: readonly string[];
}

/** JSDoc blocks and whole-line comments: prose there may mention imports or variables without making them. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

const STATIC = /^\s*(?:import|export)\s+(?:type\s+)?[\w$\s{},*]*?\s*from\s*['"]([^'"]+)['"]/gm;
const SIDE_EFFECT = /^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g;

/** One import: a repo path (`.js` → `.ts`) for a relative specifier, else the package specifier. */
export interface Import {
  target: string;
  local: boolean;
}

/** Every module a file imports: static, type-only, re-exports, side-effect and dynamic imports. */
export function importsOf(file: SourceFile): Import[] {
  const text = withoutComments(file.text);
  const specs = [...text.matchAll(STATIC), ...text.matchAll(SIDE_EFFECT), ...text.matchAll(DYNAMIC)].map((m) => m[1]!);
  return specs.map((s) => {
    if (!s.startsWith('.')) return { target: s, local: false };
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.rel), s)).replace(/\.js$/, '.ts');
    return { target, local: true };
  });
}

const covers = (prefix: string, rel: string) => (prefix.endsWith('/') ? rel.startsWith(prefix) : rel === prefix);

/** The most specific area a path belongs to (a file entry beats its folder), or undefined. */
export function areaOf(rel: string, rules: Rules): string | undefined {
  let best: string | undefined;
  for (const key of Object.keys(rules.areas)) {
    if (covers(key, rel) && (best === undefined || key.length > best.length)) best = key;
  }
  return best;
}

/** A package specifier's name: `@scope/name` or `name`. */
const packageName = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

function importProblems(file: SourceFile, area: string, rules: Rules): string[] {
  const rule = rules.areas[area]!;
  const problems: string[] = [];
  for (const { target: spec, local } of importsOf(file)) {
    if (spec.startsWith('node:')) continue;
    if (local) {
      if (!covers(area, spec) && !rule.may.some((p) => covers(p, spec)))
        problems.push(`${file.rel} imports ${spec} (${area} may not)`);
      continue;
    }
    const owner = rules.packageOwners.find((o) => o.pattern.test(spec));
    if (owner && !owner.owners.some((o) => covers(o, file.rel)))
      problems.push(`${file.rel} imports ${spec}, which only ${owner.owners.join(', ')} may import`);
    if (rule.packages && !rule.packages.includes(packageName(spec)))
      problems.push(`${file.rel} imports package ${spec} (${area} may import only ${rule.packages.join(', ')})`);
  }
  return problems;
}

/** `x.OPENAI_…`, `x['CLERK_…']`, `{ SLACK_… } = env`: reading a configuration variable. */
const CONFIG_READ = [
  /(?:\.|\[\s*['"`])(?:OPENAI|CLERK|SLACK)_[A-Z0-9_]*/,
  /\{[^}]*\b(?:OPENAI|CLERK|SLACK)_[A-Z0-9_]*[^}]*\}\s*=\s*[\w.]*env\b/,
];

/** Every rule broken by these files; empty when the tree keeps the rules. */
export function checkTree(files: readonly SourceFile[], rules: Rules): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const area = areaOf(file.rel, rules);
    if (area === undefined) {
      const folder = path.posix.dirname(file.rel);
      problems.push(`${file.rel}: ${folder}/ has no dependency rules; add an entry to the table`);
      continue;
    }
    problems.push(...importProblems(file, area, rules));
    if (!rules.configReaders.includes(file.rel) && CONFIG_READ.some((re) => re.test(withoutComments(file.text))))
      problems.push(`${file.rel} reads a configuration variable (only ${rules.configReaders.join(', ')} may)`);
  }
  return problems;
}
