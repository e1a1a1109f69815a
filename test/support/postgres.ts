/** The throwaway PostgreSQL cluster for tests (shared with the benchmarks, which live in bench/). */
export { startPostgres, type TestPostgres } from '../../bench/support/throwaway-postgres.js';
