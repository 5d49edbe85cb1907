import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { riskAcknowledgements } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { RISK_DISCLOSURE_VERSION } from "../schemas";

export type RiskStatus = {
  version: string;
  disclosureAcceptedAt: Date | null;
  quizPassedAt: Date | null;
  passed: boolean;
};

export async function currentRow(db: DbOrTx, userId: string) {
  const [row] = await db
    .select()
    .from(riskAcknowledgements)
    .where(and(eq(riskAcknowledgements.userId, userId), eq(riskAcknowledgements.version, RISK_DISCLOSURE_VERSION)))
    .limit(1);
  return row;
}

export async function riskStatusOf(db: DbOrTx, userId: string): Promise<RiskStatus> {
  const row = await currentRow(db, userId);
  return {
    version: RISK_DISCLOSURE_VERSION,
    disclosureAcceptedAt: row?.disclosureAcceptedAt ?? null,
    quizPassedAt: row?.quizPassedAt ?? null,
    passed: Boolean(row?.quizPassedAt),
  };
}

export class RiskCheckRequired extends DomainError {
  constructor() {
    super("risk_check_required", "Read the risk disclosure and pass the short understanding check before investing.", 403);
  }
}

/** For the invest verb: the current disclosure accepted and its check passed, else RiskCheckRequired (403). */
export async function assertRiskCheckPassed(tx: DbOrTx, userId: string): Promise<void> {
  const [row] = await tx
    .select({ id: riskAcknowledgements.id })
    .from(riskAcknowledgements)
    .where(
      and(
        eq(riskAcknowledgements.userId, userId),
        eq(riskAcknowledgements.version, RISK_DISCLOSURE_VERSION),
        isNotNull(riskAcknowledgements.quizPassedAt),
      ),
    )
    .limit(1);
  if (!row) throw new RiskCheckRequired();
}
