/**
 * The approval bench's extra stores: PostgreSQL on a throwaway local cluster (fsync on), so `npm run bench`
 * reports decide → executed latency and throughput for both stores. Needs the PostgreSQL server binaries.
 */
import { createPostgresStore } from '../src/approvals/store-postgres.js';
import type { StoreFactory } from './approvals.js';
import { startPostgres } from './support/throwaway-postgres.js';

export async function extraStoreFactories(): Promise<StoreFactory[]> {
  const server = await startPostgres({ fsync: true });
  return [
    {
      name: 'postgres (local cluster, fsync on)',
      open: () => createPostgresStore({ url: server.url, maxConnections: 20 }),
      cleanup: () => server.stop(),
    },
  ];
}
