"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Amount } from "@/components/ui/amount";
import { DataTable } from "@/components/ui/data-table";
import { FormError } from "@/components/ui/field";
import { RupiahInput } from "@/components/wallet/rupiah-input";
import { useErrorText } from "@/components/wallet/use-messages";
import { formatRupiah } from "@/lib/money/format";

type ItemError = { code: string; message: string; details?: Record<string, unknown> };
export type CartItemView = { id: string; loanId: string; label: string; amount: string; expectedReturn: string; open: boolean; lastError: ItemError | null };
export type CartSummary = { total: string; expectedReturn: string; available: string; cashAfter: string };
type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };
type CheckoutResult = Result & { results?: { itemId: string; loanId: string; amount: string; ok: boolean; error?: ItemError }[] };

/** The cart: amounts to edit, the review, a confirmation before money moves, and each item's result after. */
export function CartView({
  items,
  summary,
  actions,
}: {
  items: CartItemView[];
  summary: CartSummary;
  actions: {
    update: (input: { itemId: string; amount: string }) => Promise<Result>;
    remove: (input: { itemId: string }) => Promise<Result>;
    checkout: (input: { checkoutId: string }) => Promise<CheckoutResult>;
  };
}) {
  const t = useTranslations("cart");
  const tw = useTranslations("wallet");
  const tlend = useTranslations("lending");
  const locale = useLocale() as "en" | "id";
  const text = useErrorText();
  const router = useRouter();
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [checkoutId, setCheckoutId] = useState<string | null>(null);
  const [results, setResults] = useState<{ label: string; amount: string; ok: boolean; reason?: string }[] | null>(null);
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();
  const rp = (v: string) => formatRupiah(v, locale);
  const reason = (e: ItemError) =>
    e.code === "lender_limit_exceeded" && e.details
      ? tlend("limitExceeded", text.params(e.details))
      : (text.form(e.code, e.message, e.details) ?? e.message);
  const labelOf = Object.fromEntries(items.map((i) => [i.id, i.label]));

  return (
    <div className="space-y-6">
      {results ? (
        <section aria-labelledby="results-title" className="rounded-2xl bg-white p-4 ring-1 ring-slate-200">
          <h2 id="results-title" className="text-lg font-semibold">{t("resultsTitle")}</h2>
          <p className="text-sm">{t("summary", { ok: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length })}</p>
          <ul className="mt-2 space-y-1 text-sm">
            {results.map((r, i) => (
              <li key={i} className={r.ok ? "text-green-800" : "text-red-800"}>
                {r.label} — <Amount>{rp(r.amount)}</Amount>: {r.ok ? t("succeeded") : t("failed", { reason: r.reason ?? "" })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <>
          <DataTable
            caption={t("title")}
            testId="cart-items"
            rows={items}
            rowKey={(i) => i.id}
            columns={[
              {
                key: "loan",
                header: t("loan"),
                primary: true,
                cell: (i) => (
                  <>
                    <p className="font-medium">{i.label}</p>
                    {!i.open ? <p className="font-normal text-red-800">{t("closed")}</p> : null}
                    {i.lastError ? <p role="status" className="font-normal text-red-800">{t("lastError", { reason: reason(i.lastError) })}</p> : null}
                  </>
                ),
              },
              {
                key: "amount",
                header: t("amount"),
                hideLabel: true,
                className: "sm:min-w-48",
                cell: (i) => (
                  <RupiahInput id={`amount-${i.id}`} label={t("itemAmount", { loan: i.label })} value={amounts[i.id] ?? i.amount} error={errors[i.id]} onChange={(e) => setAmounts((a) => ({ ...a, [i.id]: e.target.value }))} />
                ),
              },
              { key: "return", header: t("expectedReturn"), numeric: true, cell: (i) => rp(i.expectedReturn) },
              {
                key: "actions",
                header: t("actions"),
                hideLabel: true,
                cell: (i) => {
                  const value = amounts[i.id] ?? i.amount;
                  return (
                    <div className="flex flex-wrap gap-2">
                      <Button
                        variant="secondary"
                        disabled={pending || value === i.amount || !value}
                        aria-label={t("updateFor", { loan: i.label })}
                        onClick={() =>
                          start(async () => {
                            const r = await actions.update({ itemId: i.id, amount: value });
                            setErrors((e) => ({ ...e, [i.id]: r.ok ? undefined : (text.field(r.fields?.amount, r.details) ?? text.form(r.error, r.message, r.details)) }));
                            if (r.ok) {
                              toast.success(t("updated"));
                              router.refresh();
                            }
                          })
                        }
                      >
                        {t("update")}
                      </Button>
                      <Button
                        variant="ghost"
                        disabled={pending}
                        aria-label={t("removeFor", { loan: i.label })}
                        onClick={() =>
                          start(async () => {
                            const r = await actions.remove({ itemId: i.id });
                            if (r.ok) {
                              toast.success(t("removed"));
                              router.refresh();
                            } else setFormError(text.form(r.error, r.message, r.details));
                          })
                        }
                      >
                        {t("remove")}
                      </Button>
                    </div>
                  );
                },
              },
            ]}
          />
          <section aria-labelledby="review-title" className="rounded-2xl bg-white p-4 ring-1 ring-slate-200">
            <h2 id="review-title" className="text-lg font-semibold">{t("reviewTitle")}</h2>
            <dl className="mt-2 grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
              <div><dt className="text-slate-600">{t("total")}</dt><dd className="font-semibold" data-testid="cart-total"><Amount>{rp(summary.total)}</Amount></dd></div>
              <div><dt className="text-slate-600">{t("expectedReturn")}</dt><dd className="font-semibold"><Amount>{rp(summary.expectedReturn)}</Amount></dd></div>
              <div><dt className="text-slate-600">{t("available")}</dt><dd><Amount>{rp(summary.available)}</Amount></dd></div>
              <div><dt className="text-slate-600">{t("cashAfter")}</dt><dd className={BigInt(summary.cashAfter) < 0n ? "text-red-800" : ""}><Amount>{rp(summary.cashAfter)}</Amount></dd></div>
            </dl>
            <FormError message={formError} />
            <div className="mt-3">
              <Button disabled={pending} onClick={() => { setFormError(undefined); setCheckoutId(crypto.randomUUID()); }}>
                {t("checkout")}
              </Button>
            </div>
          </section>
        </>
      )}
      <ConfirmDialog
        open={checkoutId !== null}
        title={t("confirmTitle")}
        confirmLabel={t("confirm")}
        cancelLabel={tw("cancel")}
        pending={pending}
        onCancel={() => setCheckoutId(null)}
        onConfirm={() =>
          start(async () => {
            const r = await actions.checkout({ checkoutId: checkoutId! });
            setCheckoutId(null);
            if (r.ok && r.results) {
              setResults(r.results.map((x) => ({ label: labelOf[x.itemId] ?? x.loanId, amount: x.amount, ok: x.ok, reason: x.error ? reason(x.error) : undefined })));
              router.refresh();
            } else setFormError(text.form(r.error, r.message, r.details));
          })
        }
      >
        {t("confirmBody", { total: rp(summary.total), count: items.length })}
      </ConfirmDialog>
    </div>
  );
}
