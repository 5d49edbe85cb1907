"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { SecurityResult } from "@/app/_security/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { PasswordField } from "@/components/ui/password-field";
import { ChangePasswordInput } from "@/lib/auth/schemas";

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

/** Current password, new password and its confirmation; the other devices are signed out after. */
export function ChangePasswordForm({ action }: { action: (input: Values) => Promise<SecurityResult> }) {
  const t = useTranslations("security");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    resolver: zodResolver(ChangePasswordInput),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const msg = (key?: string) => (key ? (tv.has(key) ? tv(key) : key) : undefined);
  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const result = await action(values);
      if (result.ok) {
        reset();
        toast.success(t("passwordChanged"));
        return;
      }
      for (const [f, m] of Object.entries(result.fields ?? {})) setError(f as keyof Values, { message: m });
      if (result.error) setFormError(te.has(result.error) ? te(result.error) : te("unexpected"));
    }),
  );
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <FormError message={formError} />
      <PasswordField id="current-password" label={t("currentPassword")} autoComplete="current-password" error={msg(e.currentPassword?.message)} {...register("currentPassword")} />
      <PasswordField id="new-password" label={t("newPassword")} autoComplete="new-password" hint={t("newPasswordHint")} error={msg(e.newPassword?.message)} {...register("newPassword")} />
      <PasswordField id="confirm-password" label={t("confirmPassword")} autoComplete="new-password" error={msg(e.confirmPassword?.message)} {...register("confirmPassword")} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("changePassword")}
      </Button>
    </form>
  );
}
