import type { SQL } from "drizzle-orm";
import { PgDialect, type PgSession } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client";

const dialect = new PgDialect({ casing: "snake_case" });

/**
 * Runs a hot write of fixed text as a named prepared statement. On PostgreSQL (postgres.js) an unprepared
 * statement with parameters costs two round trips (Parse/Describe, then Bind/Execute) and holds back any
 * statement issued after it; a prepared one is parsed once per connection, then runs in one round trip
 * and pipelines with its neighbours. PGlite runs it as usual. Only for statements whose text does not vary
 * with the data (rows as one JSON or array parameter, never an inlined list), or each variant would stay
 * prepared on the connection; and only where a generic plan is as good as a custom one (an INSERT … SELECT
 * FROM jsonb_to_recordset($1), an UPDATE by primary key) — a query whose plan depends on its parameters'
 * values stays on db.execute. Same result shape as db.execute().
 */
export async function executePrepared(db: DbOrTx, query: SQL): Promise<unknown> {
  const session = (db as unknown as { _: { session: PgSession } })._.session;
  return session.prepareQuery(dialect.sqlToQuery(query), undefined, "prepared", false).execute();
}
