"use client";

import { useLocale, useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { formatRupiah } from "@/lib/money/format";

/**
 * Whole rupiah, digits only, with the amount written out under the field. Like the wallet's
 * RupiahInput, but its echo is neutral ("That is Rp…"): here the amount is often a price or what
 * you receive, not something you pay. A buy (`pays`) says "You will pay Rp…".
 */
export function RupiahField({ id, label, hint, error, value, pays = false, onChange }: { id: string; label: string; hint?: string; error?: string; value: string; pays?: boolean; onChange: (digits: string) => void }) {
  const t = useTranslations("gold");
  const tw = useTranslations("wallet");
  const locale = useLocale() as "en" | "id";
  const digits = value.replace(/\D/g, "");
  const echo = digits && digits.length <= 16 ? (pays ? tw("amountPreview", { amount: formatRupiah(BigInt(digits), locale) }) : t("amountIs", { amount: formatRupiah(BigInt(digits), locale) })) : undefined;
  return (
    <TextField
      id={id}
      label={label}
      inputMode="numeric"
      autoComplete="off"
      error={error}
      hint={[hint, echo].filter(Boolean).join(" ") || undefined}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ""))}
    />
  );
}
