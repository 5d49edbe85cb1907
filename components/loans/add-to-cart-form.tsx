"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { RupiahInput } from "@/components/wallet/rupiah-input";
import { useErrorText } from "@/components/wallet/use-messages";

type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };

/** An amount and "Add to cart": no money moves until checkout. */
export function AddToCartForm({
  loanId,
  label,
  minimum,
  action,
  primary = false,
}: {
  loanId: string;
  label: string;
  minimum: string;
  action: (input: { loanId: string; amount: string }) => Promise<Result>;
  /** A marketplace card's one action: the button is the card's primary one. */
  primary?: boolean;
}) {
  const t = useTranslations("cart");
  const [before, after = ""] = t("addTo", { loan: "\u0000" }).split("\u0000");
  const text = useErrorText();
  const router = useRouter();
  const [amount, setAmount] = useState(minimum);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const id = `cart-${loanId}`;
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        setError(undefined);
        start(async () => {
          const result = await action({ loanId, amount });
          if (result.ok) {
            toast.success(t("added"));
            router.refresh();
          } else setError(text.field(result.fields?.amount, result.details) ?? text.form(result.error, result.message, result.details));
        });
      }}
    >
      <RupiahInput id={id} label={t("amountFor", { loan: label })} value={amount} error={error} onChange={(e) => setAmount(e.target.value)} />
      {/* Named "Add <loan> to cart" from its content, the loan's name visually hidden: the visible words stay part of the name. */}
      <Button type="submit" variant={primary ? "primary" : "secondary"} className={primary ? "w-full sm:w-auto" : ""} disabled={!amount || pending}>
        {before}
        <span className="sr-only">{label} </span>
        {after.trimStart()}
      </Button>
    </form>
  );
}
