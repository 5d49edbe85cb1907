import "server-only";
import { now } from "@/lib/clock";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { computeLedgerHealth, type LedgerHealth } from "./internal/health";

/** Admin: live ledger checks (jobs call computeLedgerHealth directly) and the trial balance by account type and unit. */
export async function ledgerHealth({ ctx }: { ctx: Ctx }): Promise<LedgerHealth> {
  requireRole(ctx, "admin");
  const result = await computeLedgerHealth(dbOf(ctx));
  return { ...result, checkedAt: now() };
}
