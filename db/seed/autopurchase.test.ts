import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db";
import { autoPurchaseDecisions, autoPurchaseStrategies, loanInvestments, users } from "@/db/schema";
import { DEMO_PAYMENT_WEBHOOK_SECRET, resetEnvForTests } from "@/lib/env";
import { testDatabase } from "@/lib/testing/db";
import { seedDemo } from "./index";

// The whole demo seed runs (twice) in one test: give it room on a busy 2-core machine.
describe("demo seed: auto-purchase", { timeout: 240_000 }, () => {
  beforeAll(() => {
    process.env.PAYMENT_WEBHOOK_SECRET ??= DEMO_PAYMENT_WEBHOOK_SECRET;
    resetEnvForTests();
  });

  it("gives the demo lender an active strategy that bought listed loans (and skipped some), and a paused one", async () => {
    await seedDemo(testDatabase());
    await seedDemo(testDatabase());
    const [lender] = await getDb().select().from(users).where(eq(users.email, "lender@lumbung.test"));
    const strategies = await getDb().select().from(autoPurchaseStrategies).where(eq(autoPurchaseStrategies.lenderId, lender!.id));
    expect(strategies.map((s) => [s.name, s.active])).toEqual([
      ["Working capital, steady", true],
      ["Short invoices", false],
    ]);
    const bought = await getDb().select().from(loanInvestments).where(and(eq(loanInvestments.lenderId, lender!.id), isNotNull(loanInvestments.autoStrategyId)));
    expect(bought.length).toBeGreaterThanOrEqual(2);
    const skipped = await getDb().select().from(autoPurchaseDecisions).where(eq(autoPurchaseDecisions.lenderId, lender!.id));
    expect(skipped.length).toBeGreaterThanOrEqual(1);
  });
});
