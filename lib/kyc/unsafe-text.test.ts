import { describe, expect, it } from "vitest";
import { createTestUser } from "@/lib/testing/factories";
import { sampleKycSteps } from "./sample-files";
import { saveKycStep } from "./save-step";

const NUL = "\u0000";
const LONE_HIGH = "\uD800";

/** Issue 12 (6): NUL and lone surrogates in application text were a 500 from the database. */
describe("KYC text PostgreSQL cannot store", () => {
  it("a verb storing free text (a KYC step in jsonb) answers 400 instead of failing in the database", async () => {
    const { ctx } = await createTestUser("lender");
    const steps = sampleKycSteps();
    const occupation = steps.find((s) => s.step === "occupation")!;
    const address = steps.find((s) => s.step === "address")!;
    await expect(saveKycStep({ ctx, input: { ...occupation, employer: `PT Maju${NUL}Jaya` } })).rejects.toMatchObject({ status: 400, fields: { employer: "textInvalid" } });
    await expect(saveKycStep({ ctx, input: { ...address, street: `Jl. Melati ${LONE_HIGH}` } })).rejects.toMatchObject({ status: 400, fields: { street: "textInvalid" } });
    // The same steps with clean text are stored.
    await expect(saveKycStep({ ctx, input: occupation })).resolves.toMatchObject({ status: "draft" });
  });
});
