import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { events, loanInvestments } from "@/db/schema";
import { advanceNow, setNow } from "@/lib/clock";
import { startJobQueue } from "@/lib/jobs/boss";
import { readUserCashBalances } from "@/lib/ledger";
import { invest } from "@/lib/loans/invest";
import { key, lenders, listedLoan } from "@/lib/loans/test-helpers";
import { createTestUser } from "@/lib/testing/factories";
import { addToCart, checkout, countMyCartItems, getMyCart, removeFromCart, updateCartItem } from "./cart";

const rejected = (p: Promise<unknown>) => p.then(() => null, (e) => e);

beforeAll(async () => {
  await startJobQueue();
});
beforeEach(() => setNow("2026-03-02T03:00:00Z"));

describe("cart", () => {
  it("adds, replaces, updates and removes items, and reviews total, expected return and cash after", async () => {
    const { loanId } = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const [l] = await lenders(1, 5_000_000n);
    const item = await addToCart({ ctx: l!.ctx, input: { loanId, amount: "1000000" } });
    const again = await addToCart({ ctx: l!.ctx, input: { loanId, amount: "2000000" } });
    expect(again.id).toBe(item.id);
    expect(await countMyCartItems({ ctx: l!.ctx })).toBe(1);
    await updateCartItem({ ctx: l!.ctx, input: { itemId: item.id, amount: "3000000" } });
    const cart = await getMyCart({ ctx: l!.ctx });
    expect(cart.total).toBe(3_000_000n);
    expect(cart.available).toBe(5_000_000n);
    expect(cart.cashAfter).toBe(2_000_000n);
    expect(cart.expectedReturn).toBeGreaterThan(0n);
    expect(cart.items[0]).toMatchObject({ loanId, amount: 3_000_000n, businessName: "CV Maju Jaya", open: true });
    await removeFromCart({ ctx: l!.ctx, input: { itemId: item.id } });
    expect((await getMyCart({ ctx: l!.ctx })).items).toHaveLength(0);
    expect(await rejected(checkout({ ctx: l!.ctx, input: { checkoutId: key("co") } }))).toMatchObject({ code: "cart_empty" });
  });

  it("checks out each item on its own: a loan filled meanwhile and one over balance stay with their reasons", async () => {
    const a = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const b = await listedLoan({ amount: 10_000_000n, tenor: 6, product: "modal-usaha" });
    const c = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const d = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const [me, other] = await lenders(2, 6_000_000n);
    await addToCart({ ctx: me!.ctx, input: { loanId: a.loanId, amount: "1000000" } });
    advanceNow(1000); // items check out in the order they were added
    await addToCart({ ctx: me!.ctx, input: { loanId: b.loanId, amount: "2000000" } });
    advanceNow(1000); // items check out in the order they were added
    await addToCart({ ctx: me!.ctx, input: { loanId: c.loanId, amount: "5000000" } });
    advanceNow(1000); // items check out in the order they were added
    await addToCart({ ctx: me!.ctx, input: { loanId: d.loanId, amount: "2000000" } });
    // Meanwhile another lender fills loan b (all but Rp1.000.000).
    await invest({ ctx: other!.ctx, input: { loanId: b.loanId, amount: "5000000", idempotencyKey: key() } });
    await invest({ ctx: (await lenders(1))[0]!.ctx, input: { loanId: b.loanId, amount: "4000000", idempotencyKey: key() } });

    const checkoutId = key("co");
    const out = await checkout({ ctx: me!.ctx, input: { checkoutId } });
    const by = (loanId: string) => out.results.find((r) => r.loanId === loanId)!;
    expect(by(a.loanId).ok).toBe(true);
    expect(by(b.loanId)).toMatchObject({ ok: false, error: { code: "loan_oversubscribed" } });
    // Rp6.000.000 of cash: a (1M) and c (5M) take it all, so d (2M) is over balance.
    expect(by(c.loanId)).toMatchObject({ ok: true });
    expect(by(d.loanId)).toMatchObject({ ok: false, error: { code: "insufficient_funds" } });
    expect(out).toMatchObject({ succeeded: 2, failed: 2 });

    const cart = await getMyCart({ ctx: me!.ctx });
    expect(cart.items.map((i) => i.loanId).sort()).toEqual([b.loanId, d.loanId].sort());
    expect(cart.items.find((i) => i.loanId === d.loanId)!.lastError).toMatchObject({ code: "insufficient_funds" });
    expect(cart.items.find((i) => i.loanId === b.loanId)!.lastError?.details).toMatchObject({ available: { type: "idr", value: "1000000" } });
    expect(await readUserCashBalances(getDb(), me!.user.id)).toMatchObject({ available: 0n });

    // The same checkout again invests nothing twice.
    const retry = await checkout({ ctx: me!.ctx, input: { checkoutId } });
    expect(retry.succeeded).toBe(0);
    const invs = await getDb().select().from(loanInvestments).where(eq(loanInvestments.lenderId, me!.user.id));
    expect(invs.map((i) => i.amount).sort()).toEqual([1_000_000n, 5_000_000n]);

    const evs = await getDb()
      .select()
      .from(events)
      .where(and(eq(events.userId, me!.user.id), inArray(events.name, ["cart_item_added", "checkout_started", "checkout_completed"])));
    expect(evs.filter((e) => e.name === "cart_item_added")).toHaveLength(4);
    expect(evs.filter((e) => e.name === "checkout_started")).toHaveLength(6);
    const completed = evs.filter((e) => e.name === "checkout_completed" && (e.properties as { checkoutId: string }).checkoutId === checkoutId);
    expect(completed.every((e) => (e.properties as { product?: string }).product === "modal-usaha")).toBe(true);
    expect(completed.filter((e) => (e.properties as { outcome: string }).outcome === "invested")).toHaveLength(2);
  });

  it("two checkouts of one cart at once (two tabs) buy each item once; the later one reports it as taken", async () => {
    const a = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const b = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const [l] = await lenders(1, 10_000_000n);
    await addToCart({ ctx: l!.ctx, input: { loanId: a.loanId, amount: "1000000" } });
    await addToCart({ ctx: l!.ctx, input: { loanId: b.loanId, amount: "1000000" } });
    const [one, two] = await Promise.all([
      checkout({ ctx: l!.ctx, input: { checkoutId: key("tab1") } }),
      checkout({ ctx: l!.ctx, input: { checkoutId: key("tab2") } }),
    ]);
    const bought = await getDb().select().from(loanInvestments).where(and(eq(loanInvestments.lenderId, l!.user.id), inArray(loanInvestments.loanId, [a.loanId, b.loanId])));
    expect(bought).toHaveLength(2);
    expect(one.succeeded + two.succeeded).toBe(2);
    for (const r of [...one.results, ...two.results].filter((x) => !x.ok)) expect(r.error).toMatchObject({ code: "cart_item_taken" });
    expect(await readUserCashBalances(getDb(), l!.user.id)).toMatchObject({ available: 8_000_000n });
    expect((await getMyCart({ ctx: l!.ctx })).items).toHaveLength(0);
  });

  it("a lender without approved KYC keeps the item with the reason", async () => {
    const { loanId } = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    const { ctx } = await createTestUser("lender");
    await addToCart({ ctx, input: { loanId, amount: "1000000" } });
    const out = await checkout({ ctx, input: { checkoutId: key("co") } });
    expect(out.results[0]).toMatchObject({ ok: false, error: { code: "kyc_required" } });
    expect(await countMyCartItems({ ctx })).toBe(1);
  });

  it("refuses borrowers and admins, and another lender's items are not found", async () => {
    const { loanId, borrower, admin } = await listedLoan({ amount: 10_000_000n, tenor: 6 });
    for (const ctx of [borrower.ctx, admin.ctx]) {
      expect(await rejected(addToCart({ ctx, input: { loanId, amount: "1000000" } }))).toMatchObject({ status: 403 });
      expect(await rejected(getMyCart({ ctx }))).toMatchObject({ status: 403 });
      expect(await rejected(checkout({ ctx, input: { checkoutId: key("co") } }))).toMatchObject({ status: 403 });
    }
    const [a, b] = await lenders(2);
    const item = await addToCart({ ctx: a!.ctx, input: { loanId, amount: "1000000" } });
    expect(await rejected(removeFromCart({ ctx: b!.ctx, input: { itemId: item.id } }))).toMatchObject({ status: 404 });
    expect(await rejected(updateCartItem({ ctx: b!.ctx, input: { itemId: item.id, amount: "2000000" } }))).toMatchObject({ status: 404 });
  });
});
