/**
 * The measuring half of the benchmarks' load generators, as plain JS appended to a `node -e` script (no TypeScript
 * loader in the child). The script before it defines `once()` (one request → `{ ms, ok }`), `C` (requests in
 * flight), `N` and `WARM` (counts) and `agent`; the script after it sets `stop` to end an open-ended phase and
 * calls `measure`, which prints one JSON line (LoadResult) and exits.
 */
export const LOAD_PHASES = `
let stop = false;
async function phase(total, record, untilStopped) {
  let next = 0, errors = 0;
  const lat = [];
  const worker = async () => {
    while (untilStopped ? !stop : next < total) {
      next++;
      const r = await once();
      if (!r.ok) errors++;
      if (record) lat.push(r.ms);
    }
  };
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Number(C) }, worker));
  return { lat, errors, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}
/** Warm up (unless open-ended), measure, print the figures. */
async function measure(untilStopped) {
  if (!untilStopped) await phase(Number(WARM), false, false);
  const r = await phase(Number(N), true, untilStopped);
  r.lat.sort((a, b) => a - b);
  const q = (p) => r.lat[Math.min(r.lat.length - 1, Math.floor(p * r.lat.length))];
  process.stdout.write(JSON.stringify({ count: r.lat.length, errors: r.errors, ms: r.ms, p50: q(0.5), p99: q(0.99), max: r.lat[r.lat.length - 1] }) + '\\n');
  agent.destroy();
  process.exit(0);
}
`;

/** What a load generator prints. */
export interface LoadResult {
  count: number;
  errors: number;
  ms: number;
  p50: number;
  p99: number;
  max: number;
}
