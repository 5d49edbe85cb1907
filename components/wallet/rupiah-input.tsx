"use client";

import { forwardRef, type InputHTMLAttributes } from "react";
import { useLocale, useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { formatRupiah } from "@/lib/money/format";

/**
 * A rupiah amount: digits only (separators typed by habit are dropped as you type), with the amount
 * written out in rupiah under the field so a missing zero is easy to spot.
 */
export const RupiahInput = forwardRef<
  HTMLInputElement,
  { id: string; label: string; error?: string; hint?: string; value: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "value">
>(function RupiahInput({ id, label, error, hint, value, onChange, ...props }, ref) {
  const locale = useLocale() as "en" | "id";
  const t = useTranslations("wallet");
  const digits = value.replace(/\D/g, "");
  const preview = digits && digits.length <= 16 ? t("amountPreview", { amount: formatRupiah(BigInt(digits), locale) }) : undefined;
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
