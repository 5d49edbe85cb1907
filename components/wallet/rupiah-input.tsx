"use client";

import { forwardRef, type InputHTMLAttributes } from "react";
import { useLocale, useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { formatRupiah } from "@/lib/money/format";

/**
 * A rupiah amount: digits only (separators typed by habit are dropped as you type), with the amount
 * written out in rupiah under the field so a missing zero is easy to spot. Only a field where money
 * is paid (top-up, invest) says "You will pay Rp…" (`pays`); elsewhere (a loan amount, a budget, a
 * reserve, an admin threshold) the echo is neutral: "That is Rp…".
 */
export const RupiahInput = forwardRef<
  HTMLInputElement,
  { id: string; label: string; error?: string; hint?: string; value: string; pays?: boolean } & Omit<InputHTMLAttributes<HTMLInputElement>, "value">
>(function RupiahInput({ id, label, error, hint, value, pays = false, onChange, ...props }, ref) {
  const locale = useLocale() as "en" | "id";
  const t = useTranslations("wallet");
  const digits = value.replace(/\D/g, "");
  const preview = digits && digits.length <= 16 ? t(pays ? "amountPreview" : "amountIs", { amount: formatRupiah(BigInt(digits), locale) }) : undefined;
  return (
    <TextField
      ref={ref}
      id={id}
      label={label}
      inputMode="numeric"
      autoComplete="off"
      error={error}
      hint={[hint, preview].filter(Boolean).join(" ") || undefined}
      value={value}
      onChange={(e) => {
        e.target.value = e.target.value.replace(/\D/g, "");
        onChange?.(e);
      }}
      {...props}
    />
  );
});
