import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db";
import { rowsOf } from "@/db/rows";
import { migrateDatabase } from "./migrate";

describe("migrations", () => {
  it("are idempotent and safe when several processes start together", async () => {
    const handle = getDatabase();
    // The test database is already migrated; three more concurrent runs must all succeed and change nothing.
    await Promise.all([migrateDatabase(handle), migrateDatabase(handle), migrateDatabase(handle)]);
    const rows = rowsOf<{ n: string | number }>(
      await handle.db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`),
    );
    expect(Number(rows[0]?.n)).toBeGreaterThanOrEqual(1);
  });
});
