import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { loanApplications, type LoanApplication } from "@/db/schema";
import { type UserActor } from "@/lib/context";
import { NotFound } from "@/lib/errors";

/** The borrower's own application, locked; someone else's id is NotFound. */
export async function lockOwnApplication(tx: DbOrTx, actor: UserActor, applicationId: string): Promise<LoanApplication> {
  const [row] = await tx
    .select()
    .from(loanApplications)
    .where(and(eq(loanApplications.id, applicationId), eq(loanApplications.borrowerId, actor.userId)))
    .for("update")
    .limit(1);
  if (!row) throw new NotFound("The application");
  return row;
}
