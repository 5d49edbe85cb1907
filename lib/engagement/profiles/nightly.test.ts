import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rowsOf } from "@/db/rows";
import { systemCtx } from "@/lib/context";
import { isDomainError } from "@/lib/errors";
import { startJobQueue } from "@/lib/jobs/boss";
import { createTestUser } from "@/lib/testing/factories";
import { runNightlyProfiles } from "./nightly";
import { profilesTimeJump } from "./time-jump";

beforeAll(async () => {
  await startJobQueue();
});

describe("nightly profiles", () => {
  it("runs only as the system: every profile refreshed, then RFM", async () => {
    const admin = await createTestUser("admin");
    await createTestUser("lender");
    await createTestUser("borrower");
    const e = await runNightlyProfiles({ ctx: admin.ctx }).then(() => null, (x) => x);
    expect(isDomainError(e) && e.status).toBe(403);
    expect(await runNightlyProfiles({ ctx: systemCtx("test") })).toEqual({ profiles: 2, scored: 0 });
  });

  it("a time jump enqueues the recompute in the jump's transaction", async () => {
    await getDb().transaction((tx) => profilesTimeJump.catchUp(tx));
    const rows = rowsOf<{ n: number }>(await getDb().execute(sql`select count(*)::int as n from pgboss.job where name = 'engagement.recompute-rfm'`));
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
  });
});
