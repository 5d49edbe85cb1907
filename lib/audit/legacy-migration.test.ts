import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { openPglite, type DatabaseHandle } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { rowsOf } from "@/db/rows";

/**
 * Migration 0013's hand-written part: a database that already has admin decisions in the old
 * audit_log keeps them in admin_audit_log (a lender's own action is left behind), and 0014 drops the
 * old table.
 */
describe("moving the old audit_log into admin_audit_log", () => {
  let handle: DatabaseHandle | undefined;
  let dir = "";
  afterAll(async () => {
    await handle?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("copies the admins' rows with their subject, reason and details, then drops the old table", async () => {
    // The migrations as they were before 0013.
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "lumbung-migrations-"));
    await fs.cp(MIGRATIONS_FOLDER, dir, { recursive: true });
    const journalPath = path.join(dir, "meta/_journal.json");
    const journal = JSON.parse(await fs.readFile(journalPath, "utf8")) as { entries: { tag: string }[] };
    const upTo = journal.entries.findIndex((e) => e.tag.endsWith("_admin_audit_log"));
    await fs.writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));

    handle = openPglite(null);
    const db = handle.db as unknown as PgliteDatabase;
    await migrate(db, { migrationsFolder: dir });
    await handle.db.execute(sql`
      insert into users (id, email, password_hash, role, full_name, phone, created_at, updated_at) values
        ('00000000-0000-4000-8000-00000000000a', 'a@x.test', 'x', 'admin', 'Admin', '0812', now(), now()),
        ('00000000-0000-4000-8000-00000000000b', 'l@x.test', 'x', 'lender', 'Lender', '0812', now(), now())`);
    await handle.db.execute(sql`
      insert into audit_log (occurred_at, actor_id, action, target, details) values
        ('2026-05-01T01:00:00Z', '00000000-0000-4000-8000-00000000000a', 'kyc.step_rejected', '00000000-0000-4000-8000-00000000000b', '{"step":"selfie","reason":"Blurry"}'),
        ('2026-05-01T02:00:00Z', '00000000-0000-4000-8000-00000000000a', 'wallet.settings_changed', null, '{"after":{"withdrawalFee":"2500"}}'),
        ('2026-05-01T03:00:00Z', '00000000-0000-4000-8000-00000000000b', 'gold.withdrawal_cancelled', '00000000-0000-4000-8000-0000000000c1', '{}'),
        ('2026-05-01T04:00:00Z', '00000000-0000-4000-8000-00000000000a', 'clock.advanced', null, '{"amount":1,"unit":"days"}')`);

    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const rows = rowsOf<Record<string, unknown>>(
      await handle.db.execute(sql`select admin_id, action, subject_type, subject_id, reason, details from admin_audit_log order by id`),
    );
    expect(rows.map((r) => [r.action, r.subject_type, r.subject_id, r.reason])).toEqual([
      ["kyc.step_rejected", "user", "00000000-0000-4000-8000-00000000000b", "Blurry"],
      ["wallet.settings_changed", "settings", "wallet", null],
      ["clock.advanced", "clock", "offset", null],
    ]);
    expect(rows[1]!.details).toEqual({ after: { withdrawalFee: "2500" } });
    const old = rowsOf<{ t: string | null }>(await handle.db.execute(sql`select to_regclass('public.audit_log')::text as t`));
    expect(old[0]!.t).toBeNull();
  });
});
