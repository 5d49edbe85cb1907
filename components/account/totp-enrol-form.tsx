"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { SecurityResult } from "@/app/_security/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { SecondFactorCodeInput } from "@/lib/auth/schemas";

/** Confirms the authenticator with a code, then shows the recovery codes once. */
export function TotpEnrolForm({ action }: { action: (input: { code: string }) => Promise<SecurityResult & { recoveryCodes?: string[] }> }) {
  const t = useTranslations("security");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [codes, setCodes] = useState<string[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<{ code: string }>({ resolver: zodResolver(SecondFactorCodeInput), defaultValues: { code: "" } });
  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const result = await action(values);
      if (result.ok && result.recoveryCodes) {
        setCodes(result.recoveryCodes);
        return;
      }
      if (result.fields?.code) setError("code", { message: result.fields.code });
      if (result.error) setFormError(te.has(result.error) ? te(result.error) : te("unexpected"));
    }),
  );
  if (codes) {
    return (
      <div className="space-y-3" role="status">
        <h2 className="text-lg font-semibold">{t("recoveryCodesTitle")}</h2>
        <p className="text-sm text-slate-700">{t("recoveryCodesBody")}</p>
        <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-2 font-mono text-sm">
          {codes.map((c) => (
            <li key={c} className="rounded bg-slate-100 px-2 py-1">
              {c}
            </li>
          ))}
        </ul>
        <Link href="/admin/security" className={buttonClass("primary")}>
          {t("recoveryCodesSaved")}
        </Link>
      </div>
    );
  }
  const error = formState.errors.code?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={formError} />
      <TextField
        id="enrol-code"
        label={t("codeFromApp")}
        inputMode="numeric"
        autoComplete="one-time-code"
        error={error ? (tv.has(error) ? tv(error) : error) : undefined}
        {...register("code")}
      />
      <Button type="submit" disabled={pending}>
        {t("enrolConfirm")}
      </Button>
    </form>
  );
}
