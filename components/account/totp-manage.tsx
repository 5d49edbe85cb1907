"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { SecurityResult } from "@/app/_security/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { PasswordField } from "@/components/ui/password-field";
import { ReauthInput } from "@/lib/auth/schemas";

type Action<R = SecurityResult> = (input: { password: string }) => Promise<R>;

/** One password-confirmed step: the password field, a button, and the server's field/form error. */
function PasswordConfirmForm({
  id,
  confirmLabel,
  variant,
  action,
  onDone,
}: {
  id: string;
  confirmLabel: string;
  variant: "secondary" | "danger";
  action: Action<SecurityResult & { recoveryCodes?: string[] }>;
  onDone: (result: SecurityResult & { recoveryCodes?: string[] }) => void;
}) {
  const t = useTranslations("security");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, reset, formState } = useForm<{ password: string }>({ resolver: zodResolver(ReauthInput), defaultValues: { password: "" } });
  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const result = await action(values);
      if (result.ok) {
        reset({ password: "" });
        onDone(result);
        return;
      }
      if (result.fields?.password) setError("password", { message: result.fields.password });
      if (result.error) setFormError(te.has(result.error) ? te(result.error) : te("unexpected"));
    }),
  );
  const error = formState.errors.password?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-3">
      <FormError message={formError} />
      <PasswordField
        id={id}
        label={t("yourPassword")}
        hint={t("passwordAgainHint")}
        autoComplete="current-password"
        error={error ? (tv.has(error) ? tv(error) : error) : undefined}
        {...register("password")}
      />
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? t("checking") : confirmLabel}
      </Button>
    </form>
  );
}

/**
 * For an admin with two-step sign-in on: new recovery codes, and turning it off where it is offered
 * (demo mode); where it is required, says so instead.
 */
export function TotpManage({
  required,
  regenerate,
  disable,
}: {
  required: boolean;
  regenerate: Action<SecurityResult & { recoveryCodes?: string[] }>;
  disable: Action;
}) {
  const t = useTranslations("security");
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <div className="space-y-6">
      <section aria-labelledby="regenerate-title" className="space-y-2">
        <h3 id="regenerate-title" className="font-semibold">
          {t("regenerateTitle")}
        </h3>
        <p className="text-sm text-slate-700">{t("regenerateBody")}</p>
        {codes ? (
          <div className="space-y-2" role="status">
            <p className="text-sm text-slate-700">{t("recoveryCodesBody")}</p>
            <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-2 font-mono text-sm">
              {codes.map((c) => (
                <li key={c} className="rounded bg-slate-100 px-2 py-1">
                  {c}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <PasswordConfirmForm
            id="regenerate-password"
            confirmLabel={t("regenerateConfirm")}
            variant="secondary"
            action={regenerate}
            onDone={(r) => {
              setCodes(r.recoveryCodes ?? []);
              router.refresh();
            }}
          />
        )}
      </section>
      <section aria-labelledby="disable-title" className="space-y-2">
        <h3 id="disable-title" className="font-semibold">
          {t("disableTitle")}
        </h3>
        {required ? (
          <p className="text-sm text-slate-700">{t("disableMandatory")}</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">{t("disableBody")}</p>
            <PasswordConfirmForm
              id="disable-password"
              confirmLabel={t("disableConfirm")}
              variant="danger"
              action={disable}
              onDone={() => {
                toast.success(t("twoFactorDisabled"));
                router.refresh();
              }}
            />
          </>
        )}
      </section>
    </div>
  );
}
