import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PAYMENT_WEBHOOK_SECRET, resetEnvForTests } from "@/lib/env";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { kycProfiles, users } from "@/db/schema";
import { isKycApproved } from "@/lib/kyc";
import { assertRiskCheckPassed } from "@/lib/lending";
import { testDatabase } from "@/lib/testing/db";
import { seedDemo } from "./index";

describe("demo seed", () => {
  beforeAll(() => {
    // As `npm run db:seed` does: the demo top-ups go through the sandbox gateway, which needs a secret
    // outside demo mode (the PostgreSQL run).
    process.env.PAYMENT_WEBHOOK_SECRET ??= DEMO_PAYMENT_WEBHOOK_SECRET;
    resetEnvForTests();
  });

  it("verifies the demo lender, leaves Dewi waiting for review, and is idempotent", async () => {
    await seedDemo(testDatabase());
    await seedDemo(testDatabase());
    const [lender] = await getDb().select().from(users).where(eq(users.email, "lender@lumbung.test"));
    const [dewi] = await getDb().select().from(users).where(eq(users.email, "dewi@lumbung.test"));
    expect(await isKycApproved(getDb(), lender!.id)).toBe(true);
    await assertRiskCheckPassed(getDb(), lender!.id);
    const profiles = await getDb().select().from(kycProfiles);
    // The demo lender and Dewi through the real verbs, plus the three extra marketplace lenders as fixtures.
    expect(profiles).toHaveLength(5);
    expect(profiles.find((p) => p.userId === dewi!.id)).toMatchObject({ status: "submitted", version: 1 });
  });
});
