"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { SignInInput } from "@/lib/auth/schemas";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import type { AuthFormState } from "@/app/(auth)/actions";

type Values = { email: string; password: string };

export function SignInForm({
  action,
  callbackUrl,
}: {
  action: (input: Values, callbackUrl?: string) => Promise<AuthFormState>;
  callbackUrl?: string;
}) {
  const t = useTranslations("auth");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(SignInInput), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    start(async () => {
      const result = await action(values, callbackUrl);
      if (result?.fields) {
        for (const [field, message] of Object.entries(result.fields)) setError(field as keyof Values, { message });
      }
      if (result?.error) setFormError(te.has(result.error) ? te(result.error) : te("unexpected"));
    });
  });

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
      <TextField
        id="password"
        label={t("password")}
        type="password"
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
