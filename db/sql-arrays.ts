import { sql, type SQL } from "drizzle-orm";

/**
 * Ids as ONE uuid[] parameter (an array literal), for `= any(…)` and `unnest(…)`: the statement's text
 * stays the same whatever the number of ids (a prepared statement is reused; no thousands of bound
 * parameters). Only for uuids, which need no quoting inside the literal.
 */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}
