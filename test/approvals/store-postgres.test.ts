/**
 * The PostgreSQL approval store against a real, throwaway PostgreSQL cluster (started here, stopped after).
 * Missing PostgreSQL binaries fail this file: see test/support/postgres.ts.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/approvals/store-postgres.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { describeStoreContract, makeRequest } from './store-contract.js';

let server: TestPostgres;

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describeStoreContract('postgres', () => ({ open: () => createPostgresStore({ url: server.url, maxConnections: 4 }) }));

describe('postgres store: schema and connection', () => {
  it('migrates once when several replicas start together', async () => {
    const stores = await Promise.all(
      Array.from({ length: 5 }, () => createPostgresStore({ url: server.url, maxConnections: 2 })),
    );
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM clerk_agent_migrations ORDER BY version');
    await client.end();
    expect(rows.map((r) => r.version)).toEqual([1]);
    const r = makeRequest();
    await stores[0]!.insert([r]);
    expect((await stores[4]!.get(r.id))?.id).toBe(r.id);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('keeps the exact signed text (key order, unicode, numbers) through the database', async () => {
    const store = await createPostgresStore({ url: server.url });
    const r = makeRequest({ args: { z: 1, a: 1.5e-7, ключ: '\u2028 line sep', big: 12345678901234 } });
    await store.insert([r]);
    const back = await store.get(r.id);
    expect(JSON.stringify(back)).toBe(JSON.stringify(r));
    await store.close();
  });

  it('says which database it could not reach, without the password', async () => {
    const url = 'postgres://admin:hunter2-secret@127.0.0.1:1/approvals';
    const error = await createPostgresStore({ url }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('127.0.0.1:1/approvals');
    expect((error as Error).message).not.toContain('hunter2');
  });
});
