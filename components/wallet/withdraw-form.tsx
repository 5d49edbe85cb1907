"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { useReauth } from "@/components/account/reauth-dialog";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError, SelectField } from "@/components/ui/field";
import { formatRupiah } from "@/lib/money/format";
import { queryKeys } from "@/lib/query-keys";
import { RequestWithdrawalInput } from "@/lib/wallet/schemas";
import { RupiahInput } from "./rupiah-input";
import { useErrorText } from "./use-messages";

type Values = { bankAccountId: string; amount: string };
type Account = { id: string; bankName: string; accountNumber: string; holderName: string };
type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; status?: string; details?: Record<string, unknown> };

export function WithdrawForm({ accounts, action }: { accounts: Account[]; action: (input: Values) => Promise<Result> }) {
  const t = useTranslations("wallet");
  const locale = useLocale() as "en" | "id";
  const text = useErrorText();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Values | null>(null);
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();
  const reauth = useReauth();
  const { register, control, handleSubmit, setError, reset, formState } = useForm<Values>({
    resolver: zodResolver(RequestWithdrawalInput as never, undefined, { raw: true }),
    defaultValues: { bankAccountId: accounts[0]?.id ?? "", amount: "" },
  });
  if (accounts.length === 0) return <p className="text-sm text-slate-700">{t("noBankAccounts")}</p>;
  const account = accounts.find((a) => a.id === confirming?.bankAccountId);

  const submit = (values = confirming) =>
    start(async () => {
      if (!values) return;
      setFormError(undefined);
      const result = await action(values);
      setConfirming(null);
      // An older sign-in: ask for the password, then send the same request again.
      if (reauth.intercept(result, () => submit(values))) return;
      if (result.ok) {
        toast.success(result.status === "paid" ? t("withdrawalAutoApproved") : t("withdrawalRequested"));
        reset({ bankAccountId: values.bankAccountId, amount: "" });
        await queryClient.invalidateQueries({ queryKey: queryKeys.wallet });
        router.refresh();
      } else {
        for (const [f, m] of Object.entries(result.fields ?? {})) setError(f as keyof Values, { message: m });
        setFormError(text.form(result.error, result.message, result.details));
      }
    });

  return (
    <>
      <form onSubmit={handleSubmit((values) => setConfirming(values))} noValidate className="space-y-4">
        <FormError message={formError} />
        <SelectField
          id="withdraw-account"
          label={t("bankAccount")}
          error={text.field(formState.errors.bankAccountId?.message)}
          options={accounts.map((a) => ({ value: a.id, label: `${a.bankName} ${a.accountNumber} · ${a.holderName}` }))}
          {...register("bankAccountId")}
        />
        <Controller
          control={control}
          name="amount"
          render={({ field }) => (
            <RupiahInput
              id="withdraw-amount"
              label={t("amount")}
              hint={t("withdrawAmountHint")}
              error={text.field(formState.errors.amount?.message)}
              {...field}
            />
          )}
        />
        <Button type="submit" disabled={pending}>
          {t("withdraw")}
        </Button>
      </form>
      <ConfirmDialog
        open={Boolean(confirming)}
        title={t("confirmWithdrawTitle")}
        confirmLabel={t("confirm")}
        cancelLabel={t("cancel")}
        pending={pending}
        onConfirm={() => submit()}
        onCancel={() => setConfirming(null)}
      >
        {confirming && account
          ? t("confirmWithdrawBody", {
              amount: formatRupiah(BigInt(confirming.amount || "0"), locale),
              bank: account.bankName,
              account: account.accountNumber,
              holder: account.holderName,
            })
          : null}
      </ConfirmDialog>
      {reauth.dialog}
    </>
  );
}
