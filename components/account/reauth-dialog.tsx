"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState, useTransition, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { reauthenticateAction } from "@/app/_security/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import { ReauthInput } from "@/lib/auth/schemas";

/** The domain error the server answers when money would leave without a recent password. */
export const REAUTH_REQUIRED = "reauth_required";

/**
 * Asks for the password again when the server answered `reauth_required` (withdrawals, bank
 * accounts: the last sign-in is older than 15 minutes), then retries what the user was doing.
 * Usage: `const reauth = useReauth();` … `if (reauth.intercept(result, retry)) return;` … `{reauth.dialog}`.
 */
export function useReauth(): { intercept: (result: { ok: boolean; error?: string }, retry: () => void) => boolean; dialog: ReactNode } {
  const [open, setOpen] = useState(false);
  const retryRef = useRef<(() => void) | null>(null);
  const intercept = useCallback((result: { ok: boolean; error?: string }, retry: () => void) => {
    if (result.ok || result.error !== REAUTH_REQUIRED) return false;
    retryRef.current = retry;
    setOpen(true);
    return true;
  }, []);
  const dialog = (
    <ReauthDialog
      open={open}
      onCancel={() => {
        retryRef.current = null;
        setOpen(false);
      }}
      onConfirmed={() => {
        setOpen(false);
        const retry = retryRef.current;
        retryRef.current = null;
        retry?.();
      }}
    />
  );
  return { intercept, dialog };
}

function ReauthDialog({ open, onCancel, onConfirmed }: { open: boolean; onCancel: () => void; onConfirmed: () => void }) {
  const t = useTranslations("security");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, reset, formState } = useForm<{ password: string }>({
    resolver: zodResolver(ReauthInput),
    defaultValues: { password: "" },
  });
  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const result = await reauthenticateAction(values);
      if (result.ok) {
        reset({ password: "" });
        onConfirmed();
        return;
      }
      const fieldError = result.fields?.password;
      if (fieldError) setError("password", { message: fieldError });
      if (result.error) setFormError(te.has(result.error) ? te(result.error) : te("unexpected"));
    }),
  );
  const error = formState.errors.password?.message;
  return (
    <Dialog open={open} title={t("reauthTitle")} onClose={onCancel}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <p className="text-sm text-slate-700">{t("reauthBody")}</p>
        <FormError message={formError} />
        <TextField
          id="reauth-password"
          label={t("yourPassword")}
          type="password"
          autoComplete="current-password"
          autoFocus
          error={error ? (tv.has(error) ? tv(error) : error) : undefined}
          {...register("password")}
        />
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? t("checking") : t("reauthConfirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
