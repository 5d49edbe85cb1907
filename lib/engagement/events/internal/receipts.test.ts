import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { getDb } from "@/db";
import { clientEventReceipts } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { pruneEventReceipts } from "./receipts";

describe("pruneEventReceipts", () => {
  it("deletes the receipts older than 7 days by the clock and keeps the rest", async () => {
    setNow("2026-12-10T12:00:00Z");
    const day = 24 * 60 * 60 * 1000;
    const at = (daysAgo: number) => new Date(new Date("2026-12-10T12:00:00Z").getTime() - daysAgo * day);
    const rows = [8, 7.001, 6.999, 1, 0].map((d) => ({ id: crypto.randomUUID(), receivedAt: at(d) }));
    await getDb().insert(clientEventReceipts).values(rows);
    expect(await pruneEventReceipts(getDb())).toBe(2);
    const left = await getDb().select().from(clientEventReceipts);
    expect(left.map((r) => r.id).sort()).toEqual(rows.slice(2).map((r) => r.id).sort());
    expect(await pruneEventReceipts(getDb())).toBe(0);
    setNow(null);
  });
});
