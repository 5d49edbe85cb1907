import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/**
 * Opening a database: PGlite (embedded, files under DATA_DIR) or PostgreSQL through postgres.js.
 * Both give a drizzle database with the same query API; the rest of the code sees one type.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/** A parameterised SQL runner on the raw driver, used by pg-boss and scripts. */
export type RawQuery = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export type DatabaseHandle = {
  kind: "pglite" | "postgres";
  db: Db;
  raw: RawQuery;
  /** Runs multi-statement SQL (no parameters). */
  exec: (text: string) => Promise<void>;
  close: () => Promise<void>;
  pglite?: PGlite;
  sql?: postgres.Sql;
};

// postgres.js: return bigint columns as bigint, never as number or string.
const postgresTypes = {
  bigint: {
    to: 20,
    from: [20],
    serialize: (x: bigint | number | string) => x.toString(),
    parse: (x: string) => BigInt(x),
  },
};

export function openPostgres(url: string, opts: { max?: number } = {}): DatabaseHandle {
  const sql = postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => {},
    types: postgresTypes,
    // JIT off: Lumbung's queries are short OLTP statements, and JIT compiles any plan whose *estimated*
    // cost crosses jit_above_cost — a 2 ms index-probe query with a pessimistic estimate spent 50 ms
    // compiling (the auto-purchase candidate facts, docs/PERFORMANCE.md). Reporting that needs it can
    // `set local jit = on`.
    connection: { application_name: "lumbung", jit: "off" },
  });
  const db = drizzlePostgres({ client: sql, schema, casing: "snake_case" });
  return {
    kind: "postgres",
    db,
    sql,
    raw: async (text, values = []) => {
      const rows = await sql.unsafe(text, values.map(toDriverParam) as postgres.ParameterOrJSON<never>[]);
      return { rows: rows as unknown as Record<string, unknown>[] };
    },
    exec: async (text) => {
      await sql.unsafe(text);
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/**
 * `loadDataDir`: start from a dumped data directory (tests copy one migrated template instead of
 * running initdb and every migration per file: lib/testing/template.ts).
 */
export function openPglite(dataDir: string | null, { loadDataDir }: { loadDataDir?: Blob } = {}): DatabaseHandle {
  // int8 as bigint, as on postgres.js: PGlite's default would turn it into a lossy JS number.
  const options = { parsers: { 20: (value: string) => BigInt(value) }, ...(loadDataDir ? { loadDataDir } : {}) };
  let pg: PGlite;
  if (dataDir) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    pg = new PGlite(dataDir, options);
  } else {
    pg = new PGlite(options);
  }
  const db = drizzlePglite({ client: pg, schema, casing: "snake_case" }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    pglite: pg,
    raw: async (text, values) => {
      if (values && values.length > 0) {
        const res = await pg.query<Record<string, unknown>>(text, values.map(toDriverParam));
        return { rows: res.rows };
      }
      // Without parameters the SQL may hold several statements (pg-boss migrations do): exec runs them all.
      const results = await pg.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    exec: async (text) => {
      await pg.exec(text);
    },
    close: () => pg.close(),
  };
}

/**
 * Plain objects go to the database as JSON text (pg-boss sends job data and queue options so, as the
 * pg driver would); arrays stay arrays (the drivers send them as PostgreSQL arrays).
 */
export function toDriverParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || value instanceof Date || Array.isArray(value) || typeof value !== "object") return value;
  return JSON.stringify(value);
}
