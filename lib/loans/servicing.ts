import "server-only";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { installments, loans, servicingRuns, type InstallmentRow, type Loan } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireSystemOrAdmin, withTransaction, type Ctx } from "@/lib/context";
import { track } from "@/lib/engagement";
import { day as dayParam, idr } from "@/lib/money/params";
import { notify } from "@/lib/notifications";
import { parseInput } from "@/lib/errors";
import { proposeLateFee } from "./caps";
import { RunServicingInput } from "./schemas";
import { sumBig } from "./math";
import { activeShares, addDaysToDay, capFor, currentInstallments, daysBetween, lockLoan, loanLink, owedOn, SERVICED_STATUSES, tenorOf, wibDay } from "./internal/store";

export const DEFAULT_AFTER_DAYS = 90;
export const REMINDER_DAYS_BEFORE = 3;

export type ServicingSummary = { loans: number; days: number; lateFees: bigint; defaulted: number };

/**
 * The daily servicing run (job loans.daily-servicing, also callable directly). For every disbursed
 * loan whose last serviced day is before today (WIB, by the clock) it services each missing day in
 * order, so a clock jump of 120 days is caught up day by day. Each loan is its own transaction and
 * each (loan, day) inserts a servicing_runs row first, so a retry or a second worker does nothing twice.
 */
export async function runServicing({ ctx, input }: { ctx: Ctx; input?: unknown }): Promise<ServicingSummary> {
  requireSystemOrAdmin(ctx);
  const { upTo } = parseInput(RunServicingInput, input ?? {});
  const today = wibDay(upTo ?? now());
  const { tx: _outer, ...base } = ctx;
  const due = await dbOf(ctx)
    .select({ id: loans.id })
    .from(loans)
    .where(and(inArray(loans.status, [...SERVICED_STATUSES]), or(isNull(loans.lastServicedOn), lt(loans.lastServicedOn, today))));
  const summary: ServicingSummary = { loans: 0, days: 0, lateFees: 0n, defaulted: 0 };
  for (const { id } of due) {
    await withTransaction(ctx.tx ? ctx : base, async (tx) => {
      const loan = await lockLoan(tx, id);
      if (!(SERVICED_STATUSES as readonly string[]).includes(loan.status)) return;
      const rows = await currentInstallments(tx, loan);
      let day = loan.lastServicedOn ? addDaysToDay(loan.lastServicedOn, 1) : wibDay(loan.disbursedAt ?? now());
      let state = loan;
      while (day <= today) {
        const r = await serviceDay(tx, state, rows, day, today);
        state = r.loan;
        summary.days += 1;
        summary.lateFees += r.lateFee;
        if (r.defaulted) summary.defaulted += 1;
        day = addDaysToDay(day, 1);
      }
      summary.loans += 1;
    });
  }
  return summary;
}

/**
 * The unpaid installments owed a due-soon reminder on `day` (a WIB day): not yet reminded, reminder
 * moment (due day − REMINDER_DAYS_BEFORE) on or before `day`, due day not before `day`.
 */
export function remindersDue<T extends Pick<InstallmentRow, "dueDate" | "reminderSentAt" | "paidAt">>(rows: readonly T[], day: string): T[] {
  return rows.filter((r) => {
    if (r.paidAt !== null || r.reminderSentAt !== null) return false;
    const due = wibDay(r.dueDate);
    return due >= day && addDaysToDay(due, -REMINDER_DAYS_BEFORE) <= day;
  });
}

