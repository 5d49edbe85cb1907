import "server-only";
import { desc, eq } from "drizzle-orm";
import { topUpRequests, users, withdrawals } from "@/db/schema";
import { now } from "@/lib/clock";
import { dbOf, requireRole, type Ctx } from "@/lib/context";
import { NotFound, parseLookup } from "@/lib/errors";
import { readUserCashBalances } from "@/lib/ledger";
import { toTopUpView } from "@/lib/payments";
import { listBankAccountsOf } from "./internal/bank-accounts";
import { UserIdInput } from "./schemas";

export type WalletView = {
  unit: "IDR";
  /** Spendable now. */
  available: bigint;
  /** Held for pending withdrawals (later: pending investments). */
  reserved: bigint;
  total: bigint;
};

/** The signed-in lender's or borrower's wallet. Reads never create ledger accounts. */
export async function getMyWallet({ ctx }: { ctx: Ctx }): Promise<WalletView> {
  const actor = requireRole(ctx, "lender", "borrower");
  const { available, reserved } = await readUserCashBalances(dbOf(ctx), actor.userId);
  return { unit: "IDR", available, reserved, total: available + reserved };
}

/** Admin: a user's wallet, saved bank accounts and latest top-ups and withdrawals. */
export async function getUserWalletForAdmin({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx, "admin");
  const db = dbOf(ctx);
  const { userId } = parseLookup(UserIdInput, input, "The user");
  const [user] = await db
    .select({ id: users.id, fullName: users.fullName, email: users.email, role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw new NotFound("The user");
  const [{ available, reserved }, bankAccounts, topUps, recentWithdrawals] = await Promise.all([
    readUserCashBalances(db, userId),
    listBankAccountsOf(db, userId),
    db.select().from(topUpRequests).where(eq(topUpRequests.userId, userId)).orderBy(desc(topUpRequests.createdAt)).limit(10),
    db.select().from(withdrawals).where(eq(withdrawals.userId, userId)).orderBy(desc(withdrawals.createdAt)).limit(10),
  ]);
  const at = now();
  return {
    user,
    wallet: { unit: "IDR" as const, available, reserved, total: available + reserved },
    bankAccounts,
    recentTopUps: topUps.map((t) => toTopUpView(t, at)),
    recentWithdrawals,
  };
}
