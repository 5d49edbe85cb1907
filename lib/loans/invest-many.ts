import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { executePrepared } from "@/db/prepared";
import { rowsOf } from "@/db/rows";
import { ledgerAccounts, loanInvestments, loans, type Loan, type LoanInvestment } from "@/db/schema";
import { now } from "@/lib/clock";
import { requireSystem, type Ctx } from "@/lib/context";
import { trackMany, type TrackEvent } from "@/lib/engagement";
import { Conflict, NotFound, parseInput } from "@/lib/errors";
import { transferMany } from "@/lib/ledger";
import { onFullyFunded } from "./internal/invest";
import { amountRuleError, assertLoanOpen, fundingCeiling } from "./invest-rules";
import { lenderGateMany, lenderOutstandingMany } from "./internal/lender-gate";
import { uuidArray } from "@/db/sql-arrays";
import { InvestManyInput } from "./schemas";

export type InvestManyItem = z.input<typeof InvestManyInput>["items"][number];
export type InvestManyRefusal = { lenderId: string; reason: "balance" | "kyc" | "risk_check" | "limit" | "amount" | "loan_full"; details: Record<string, string> };
export type InvestManyResult = {
  /** Created now or found by idempotency key (created false). */
  bought: { lenderId: string; investment: Pick<LoanInvestment, "id" | "lenderId" | "amount">; created: boolean }[];
  refused: InvestManyRefusal[];
  loanFunded: boolean;
  /** With deferEvents: the loan_invested events still to record. */
  events: TrackEvent[];
};

/**
 * Many lenders invest in ONE loan at once, in the caller's transaction (ctx.tx, required: the
 * matcher passes `{ ...ctx, tx }`) — the auto-purchase batch.
 * The same rules as invest() (invest-rules.ts, lenderGateMany = assertLenderMayInvest set-based) and
 * the same guarantees, with a handful of statements for the whole batch instead of a dozen per lender:
 *
 *  1. The loan row is locked (FOR UPDATE) first — the order invest() takes locks in (loan, then
 *     ledger accounts) — so the funded amount read here stays true until commit (or the caller passes
 *     the row it locked itself, lockedLoan).
 *  2. Idempotency keys seen before return their investment and move nothing again.
 *  3. The lenders' cash and lender_reserved accounts are locked in id order — each lender's purchase
 *     lock (lockLenderPurchases) — and their outstanding is read after that lock, so the limit check
 *     holds against every other purchase by the same lender. Each lender is checked (KYC, risk check,
 *     limit, minimum/step) and each purchase must fit the cash under lock.
 *     A lender failing any check is refused with the reason and left out; the others go ahead.
 *  4. The funded amount grows by the total in one conditional UPDATE (≤ the source's ceiling; the
 *     CHECK funded ≤ principal stands behind it), investments are inserted in one statement, every
 *     purchase is one ledger transfer (cash → lender_reserved, key invest:<investmentId>) in one
 *     transferMany, loan_invested events in one insert, and a full loan is marked funded.
 */
