"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useReauth } from "@/components/account/reauth-dialog";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { AddBankAccountInput, BANKS } from "@/lib/wallet/schemas";
import { useErrorText } from "./use-messages";

type Values = { bankCode: string; accountNumber: string; holderName: string };
type Account = { id: string; bankName: string; accountNumber: string; holderName: string };
type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };

export function BankAccounts({
  accounts,
  addAction,
  removeAction,
}: {
  accounts: Account[];
  addAction: (input: Values) => Promise<Result>;
  removeAction: (id: string) => Promise<Result>;
}) {
  const t = useTranslations("wallet");
  const text = useErrorText();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();
  const reauth = useReauth();
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    resolver: zodResolver(AddBankAccountInput as never, undefined, { raw: true }),
    defaultValues: { bankCode: "BCA", accountNumber: "", holderName: "" },
  });
  const add = (values: Values) =>
    start(async () => {
      setFormError(undefined);
      const result = await addAction(values);
      // An older sign-in: ask for the password, then save the same account.
      if (reauth.intercept(result, () => add(values))) return;
      if (result.ok) {
        toast.success(t("bankAccountAdded"));
        reset({ bankCode: values.bankCode, accountNumber: "", holderName: "" });
        router.refresh();
      } else {
        for (const [f, m] of Object.entries(result.fields ?? {})) setError(f as keyof Values, { message: m });
        setFormError(text.form(result.error, result.message, result.details));
      }
    });
  const onSubmit = handleSubmit((values) => add(values));
  const remove = (id: string) =>
    start(async () => {
      const result = await removeAction(id);
      if (reauth.intercept(result, () => remove(id))) return;
      if (result.ok) {
        toast.success(t("bankAccountRemoved"));
        router.refresh();
      } else toast.error(text.form(result.error, result.message, result.details));
    });
  return (
    <div className="space-y-4">
      {accounts.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noSavedAccounts")}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {accounts.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <strong>{a.bankName}</strong> {a.accountNumber} · {a.holderName}
              </span>
              <Button
                variant="ghost"
                aria-label={t("removeAccount", { bank: a.bankName, account: a.accountNumber })}
                disabled={pending}
                onClick={() => remove(a.id)}
              >
                {t("remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-3 sm:items-start">
        <div className="sm:col-span-3">
          <FormError message={formError} />
        </div>
        <SelectField
          id="bank-code"
          label={t("bank")}
          error={text.field(formState.errors.bankCode?.message)}
          options={BANKS.map((b) => ({ value: b.code, label: b.name }))}
          {...register("bankCode")}
        />
        <TextField
          id="account-number"
          label={t("accountNumber")}
          inputMode="numeric"
          error={text.field(formState.errors.accountNumber?.message)}
          {...register("accountNumber")}
        />
        <TextField id="holder-name" label={t("holderName")} error={text.field(formState.errors.holderName?.message)} {...register("holderName")} />
        <div className="sm:col-span-3">
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("addBankAccount")}
          </Button>
        </div>
      </form>
      {reauth.dialog}
    </div>
  );
}
