import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, riskAcknowledgements } from "@/db/schema";
import { setNow } from "@/lib/clock";
import { createTestUser } from "@/lib/testing/factories";
import { acceptRiskDisclosure, answerRiskQuiz, getMyRiskStatus } from "./risk";
import { assertRiskCheckPassed } from "./internal/risk";
import { RISK_DISCLOSURE_VERSION } from "./schemas";

beforeEach(() => setNow("2026-11-23T03:00:00Z"));

const RIGHT = { guarantee: "can_lose", default: "collection", liquidity: "locked", diversify: "spread" };
const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);

describe("risk disclosure and understanding check", () => {
  it("records acceptance with time and version; a wrong answer explains and asks again; all right passes", async () => {
    const { user, ctx } = await createTestUser("lender");
    expect(await getMyRiskStatus({ ctx })).toEqual({ version: RISK_DISCLOSURE_VERSION, disclosureAcceptedAt: null, quizPassedAt: null, passed: false });
    expect(await rejected(answerRiskQuiz({ ctx, input: RIGHT }))).toMatchObject({ code: "risk_disclosure_required" });
    expect((await rejected(acceptRiskDisclosure({ ctx, input: { version: "2020-01", accepted: true } }))).fields).toEqual({ version: "disclosureOutdated" });
    expect((await rejected(acceptRiskDisclosure({ ctx, input: { version: RISK_DISCLOSURE_VERSION, accepted: false } }))).fields).toEqual({
      accepted: "mustAccept",
    });

    const accepted = await acceptRiskDisclosure({ ctx, input: { version: RISK_DISCLOSURE_VERSION, accepted: true } });
    expect(accepted.disclosureAcceptedAt).toEqual(new Date("2026-11-23T03:00:00Z"));
    await expect(assertRiskCheckPassed(getDb(), user.id)).rejects.toMatchObject({ code: "risk_check_required", status: 403 });

    setNow("2026-11-23T03:05:00Z");
    const wrong = await answerRiskQuiz({ ctx, input: { ...RIGHT, guarantee: "insured" } });
    expect(wrong).toMatchObject({ passed: false, wrong: [{ question: "guarantee", explanation: "risk.questions.guarantee.explanation" }] });
    expect((await rejected(answerRiskQuiz({ ctx, input: { ...RIGHT, liquidity: undefined } }))).fields).toEqual({ liquidity: "chooseAnswer" });

    const right = await answerRiskQuiz({ ctx, input: RIGHT });
    expect(right.passed).toBe(true);
    expect(right.status.quizPassedAt).toEqual(new Date("2026-11-23T03:05:00Z"));
    await assertRiskCheckPassed(getDb(), user.id);

    const [row] = await getDb().select().from(riskAcknowledgements).where(eq(riskAcknowledgements.userId, user.id));
    expect(row).toMatchObject({ version: RISK_DISCLOSURE_VERSION, failedAttempts: 1, answers: RIGHT });
    const names = (await getDb().select().from(events).where(and(eq(events.userId, user.id)))).map((e) => e.name);
    expect(names).toEqual(["risk_disclosure_accepted", "risk_quiz_failed", "risk_quiz_passed"]);

    // Accepting again keeps the first time.
    expect((await acceptRiskDisclosure({ ctx, input: { version: RISK_DISCLOSURE_VERSION, accepted: true } })).disclosureAcceptedAt).toEqual(
      new Date("2026-11-23T03:00:00Z"),
    );
  });

  it("is for lenders only", async () => {
    for (const role of ["borrower", "admin"] as const) {
      const { ctx } = await createTestUser(role);
      await expect(getMyRiskStatus({ ctx })).rejects.toMatchObject({ status: 403 });
      await expect(acceptRiskDisclosure({ ctx, input: { version: RISK_DISCLOSURE_VERSION, accepted: true } })).rejects.toMatchObject({ status: 403 });
      await expect(answerRiskQuiz({ ctx, input: RIGHT })).rejects.toMatchObject({ status: 403 });
    }
  });
});
