"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { BUSINESS_SECTORS, SignUpInput } from "@/lib/auth/schemas";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { PasswordField } from "@/components/ui/password-field";
import type { AuthFormState } from "@/app/(auth)/actions";

type Values = {
  role: "lender" | "borrower";
  fullName: string;
  email: string;
  phone: string;
  password: string;
  locale: "en" | "id";
  companyName?: string;
  businessSector?: string;
};

export function SignUpForm({
  role,
  action,
}: {
  role: "lender" | "borrower";
  action: (input: Values) => Promise<AuthFormState>;
}) {
  const t = useTranslations("auth");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const ts = useTranslations("sectors");
  const locale = useLocale() as "en" | "id";
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(SignUpInput) as never,
    defaultValues: { role, fullName: "", email: "", phone: "", password: "", locale, companyName: "", businessSector: "" },
  });
  const err = (m?: string) => (m ? (tv.has(m) ? tv(m) : m) : undefined);

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    start(async () => {
      const result = await action(values);
      if (result?.fields) {
        for (const [field, message] of Object.entries(result.fields)) setError(field as keyof Values, { message });
      }
      if (result?.error) setFormError(te.has(result.error) ? te(result.error) : te("unexpected"));
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <input type="hidden" {...register("role")} />
      <TextField id="fullName" label={t("fullName")} autoComplete="name" error={err(errors.fullName?.message)} {...register("fullName")} />
      {role === "borrower" ? (
        <>
          <TextField id="companyName" label={t("companyName")} autoComplete="organization" error={err(errors.companyName?.message)} {...register("companyName")} />
          <SelectField
            id="businessSector"
            label={t("businessSector")}
            error={err(errors.businessSector?.message)}
            options={[{ value: "", label: t("chooseSector") }, ...BUSINESS_SECTORS.map((s) => ({ value: s, label: ts(s) }))]}
            {...register("businessSector")}
          />
        </>
      ) : null}
      <TextField id="email" label={t("email")} type="email" autoComplete="email" error={err(errors.email?.message)} {...register("email")} />
      <TextField id="phone" label={t("phone")} type="tel" autoComplete="tel" hint={t("phoneHint")} error={err(errors.phone?.message)} {...register("phone")} />
      <PasswordField
        id="password"
        label={t("password")}
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={err(errors.password?.message)}
        {...register("password")}
      />
      <SelectField
        id="locale"
        label={t("preferredLanguage")}
        error={err(errors.locale?.message)}
        options={[
          { value: "en", label: "English" },
          { value: "id", label: "Bahasa Indonesia" },
        ]}
        {...register("locale")}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("creatingAccount") : t("createAccount")}
      </Button>
    </form>
  );
}
