/**
 * `clerk-agent bench`: runs every benchmark script in bench/ and prints its figures. Figures, not tests.
 * With several suites, each runs in its own process, so one suite's memory (the tokenizer alone is ~100 MB) or
 * warm caches never leak into another's figures.
 */
import { spawn } from 'node:child_process';

const suites = [
  'tools',
  'sandbox',
  'durability',
  'agent',
  'long-chat',
  'startup',
  'evals',
  'approvals',
  'mcp',
  'slack',
] as const;

/** Runs the benchmarks named in argv (default: all) and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(
      `Usage: clerk-agent bench [${suites.join('|')} …]\nPrints benchmark figures (tokens, throughput, latency, memory, start-up time).\n`,
    );
    return 0;
  }
  const unknown = argv.filter((a) => !(suites as readonly string[]).includes(a));
  if (unknown.length > 0) {
    process.stderr.write(`clerk-agent bench: unknown suite "${unknown[0]}". Choose from: ${suites.join(', ')}.\n`);
    return 2;
  }
  const chosen = argv.length > 0 ? argv : [...suites];
  if (chosen.length > 1) {
    let failed = 0;
    for (const name of chosen) failed += (await runIsolated(name)) === 0 ? 0 : 1;
    return failed > 0 ? 1 : 0;
  }
  const log = (line: string) => process.stdout.write(line + '\n');
  let failed = 0;
  for (const name of chosen) {
    let mod: { run(log: (line: string) => void): Promise<void> };
    try {
      mod = await import(`../../bench/${name}.js`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && name === 'evals') continue;
      throw error;
    }
    log(`== ${name}`);
    try {
      await mod.run(log);
    } catch (error) {
      failed++;
      log(`${name}: FAILED — ${(error as Error).message}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

/** Runs one suite in a child process (same Node flags and entry point) and returns its exit code. */
function runIsolated(name: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, 'bench', name], { stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
