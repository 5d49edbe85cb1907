import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createTestUser } from "@/lib/testing/factories";
import { listLoanProducts } from "./application-queries";
import { ensureLoanDefaults } from "./internal/defaults";

describe("loan products list", () => {
  it("shows open products to anyone and closed ones to admins only", async () => {
    await ensureLoanDefaults(getDb());
    const borrower = await createTestUser("borrower");
    const admin = await createTestUser("admin");
    expect((await listLoanProducts({ ctx: borrower.ctx })).length).toBeGreaterThanOrEqual(3);
    await expect(listLoanProducts({ ctx: borrower.ctx, input: { includeInactive: true } })).rejects.toMatchObject({ status: 403 });
    expect((await listLoanProducts({ ctx: admin.ctx, input: { includeInactive: true } })).length).toBeGreaterThanOrEqual(3);
  });
});
