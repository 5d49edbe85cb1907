"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useReauth } from "@/components/account/reauth-dialog";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";
import { KYC_ACCEPT, KYC_STEP_SCHEMAS, OCCUPATIONS, SEXES, type KycStep } from "@/lib/kyc/schemas";
import { BANKS } from "@/lib/wallet/schemas";

export type KycActionResult = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; currentStep?: string | null; details?: Record<string, unknown> };

type Spec = {
  name: string;
  kind: "text" | "date" | "select" | "file";
  options?: { value: string; label: string }[];
  inputMode?: "numeric" | "text";
  autoComplete?: string;
  hint?: string;
};

/** One step's form: react-hook-form with the step's shared zod schema; uploads are sent as FormData. */
export function KycStepForm({
  step,
  values,
  uploaded,
  action,
  onSaved,
}: {
  step: KycStep;
  values: Record<string, unknown>;
  uploaded: string[];
  action: (form: FormData) => Promise<KycActionResult>;
  onSaved: (next: string) => void;
}) {
  const t = useTranslations("kyc");
  const tw = useTranslations("wallet");
  const text = useErrorText();
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();

  const specs: Record<KycStep, Spec[]> = {
    identity: [
      { name: "fullName", kind: "text", autoComplete: "name" },
      { name: "nik", kind: "text", inputMode: "numeric", autoComplete: "off", hint: t("nikHint") },
      { name: "sex", kind: "select", options: [{ value: "", label: t("chooseSex") }, ...SEXES.map((s) => ({ value: s, label: t(`sexes.${s}`) }))] },
      { name: "dateOfBirth", kind: "date", autoComplete: "bday" },
    ],
    selfie: [{ name: "selfie", kind: "file" }],
    ktp_photo: [{ name: "ktpPhoto", kind: "file" }],
    address: [
      { name: "street", kind: "text", autoComplete: "street-address" },
      { name: "city", kind: "text", autoComplete: "address-level2" },
      { name: "province", kind: "text", autoComplete: "address-level1" },
      { name: "postalCode", kind: "text", inputMode: "numeric", autoComplete: "postal-code" },
      { name: "proofOfAddress", kind: "file" },
    ],
    occupation: [
      {
        name: "occupation",
        kind: "select",
        options: [{ value: "", label: t("chooseOccupation") }, ...OCCUPATIONS.map((o) => ({ value: o, label: t(`occupations.${o}`) }))],
      },
      { name: "employer", kind: "text", autoComplete: "organization" },
      { name: "annualIncome", kind: "text", inputMode: "numeric", autoComplete: "off" },
      { name: "proofOfIncome", kind: "file" },
    ],
    bank_account: [
      { name: "bankCode", kind: "select", options: BANKS.map((b) => ({ value: b.code, label: b.name })) },
      { name: "accountNumber", kind: "text", inputMode: "numeric", autoComplete: "off" },
      { name: "holderName", kind: "text", autoComplete: "name" },
    ],
  };
  const fields = specs[step];
  const label = (name: string) => (["bankCode", "accountNumber", "holderName"].includes(name) ? tw(name === "bankCode" ? "bank" : (name as never)) : t(name as never));
  const defaults = Object.fromEntries(
    fields.filter((f) => f.kind !== "file").map((f) => [f.name, values[f.name] == null ? (f.name === "bankCode" ? "BCA" : "") : String(values[f.name])]),
  );

  const reauth = useReauth();
  const { register, handleSubmit, setError, formState } = useForm<Record<string, unknown>>({
    resolver: zodResolver(KYC_STEP_SCHEMAS[step] as never, undefined, { raw: true }),
    defaultValues: defaults,
  });

  const send = (form: FormData) =>
    start(async () => {
      setFormError(undefined);
      const result = await action(form);
      // The bank-account step saves a bank account: after an older sign-in, the password again.
      if (reauth.intercept(result, () => send(form))) return;
      if (result.ok) {
        toast.success(t("saved"));
        onSaved(result.currentStep ?? "review");
      } else {
        for (const [f, m] of Object.entries(result.fields ?? {})) setError(f, { message: m });
        setFormError(text.form(result.error ?? (result.fields ? "validation_failed" : undefined), result.message));
      }
    });
  const onSubmit = handleSubmit((data) => {
    const form = new FormData();
    form.set("step", step);
    for (const [k, v] of Object.entries(data)) {
      if (typeof FileList !== "undefined" && v instanceof FileList) {
        if (v[0]) form.set(k, v[0]);
      } else if (v !== undefined && v !== null) form.set(k, String(v));
    }
    send(form);
  });

  const errorOf = (name: string) => text.field(formState.errors[name]?.message as string | undefined);
  return (
    <>
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="kyc-step-title">
        <FormError message={formError} />
        {uploaded.length > 0 ? <p className="text-sm text-slate-700">{t("alreadyUploaded", { files: uploaded.map((f) => t(f as never)).join(", ") })}</p> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          {fields.map((f) => {
            const id = `kyc-${f.name}`;
            if (f.kind === "select") {
              return <SelectField key={f.name} id={id} label={label(f.name)} options={f.options!} error={errorOf(f.name)} {...register(f.name)} />;
            }
            if (f.kind === "file") {
              return (
                <TextField
                  key={f.name}
                  id={id}
                  type="file"
                  accept={KYC_ACCEPT}
                  label={label(f.name)}
                  hint={t("fileHint")}
                  error={errorOf(f.name)}
                  className="sm:col-span-2"
                  {...register(f.name)}
                />
              );
            }
            return (
              <TextField
                key={f.name}
                id={id}
                type={f.kind === "date" ? "date" : "text"}
                label={label(f.name)}
                hint={f.hint}
                inputMode={f.inputMode}
                autoComplete={f.autoComplete}
                error={errorOf(f.name)}
                {...register(f.name)}
              />
            );
          })}
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("saveAndContinue")}
        </Button>
      </form>
      {reauth.dialog}
    </>
  );
}
