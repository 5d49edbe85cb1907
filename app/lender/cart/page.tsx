import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CartView } from "@/components/loans/cart-view";
import { getRequestCtx } from "@/lib/auth/session";
import { getMyCart } from "@/lib/lending/cart";
import { loanName } from "@/lib/loans/words";
import { checkoutAction, removeFromCartAction, updateCartItemAction } from "../cart-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cart");
  return { title: t("title") };
}

/** The lender's cart: review, confirm, and the result of each item. */
export default async function CartPage() {
  const ctx = await getRequestCtx();
  const [t, tm, words, cart] = await Promise.all([getTranslations("cart"), getTranslations("market"), getTranslations("words"), getMyCart({ ctx })]);
  const items = cart.items.map((i) => ({
    id: i.id,
    loanId: i.loanId,
    label: `${loanName(words, i)} ${i.subgrade}`,
    amount: i.amount.toString(),
    expectedReturn: i.expectedReturn.toString(),
    open: i.open,
    lastError: i.lastError,
  }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <CartView
        items={items}
        summary={{ total: cart.total.toString(), expectedReturn: cart.expectedReturn.toString(), available: cart.available.toString(), cashAfter: cart.cashAfter.toString() }}
        actions={{ update: updateCartItemAction, remove: removeFromCartAction, checkout: checkoutAction }}
      />
      <p className="text-sm"><Link href="/lender/marketplace" className="underline">{tm("backToMarket")}</Link></p>
    </div>
  );
}
