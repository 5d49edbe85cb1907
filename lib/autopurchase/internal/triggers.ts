import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import type { Loan } from "@/db/schema";
import { now, realNow } from "@/lib/clock";
import { enqueue } from "@/lib/jobs/boss";
import { matchLenderJob } from "@/lib/jobs/definitions/autopurchase/match-lender";
import { matchLoanJob } from "@/lib/jobs/definitions/autopurchase/match-loan";
import { uuidArray } from "@/db/sql-arrays";
import type { TimeJumpHook } from "@/lib/system";

/**
 * Where other areas start auto-purchase, in their own transaction (jobs enqueue only if it commits).
 * Not verbs: called from verbs that already authorized.
 */

/** A loan was listed: match it now, and again when its holdback ends (auto supply grows then). */
export async function onLoanListed(tx: DbOrTx, loan: Pick<Loan, "id" | "holdbackUntil" | "holdbackAmount">): Promise<void> {
  await enqueue(tx, matchLoanJob, { loanId: loan.id });
  if (loan.holdbackAmount > 0n) {
    // pg-boss waits by the wall clock; the domain clock may run ahead (demo time machine): wait the same span.
    const wait = loan.holdbackUntil.getTime() - now().getTime();
    await enqueue(tx, matchLoanJob, { loanId: loan.id }, { startAfter: new Date(realNow().getTime() + wait) });
  }
}

/**
 * Cash arrived for these users (top-up, repayment): those with an active reinvest strategy get a
 * match-lender job (one waiting job per lender at most). Users without one cost a single query and
 * enqueue nothing.
 */
export async function onCashArrived(tx: DbOrTx, userIds: readonly string[]): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  const rows = rowsOf<{ lender_id: string }>(
    await tx.execute(sql`
      select distinct lender_id from auto_purchase_strategies
      where lender_id = any(${uuidArray(ids)}) and active and reinvest and archived_at is null`),
  );
  for (const r of rows) await enqueue(tx, matchLenderJob, { lenderId: r.lender_id }, { singletonKey: r.lender_id });
}

/**
 * The demo time machine jumped from `from` to `to`: the holdback-end runs were scheduled with pg-boss
 * in real time, so loans whose holdback ended inside the jump are matched now.
 */
export async function onClockAdvanced(tx: DbOrTx, from: Date, to: Date): Promise<void> {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      select id from loans where status = 'funding'
        and holdback_until > ${from.toISOString()}::timestamptz and holdback_until <= ${to.toISOString()}::timestamptz`),
  );
  for (const r of rows) await enqueue(tx, matchLoanJob, { loanId: r.id });
}

/** Loans whose 24 h holdback ended inside a time-machine jump get their second matching run now. */
export const autoPurchaseTimeJump: TimeJumpHook = {
  area: "autopurchase",
  catchUp: (tx, { from, to }) => onClockAdvanced(tx, from, to),
};
