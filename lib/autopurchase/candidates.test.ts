import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rowsOf } from "@/db/rows";
import { autoPurchaseLenders } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { startJobQueue } from "@/lib/jobs/boss";
import { comparePriority } from "@/lib/loans/allocation";
import { compareKeys } from "@/lib/loans/math";
import { listedLoan } from "@/lib/loans/test-helpers";
import { candidatePager, selectCandidateQueue } from "./internal/candidates";
import { autoLender } from "./test-helpers";

beforeAll(async () => {
  await startJobQueue();
});
beforeEach(async () => {
  setNow("2026-03-02T03:00:00Z");
  await getDb().execute(sql`update auto_purchase_strategies set active = false`);
});

describe("the candidate queue", () => {
  it("PostgreSQL orders uuids as compareKeys orders their text (the ranking's tie-break)", async () => {
    // Random ones plus edge digits: 0-9 against a-f in every position.
    const ids = Array.from({ length: 300 }, () => randomUUID());
    ids.push("00000000-0000-4000-8000-000000000000", "ffffffff-ffff-4fff-bfff-ffffffffffff", "a0000000-0000-4000-8000-000000000000", "90000000-0000-4000-8000-00000000000f");
    const pg = rowsOf<{ u: string }>(await getDb().execute(sql`select u::text as u from unnest(${`{${ids.join(",")}}`}::uuid[]) u order by u`)).map((r) => r.u);
    expect(pg).toEqual([...ids].sort(compareKeys));
  });

  it("pages follow comparePriority exactly across page boundaries, ties on the date broken by lender id", async () => {
    const people = [];
    for (let i = 0; i < 9; i++) people.push(await autoLender());
    const dates = [null, "2026-01-05T00:00:00Z", null, "2026-01-05T00:00:00Z", "2026-01-01T00:00:00.123Z", null, "2026-01-05T00:00:00Z", "2026-02-01T00:00:00Z", null];
    for (const [i, l] of people.entries()) {
      await getDb().update(autoPurchaseLenders).set({ lastAllocatedAt: dates[i] ? new Date(dates[i]) : null }).where(eq(autoPurchaseLenders.lenderId, l.user.id));
    }
    const { loanId } = await listedLoan({ amount: 10_000_000n });
    const all = await selectCandidateQueue(getDb(), loanId);
    expect(all.map((c) => c.lenderId).sort()).toEqual(people.map((p) => p.user.id).sort());
    expect(all).toEqual([...all].sort(comparePriority));
    for (const size of [1, 2, 4]) {
      const pager = candidatePager(getDb(), loanId);
      const paged = [];
      for (;;) {
        const page = await pager.next(size);
        paged.push(...page);
        if (page.length < size) break;
      }
      expect(paged.map((c) => c.lenderId)).toEqual(all.map((c) => c.lenderId));
    }
  });
});