async function serviceDay(tx: DbOrTx, loan: Loan, rows: InstallmentRow[], day: string, today: string) {
  const at = now();
  const [run] = await tx.insert(servicingRuns).values({ loanId: loan.id, day, daysPastDue: 0, lateFee: 0n, createdAt: at }).onConflictDoNothing().returning();
  if (!run) return { loan, lateFee: 0n, defaulted: false };

  const unpaid = rows.filter((r) => r.paidAt === null);
  const overdue = unpaid.filter((r) => wibDay(r.dueDate) < day);
  const dpd = overdue.length > 0 ? daysBetween(wibDay(overdue[0]!.dueDate), day) : 0;
  const overdueAmount = sumBig(overdue.map(owedOn));

  // The fee itself is pure (caps.ts proposeLateFee); only the cap in force on the day is read here.
  let lateFee = 0n;
  if (overdueAmount > 0n) {
    const cap = await capFor(tx, tenorOf(loan.tenorUnit, loan.tenor), new Date(`${day}T12:00:00+07:00`));
    lateFee = proposeLateFee({
      cap,
      principal: loan.principal,
      overdue: overdueAmount,
      lateFeeDailyPpm: BigInt(loan.lateFeeDailyPpm),
      scheduledInterest: sumBig(rows.map((r) => r.interest - r.interestWaived)),
      fees: loan.platformFee,
      lateFeesCharged: loan.lateFeeCharged,
    }).fee;
  }
  const defaulted = dpd >= DEFAULT_AFTER_DAYS && loan.status !== "default";
  const status: Loan["status"] = defaulted || loan.status === "default" ? "default" : dpd > 0 ? "late" : "active";
  const [updated] = await tx
    .update(loans)
    .set({
      status,
      daysPastDue: dpd,
      lateFeeCharged: sql`${loans.lateFeeCharged} + ${lateFee}`,
      lastServicedOn: day,
      defaultedAt: defaulted ? at : loan.defaultedAt,
      updatedAt: at,
    })
    .where(eq(loans.id, loan.id))
    .returning();
  await tx.update(servicingRuns).set({ daysPastDue: dpd, lateFee }).where(and(eq(servicingRuns.loanId, loan.id), eq(servicingRuns.day, day)));

  // An installment whose due day was yesterday has just become late.
  for (const r of overdue.filter((x) => daysBetween(wibDay(x.dueDate), day) === 1)) {
    await track(tx, { name: "installment_late", userId: loan.borrowerId, properties: { loanId: loan.id, number: r.number, day, owed: owedOn(r) } });
    await notify(tx, { userId: loan.borrowerId, kind: "installment_late", params: { number: r.number, amount: idr(owedOn(r)) }, link: loanLink(loan.id, "borrower") });
  }
  // Reminders are sent on the current day only (a catch-up over past days must not send a burst of
  // stale ones), but for every unpaid installment whose reminder moment (REMINDER_DAYS_BEFORE days
  // before its due day) has come and whose due day has not passed: a jump or an outage across the
  // reminder day still sends it, once. An installment already past due gets the late notice instead.
  // Claiming the row (reminder_sent_at set only while it is null) is the once-only key: a second run
  // or worker that gets there later claims nothing and sends nothing.
  if (day === today) {
    for (const r of remindersDue(unpaid, day)) {
      const [claimed] = await tx
        .update(installments)
        .set({ reminderSentAt: at })
        .where(and(eq(installments.id, r.id), isNull(installments.reminderSentAt)))
        .returning({ id: installments.id });
      r.reminderSentAt = at;
      if (!claimed) continue;
      await track(tx, { name: "installment_due_soon", userId: loan.borrowerId, properties: { loanId: loan.id, number: r.number, dueDate: r.dueDate, owed: owedOn(r) } });
      await notify(tx, { userId: loan.borrowerId, kind: "installment_due_soon", params: { number: r.number, amount: idr(owedOn(r)), dueDate: dayParam(wibDay(r.dueDate)) }, link: loanLink(loan.id, "borrower") });
    }
  }
  if (defaulted) {
    const shares = await activeShares(tx, loan.id);
    await track(tx, { name: "loan_defaulted", userId: loan.borrowerId, properties: { loanId: loan.id, day, daysPastDue: dpd, overdue: overdueAmount } });
    const lenders = [...new Set(shares.map((s) => s.lenderId))];
    await notify(tx, lenders.map((userId) => ({ userId, kind: "loan_defaulted", link: loanLink(loan.id, "lender") })));
  }
  return { loan: updated!, lateFee, defaulted };
}
