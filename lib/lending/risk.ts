import "server-only";
import { eq, sql } from "drizzle-orm";
import { riskAcknowledgements } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { Conflict, parseInput } from "@/lib/errors";
import { AcceptRiskDisclosureInput, AnswerRiskQuizInput, RISK_QUESTIONS, type RiskQuestionId } from "./schemas";
import { riskStatusOf, type RiskStatus, currentRow } from "./internal/risk";

/** The right option of each understanding-check question (the wording and explanations are in messages: risk.questions.*). */
const CORRECT: Record<RiskQuestionId, string> = {
  guarantee: "can_lose",
  default: "collection",
  liquidity: "locked",
  diversify: "spread",
};

export async function getMyRiskStatus({ ctx }: { ctx: Ctx }): Promise<RiskStatus> {
  const actor = requireRole(ctx, "lender");
  return riskStatusOf(dbOf(ctx), actor.userId);
}

/** The lender accepts the current risk disclosure (recorded with time and version). Accepting again keeps the first time. */
export async function acceptRiskDisclosure({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<RiskStatus> {
  const actor = requireRole(ctx, "lender");
  const { version } = parseInput(AcceptRiskDisclosureInput, input);
  return withTransaction(ctx, async (tx) => {
    const inserted = await tx
      .insert(riskAcknowledgements)
      .values({ userId: actor.userId, version, disclosureAcceptedAt: now() })
      .onConflictDoNothing({ target: [riskAcknowledgements.userId, riskAcknowledgements.version] })
      .returning({ id: riskAcknowledgements.id });
    if (inserted.length > 0) {
      await track(tx, { name: "risk_disclosure_accepted", userId: actor.userId, properties: { version }, context: ctx.request });
    }
    return riskStatusOf(tx, actor.userId);
  });
}

export type QuizResult =
  | { passed: true; status: RiskStatus }
  | { passed: false; wrong: { question: RiskQuestionId; explanation: string }[]; status: RiskStatus };

/**
 * Checks the answers. A wrong answer returns the question and its explanation (a messages key) so the
 * lender reads why and answers again; all right → passed, recorded with the time, version and answers.
 */
export async function answerRiskQuiz({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<QuizResult> {
  const actor = requireRole(ctx, "lender");
  const answers = parseInput(AnswerRiskQuizInput, input) as Record<RiskQuestionId, string>;
  return withTransaction(ctx, async (tx) => {
    const row = await currentRow(tx, actor.userId);
    if (!row) throw new Conflict("risk_disclosure_required", "Read and accept the risk disclosure first.");
    const wrong = RISK_QUESTIONS.filter((q) => answers[q.id] !== CORRECT[q.id]).map((q) => ({
      question: q.id,
      explanation: `risk.questions.${q.id}.explanation`,
    }));
    if (wrong.length > 0) {
      await tx
        .update(riskAcknowledgements)
        .set({ failedAttempts: sql`${riskAcknowledgements.failedAttempts} + 1` })
        .where(eq(riskAcknowledgements.id, row.id));
      await track(tx, {
        name: "risk_quiz_failed",
        userId: actor.userId,
        properties: { version: row.version, wrong: wrong.map((w) => w.question) },
        context: ctx.request,
      });
      return { passed: false, wrong, status: await riskStatusOf(tx, actor.userId) };
    }
    if (!row.quizPassedAt) {
      await tx.update(riskAcknowledgements).set({ quizPassedAt: now(), answers }).where(eq(riskAcknowledgements.id, row.id));
      await track(tx, { name: "risk_quiz_passed", userId: actor.userId, properties: { version: row.version, failedAttempts: row.failedAttempts }, context: ctx.request });
    }
    return { passed: true, status: await riskStatusOf(tx, actor.userId) };
  });
}
