/**
 * The approval queue in PostgreSQL, for several bot replicas sharing one queue (`CLERK_AGENT_DATABASE_URL`).
 *
 * Records are stored as the exact JSON text the service signed (a `text` column, not `jsonb`: jsonb would reorder
 * keys and normalise numbers, and the signature is over the text's canonical form), next to the few columns the
 * queue filters on. Every state transition is one conditional `UPDATE … WHERE version = $n - 1 AND status = ANY(…)
 * RETURNING`, so exactly one of any number of racing replicas wins a claim. The schema is created by numbered
 * migrations under an advisory lock, so replicas starting together migrate once.
 */
import pg from 'pg';
import type { ApprovalStore, ChangeFilter, ChangeRequest, ChangeStatus, StoredRun } from './types.js';

/** Numbered, append-only: never edit a migration that has shipped; add the next one. */
const migrations: readonly string[] = [
  `CREATE TABLE clerk_agent_change_requests (
     id text PRIMARY KEY,
     version integer NOT NULL,
     status text NOT NULL,
     run_id text,
     conversation_id text NOT NULL,
     created_at timestamptz NOT NULL,
     seq bigserial,
     data text NOT NULL
   );
   CREATE INDEX clerk_agent_cr_status ON clerk_agent_change_requests (status);
   CREATE INDEX clerk_agent_cr_run ON clerk_agent_change_requests (run_id);
   CREATE INDEX clerk_agent_cr_conversation ON clerk_agent_change_requests (conversation_id);
   CREATE TABLE clerk_agent_runs (
     run_id text PRIMARY KEY,
     version integer NOT NULL,
     data text NOT NULL
   );`,
];

/** Any number well away from other applications' advisory locks. */
const MIGRATION_LOCK = 0x0c1e_7a9e;

export interface PostgresStoreOptions {
  /** `postgres://user@host:port/db`. */
  url: string;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
}

/** Connects, runs pending migrations, and returns the store. Fails with a clear message when unreachable. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<ApprovalStore> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener that would crash the process.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(`cannot use the approval database (${describeTarget(options.url)}): ${(error as Error).message}`);
  }
  return createStoreOnPool(pool);
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS clerk_agent_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = await client.query<{ version: number }>('SELECT version FROM clerk_agent_migrations');
    const applied = new Set(done.rows.map((r) => r.version));
    for (const [index, sql] of migrations.entries()) {
      const version = index + 1;
      if (applied.has(version)) continue;
      await client.query(sql);
      await client.query('INSERT INTO clerk_agent_migrations (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function createStoreOnPool(pool: pg.Pool): ApprovalStore {
  return {
    kind: 'postgres',

    async insert(requests: ChangeRequest[], run?: StoredRun): Promise<void> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        if (run) {
          await client.query('INSERT INTO clerk_agent_runs (run_id, version, data) VALUES ($1, $2, $3)', [
            run.runId,
            run.version,
            JSON.stringify(run),
          ]);
        }
        for (const request of requests) {
          await client.query(
            `INSERT INTO clerk_agent_change_requests (id, version, status, run_id, conversation_id, created_at, data)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [
              request.id,
              request.version,
              request.status,
              request.runId,
              request.conversationId,
              request.createdAt,
              JSON.stringify(request),
            ],
          );
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        if ((error as { code?: string }).code === '23505')
          throw new Error('a change request or run with that id exists');
        throw error;
      } finally {
        client.release();
      }
    },

    async get(id: string): Promise<ChangeRequest | undefined> {
      const { rows } = await pool.query<{ data: string }>(
        'SELECT data FROM clerk_agent_change_requests WHERE id = $1',
        [id],
      );
      return rows[0] ? (JSON.parse(rows[0].data) as ChangeRequest) : undefined;
    },

    async list(filter: ChangeFilter = {}): Promise<ChangeRequest[]> {
      const where: string[] = [];
      const values: unknown[] = [];
      if (filter.status) {
        values.push(filter.status);
        where.push(`status = ANY($${values.length})`);
      }
      if (filter.runId !== undefined) {
        values.push(filter.runId);
        where.push(`run_id = $${values.length}`);
      }
      if (filter.conversationId !== undefined) {
        values.push(filter.conversationId);
        where.push(`conversation_id = $${values.length}`);
      }
      let sql = 'SELECT data FROM clerk_agent_change_requests';
      if (where.length > 0) sql += ` WHERE ${where.join(' AND ')}`;
      sql += ' ORDER BY created_at, seq';
      if (filter.limit !== undefined) {
        values.push(Math.max(0, Math.floor(filter.limit)));
        sql += ` LIMIT $${values.length}`;
      }
      const { rows } = await pool.query<{ data: string }>(sql, values);
      return rows.map((r) => JSON.parse(r.data) as ChangeRequest);
    },

    async update(next: ChangeRequest, from: readonly ChangeStatus[]): Promise<boolean> {
      const result = await pool.query(
        `UPDATE clerk_agent_change_requests SET version = $2, status = $3, data = $4
         WHERE id = $1 AND version = $2 - 1 AND status = ANY($5) RETURNING id`,
        [next.id, next.version, next.status, JSON.stringify(next), [...from]],
      );
      return result.rowCount === 1;
    },

    async getRun(runId: string): Promise<StoredRun | undefined> {
      const { rows } = await pool.query<{ data: string }>('SELECT data FROM clerk_agent_runs WHERE run_id = $1', [
        runId,
      ]);
      return rows[0] ? (JSON.parse(rows[0].data) as StoredRun) : undefined;
    },

    async updateRun(next: StoredRun): Promise<boolean> {
      const result = await pool.query(
        'UPDATE clerk_agent_runs SET version = $2, data = $3 WHERE run_id = $1 AND version = $2 - 1 RETURNING run_id',
        [next.runId, next.version, JSON.stringify(next)],
      );
      return result.rowCount === 1;
    },

    async close(): Promise<void> {
      await pool.end();
    },
  };
}

/** host:port/db for messages; never the password. */
function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'an unparseable CLERK_AGENT_DATABASE_URL';
  }
}
