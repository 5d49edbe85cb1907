import { describe, expect, it } from "vitest";
import { advanceNow, setNow } from "@/lib/clock";
import { ValidationFailed } from "@/lib/errors";
import { createTestUser, withFreshAuth } from "@/lib/testing/factories";
import { listMyMovements, listUserMovementsForAdmin, movementsCsv } from "./history";
import { saveBankAccount, topUpThroughSandbox } from "./test-helpers";
import { rejectWithdrawal, requestWithdrawal } from "./withdrawals";

process.env.PAYMENT_WEBHOOK_SECRET = "history-test-secret-0123456789";

/** Day 1 top-up 3M; day 2 withdrawal 2M (rejected on day 3); day 4 auto-paid withdrawal 500k. */
async function userWithHistory() {
  setNow("2026-09-01T02:00:00Z");
  const lender = await createTestUser("lender");
  const admin = await createTestUser("admin");
  await topUpThroughSandbox(lender.ctx, 3_000_000n);
  const bank = await saveBankAccount(lender.ctx);
  advanceNow(86_400_000);
  const w = await requestWithdrawal({ ctx: withFreshAuth(lender.ctx), input: { bankAccountId: bank.id, amount: 2_000_000 } });
  advanceNow(86_400_000);
  await rejectWithdrawal({ ctx: admin.ctx, input: { withdrawalId: w.id, reason: "please verify" } });
  advanceNow(86_400_000);
  const auto = await requestWithdrawal({ ctx: withFreshAuth(lender.ctx), input: { bankAccountId: bank.id, amount: 500_000 } });
  setNow(null);
  return { ...lender, admin, w, auto };
}

describe("wallet history", () => {
  it("lists movements of available cash, newest first, with human types and signed amounts", async () => {
    const { ctx, w, auto } = await userWithHistory();
    const page = await listMyMovements({ ctx });
    expect(page.total).toBe(4);
    expect(page.items.map((m) => [m.type, m.amount, m.reference.id])).toEqual([
      ["withdrawal", -500_000n, auto.id],
      ["withdrawal_refund", 2_000_000n, w.id],
      ["withdrawal", -2_000_000n, w.id],
      ["topup", 3_000_000n, expect.any(String)],
    ]);
    expect(page.items[0]!.occurredAt.toISOString()).toBe("2026-09-04T02:00:00.000Z");
  });

  it("filters by type and date range (to is exclusive) and paginates", async () => {
    const { ctx } = await userWithHistory();
    const withdrawalsOnly = await listMyMovements({ ctx, input: { type: "withdrawal" } });
    expect(withdrawalsOnly.items.map((m) => m.amount)).toEqual([-500_000n, -2_000_000n]);
    const days2to3 = await listMyMovements({ ctx, input: { from: "2026-09-02T00:00:00Z", to: "2026-09-04T00:00:00Z" } });
    expect(days2to3.items.map((m) => m.type)).toEqual(["withdrawal_refund", "withdrawal"]);
    const p2 = await listMyMovements({ ctx, input: { page: 2, pageSize: 3 } });
    expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(p2.items.map((m) => m.type)).toEqual(["topup"]);
    expect(await listMyMovements({ ctx, input: { page: 9, pageSize: 3 } })).toMatchObject({ items: [], total: 4 });
    await expect(listMyMovements({ ctx, input: { type: "jackpot" } })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(listMyMovements({ ctx, input: { from: "2026-09-05", to: "2026-09-01" } })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(listMyMovements({ ctx, input: { pageSize: 1000 } })).rejects.toBeInstanceOf(ValidationFailed);
  });

  it("shows nothing of other users; a user without a wallet has no movements", async () => {
    await userWithHistory();
    const fresh = await createTestUser("borrower");
    expect(await listMyMovements({ ctx: fresh.ctx })).toMatchObject({ items: [], total: 0 });
  });

  it("exports CSV with the same rows", async () => {
    const { ctx } = await userWithHistory();
    const csv = await movementsCsv({ ctx, input: { type: "topup" } });
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("date,type,amount_idr,reference_type,reference_id,transfer_id");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^2026-09-01T02:00:00\.000Z,topup,3000000,topup,[0-9a-f-]{36},\d+$/);
  });

  it("lets admins read a user's movements, and nobody else", async () => {
    const { user, ctx, admin } = await userWithHistory();
    expect((await listUserMovementsForAdmin({ ctx: admin.ctx, input: { userId: user.id } })).total).toBe(4);
    await expect(listUserMovementsForAdmin({ ctx, input: { userId: user.id } })).rejects.toMatchObject({ status: 403 });
    await expect(movementsCsv({ ctx: admin.ctx })).rejects.toMatchObject({ status: 403 });
  });
});
