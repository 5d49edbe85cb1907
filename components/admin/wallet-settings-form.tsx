"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { RupiahInput } from "@/components/wallet/rupiah-input";
import { useErrorText } from "@/components/wallet/use-messages";
import { WalletSettingsInput } from "@/lib/wallet/schemas";

type Values = { withdrawalFee: string; autoApproveBelow: string };
type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };

export function WalletSettingsForm({ initial, action }: { initial: Values; action: (input: Values) => Promise<Result> }) {
  const t = useTranslations("adminWallet");
  const text = useErrorText();
  const router = useRouter();
  const [pending, start] = useTransition();
  const { control, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(WalletSettingsInput as never, undefined, { raw: true }),
    defaultValues: initial,
  });
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-3 sm:items-end"
      onSubmit={handleSubmit((values) =>
        start(async () => {
          const result = await action(values);
          if (result.ok) {
            toast.success(t("saved"));
            router.refresh();
          } else {
            for (const [f, m] of Object.entries(result.fields ?? {})) setError(f as keyof Values, { message: m });
            if (!result.fields) toast.error(text.form(result.error, result.message, result.details));
          }
        }),
      )}
    >
      <Controller
        control={control}
        name="withdrawalFee"
        render={({ field }) => <RupiahInput id="withdrawal-fee" label={t("withdrawalFee")} error={text.field(formState.errors.withdrawalFee?.message)} {...field} />}
      />
      <Controller
        control={control}
        name="autoApproveBelow"
        render={({ field }) => (
          <RupiahInput id="auto-approve-below" label={t("autoApproveBelow")} error={text.field(formState.errors.autoApproveBelow?.message)} {...field} />
        )}
      />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