export async function investMany({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<InvestManyResult> {
  requireSystem(ctx); // auto-purchase only; lenders buy through invest()
  const { loanId, items, source, gates: knownGates, deferEvents, lockedLoan } = parseInput(InvestManyInput, input);
  // The caller's transaction: the matcher locked the loan in it and records its decisions after this.
  const tx = ctx.tx;
  if (!tx) throw new Error("investMany runs in the caller's transaction: pass ctx with tx");
  const result: InvestManyResult = { bought: [], refused: [], loanFunded: false, events: [] };
  if (items.length === 0) return result;
  if (new Set(items.map((i) => i.lenderId)).size !== items.length) throw new Error("investMany: one item per lender");
  if (lockedLoan && lockedLoan.id !== loanId) throw new Error("investMany: lockedLoan is another loan");
  const [loan] = lockedLoan ? [lockedLoan] : ((await tx.select().from(loans).where(eq(loans.id, loanId)).for("update")) as Loan[]);
  if (!loan) throw new NotFound("The loan");

  // Cash and reserved accounts are locked in id order (as transferMany does) for every lender of the
  // batch, issued together with the idempotency lookup: the lock order stays loan, then accounts;
  // lenders refused below merely keep their rows locked until commit.
  const lockAccounts = async (lenderIds: string[]) =>
    rowsOf<{ id: string; owner_id: string; type: string; balance: string }>(
      await tx.execute(sql`
        select id, owner_id, type, balance::text from ledger_accounts
        where owner_type = 'user' and unit = 'IDR' and type in ('user_cash', 'lender_reserved') and owner_id = any(${uuidArray(lenderIds)})
        order by id for no key update`),
    );
  // The accounts' lock is the lender's purchase lock (lockLenderPurchases): each lender's outstanding is
  // read again in a statement AFTER it (pipelined behind it), so a purchase by the same lender that
  // committed meanwhile (a manual invest, a checkout, another loan's matcher) counts against the limit.
  const [prior, [lockedFirst, outstandingFirst]] = await Promise.all([
    tx.select().from(loanInvestments).where(inArray(loanInvestments.idempotencyKey, items.map((i) => i.idempotencyKey))),
    lockAccounts(items.map((i) => i.lenderId)).then(async (rows) => [rows, await lenderOutstandingMany(tx, items.map((i) => i.lenderId))] as const),
  ]);
  let outstandingNow = outstandingFirst;
  const priorByKey = new Map(prior.map((p) => [p.idempotencyKey, p]));
  const fresh: InvestManyItem[] = [];
  for (const item of items) {
    const p = priorByKey.get(item.idempotencyKey);
    if (!p) fresh.push(item);
    else if (p.lenderId !== item.lenderId || p.loanId !== loanId || p.amount !== item.amount) {
      throw new Conflict("idempotency_key_reused", "This idempotency key was already used for another investment.");
    } else result.bought.push({ lenderId: item.lenderId, investment: p, created: false });
  }
  if (fresh.length === 0) return result;

  const at = now();
  assertLoanOpen(loan, at);
  const remaining = loan.principal - loan.fundedAmount;
  const gates = knownGates ?? (await lenderGateMany(tx, fresh.map((i) => i.lenderId)));
  const refuse = (r: InvestManyRefusal) => result.refused.push(r);
  let eligible = fresh.filter((item) => {
    const g = gates.get(item.lenderId);
    if (!g?.kycApproved) return refuse({ lenderId: item.lenderId, reason: "kyc", details: {} }), false;
    if (!g.riskCheckPassed) return refuse({ lenderId: item.lenderId, reason: "risk_check", details: {} }), false;
    const outstanding = outstandingNow.get(item.lenderId) ?? g.outstanding;
    if (outstanding + item.amount > g.limit) {
      const left = g.limit > outstanding ? g.limit - outstanding : 0n;
      return refuse({ lenderId: item.lenderId, reason: "limit", details: { remaining: left.toString(), needed: item.amount.toString() } }), false;
    }
    if (item.amount <= 0n || amountRuleError(loan, item.amount, remaining) !== null) {
      return refuse({ lenderId: item.lenderId, reason: "amount", details: { offered: item.amount.toString(), minimum: loan.minInvestment.toString() } }), false;
    }
    return true;
  });
  if (eligible.length === 0) return result;

  // A lender without their accounts yet gets them now (then they are locked like the others).
  let accounts = lockedFirst;
  const held = new Set(accounts.map((a) => `${a.owner_id}:${a.type}`));
  const lenderIds = eligible.map((i) => i.lenderId);
  if (lenderIds.some((id) => !held.has(`${id}:user_cash`) || !held.has(`${id}:lender_reserved`))) {
    await tx
      .insert(ledgerAccounts)
      .values(lenderIds.flatMap((id) => (["user_cash", "lender_reserved"] as const).map((type) => ({ ownerType: "user" as const, ownerId: id, type, unit: "IDR" as const, allowNegative: false, createdAt: at }))))
      .onConflictDoNothing();
    accounts = await lockAccounts(lenderIds);
    // Lenders whose accounts were only just created were not locked when their outstanding was read.
    outstandingNow = await lenderOutstandingMany(tx, lenderIds);
    eligible = eligible.filter((item) => {
      const g = gates.get(item.lenderId)!;
      const outstanding = outstandingNow.get(item.lenderId)!;
      if (outstanding + item.amount <= g.limit) return true;
      refuse({ lenderId: item.lenderId, reason: "limit", details: { remaining: (g.limit > outstanding ? g.limit - outstanding : 0n).toString(), needed: item.amount.toString() } });
      return false;
    });
    if (eligible.length === 0) return result;
  }
  const cash = new Map<string, { id: string; balance: bigint }>();
  const reserved = new Map<string, string>();
  for (const a of accounts) {
    if (a.type === "user_cash") cash.set(a.owner_id, { id: a.id, balance: BigInt(a.balance) });
    else reserved.set(a.owner_id, a.id);
  }
  eligible = eligible.filter((item) => {
    const c = cash.get(item.lenderId)!;
    if (c.balance >= item.amount) return true;
    refuse({ lenderId: item.lenderId, reason: "balance", details: { available: c.balance.toString(), needed: item.amount.toString() } });
    return false;
  });
  if (eligible.length === 0) return result;

  // The loan is locked: the total either fits under the ceiling now or never will in this transaction.
  const ceiling = fundingCeiling(loan, at, source);
  let total = eligible.reduce((s, i) => s + i.amount, 0n);
  if (loan.fundedAmount + total > ceiling) {
    // Callers allocate within the supply; if not, the latest items are refused rather than overfund.
    let room = ceiling - loan.fundedAmount;
    eligible = eligible.filter((item) => {
      if (item.amount <= room) return (room -= item.amount), true;
      refuse({ lenderId: item.lenderId, reason: "loan_full", details: { available: (room > 0n ? room : 0n).toString(), needed: item.amount.toString() } });
      return false;
    });
    total = eligible.reduce((s, i) => s + i.amount, 0n);
    if (eligible.length === 0) return result;
  }
  // The writes are independent of each other's results, so they go out together (prepared, they pipeline
  // on the transaction's connection — db/prepared.ts): the funded amount, the investments (ids made here, so the transfers can
  // name them at once) and one ledger transfer per investment. The accounts are locked and their cash
  // checked above, hence accountsLocked.
  const investments = eligible.map((i) => ({ id: crypto.randomUUID(), lenderId: i.lenderId, amount: i.amount, idempotencyKey: i.idempotencyKey, autoStrategyId: i.autoStrategyId ?? null }));
  const [[updated]] = await Promise.all([
    // One statement: the funded amount grows only if the total still fits under the ceiling (and the
    // CHECK funded ≤ principal), and the investments are inserted only then — the rows as one JSON
    // parameter (see trackMany). No row back means the loan filled up: nothing was inserted.
    executePrepared(
      tx,
      sql`with funded as (
          update loans set funded_amount = funded_amount + ${total}, updated_at = ${at.toISOString()}::timestamptz
          where id = ${loan.id} and status = 'funding' and funded_amount + ${total} <= ${ceiling}
          returning funded_amount, principal
        ), inserted as (
          insert into loan_investments (id, loan_id, lender_id, amount, source, idempotency_key, auto_strategy_id, created_at)
          select x.id, ${loan.id}::uuid, x.lender_id, x.amount, ${source}, x.idempotency_key, x.auto_strategy_id, ${at.toISOString()}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(investments.map((i) => ({ id: i.id, lender_id: i.lenderId, amount: i.amount.toString(), idempotency_key: i.idempotencyKey, auto_strategy_id: i.autoStrategyId })))}::jsonb)
            as x(id uuid, lender_id uuid, amount bigint, idempotency_key text, auto_strategy_id uuid)
          where exists (select 1 from funded)
          returning 1
        )
        select funded_amount::text, principal::text, (select count(*) from inserted)::int as inserted from funded`,
    ).then((r) => rowsOf<{ funded_amount: string; principal: string; inserted: number }>(r).map((u) => ({ fundedAmount: BigInt(u.funded_amount), principal: BigInt(u.principal), inserted: u.inserted }))),
    transferMany(
      tx,
      investments.map((inv) => ({
        debit: cash.get(inv.lenderId)!.id,
        credit: reserved.get(inv.lenderId)!,
        amount: inv.amount,
        unit: "IDR" as const,
        kind: "loan_investment_reserve",
        idempotencyKey: `invest:${inv.id}`,
        reference: { type: "loan_investment", id: inv.id },
        metadata: { loanId: loan.id, source },
      })),
      { accountsLocked: true },
    ),
  ]);
  if (!updated) throw new Conflict("loan_oversubscribed", "This loan is already (almost) fully funded.");
  if (updated.inserted !== investments.length) throw new Error(`investMany: ${updated.inserted} of ${investments.length} investments inserted`);

  const events = investments.map((inv): TrackEvent => ({ name: "loan_invested", userId: inv.lenderId, properties: { loanId: loan.id, investmentId: inv.id, amount: inv.amount, source }, context: ctx.request }));
  if (deferEvents) result.events = events;
  else await trackMany(tx, events);
  for (const inv of investments) result.bought.push({ lenderId: inv.lenderId, investment: inv, created: true });
  result.loanFunded = updated.fundedAmount === updated.principal;
  if (result.loanFunded) await onFullyFunded(tx, loan.id);
  return result;
}
