"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { SecondFactorCodeInput, SignInInput } from "@/lib/auth/schemas";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { PasswordField } from "@/components/ui/password-field";
import type { AuthFormState } from "@/app/(auth)/actions";

type Values = { email: string; password: string; code?: string };

/**
 * Email and password; for an admin with two-step sign-in on, a second step asks for the code from
 * the authenticator app (or a recovery code) and sends all three again.
 */
export function SignInForm({
  action,
  callbackUrl,
}: {
  action: (input: Values, callbackUrl?: string) => Promise<AuthFormState>;
  callbackUrl?: string;
}) {
  const t = useTranslations("auth");
  const ts = useTranslations("security");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [formError, setFormError] = useState<string | null>(null);
  const [credentials, setCredentials] = useState<Values | null>(null);
  const [pending, start] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(SignInInput), defaultValues: { email: "", password: "" } });
  const codeForm = useForm<{ code: string }>({ resolver: zodResolver(SecondFactorCodeInput), defaultValues: { code: "" } });

  const send = (values: Values) =>
    start(async () => {
      setFormError(null);
      const result = await action(values, callbackUrl);
      if (result?.secondFactor) {
        setCredentials({ email: values.email, password: values.password });
        const codeError = result.fields?.code;
        if (codeError) codeForm.setError("code", { message: codeError });
        return;
      }
      if (result?.fields) {
        for (const [field, message] of Object.entries(result.fields)) setError(field as keyof Values, { message });
      }
      if (result?.error) setFormError(te.has(result.error) ? te(result.error) : te("unexpected"));
    });

  const onSubmit = handleSubmit((values) => send(values));
  const onCode = codeForm.handleSubmit(({ code }) => credentials && send({ ...credentials, code }));

  if (credentials) {
    const codeError = codeForm.formState.errors.code?.message;
    return (
      <form onSubmit={onCode} noValidate className="space-y-4">
        <FormError message={formError} />
        <p className="text-sm text-slate-700">{ts("codePrompt")}</p>
        <TextField
          id="second-factor-code"
          label={ts("codeLabel")}
          hint={ts("codeHint")}
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          error={codeError ? (tv.has(codeError) ? tv(codeError) : codeError) : undefined}
          {...codeForm.register("code")}
        />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t("signingIn") : ts("verifyCode")}
        </Button>
        <Button type="button" variant="ghost" className="w-full" onClick={() => setCredentials(null)}>
          {ts("startOver")}
        </Button>
      </form>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <TextField
        id="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        error={errors.email?.message ? tv(errors.email.message) : undefined}
        {...register("email")}
      />
      <PasswordField
        id="password"
        label={t("password")}
        autoComplete="current-password"
        error={errors.password?.message ? tv(errors.password.message) : undefined}
        {...register("password")}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
