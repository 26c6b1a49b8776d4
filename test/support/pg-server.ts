// The embedded PostgreSQL lives with the bench (compiled into dist/bench, which starts its own
// server the same way); tests use it from here.
export { PG_TEST_PASSWORD, startPgServer } from '../../bench/pg-server.js';
export type { PgTestServer } from '../../bench/pg-server.js';
