"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";

type Result = { ok: boolean; error?: string; fields?: Record<string, string>; message?: string; details?: Record<string, unknown> };

export function WithdrawalDecision({
  id,
  label,
  approve,
  reject,
}: {
  id: string;
  label: { amount: string; name: string };
  approve: (id: string) => Promise<Result>;
  reject: (id: string, reason: string) => Promise<Result>;
}) {
  const t = useTranslations("adminWallet");
  const tw = useTranslations("wallet");
  const text = useErrorText();
  const router = useRouter();
  const reasonId = useId();
  const [mode, setMode] = useState<"approve" | "reject" | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const [pending, start] = useTransition();
  const finish = (result: Result, done: string) => {
    if (result.ok) {
      toast.success(done);
      setMode(null);
      router.refresh();
    } else if (result.fields?.reason) setReasonError(text.field(result.fields.reason));
    else {
      toast.error(text.form(result.error, result.message, result.details));
      setMode(null);
    }
  };
  return (
    <div className="flex flex-wrap gap-2">
      <Button onClick={() => setMode("approve")} aria-label={t("approveWithdrawal", label)}>
        {t("approve")}
      </Button>
      <Button variant="danger" onClick={() => setMode("reject")} aria-label={t("rejectWithdrawal", label)}>
        {t("reject")}
      </Button>
      <ConfirmDialog
        open={mode === "approve"}
        title={t("approveWithdrawal", label)}
        confirmLabel={t("approve")}
        cancelLabel={tw("cancel")}
        pending={pending}
        onCancel={() => setMode(null)}
        onConfirm={() => start(async () => finish(await approve(id), t("approved")))}
      >
        {t("approveWithdrawal", label)}
      </ConfirmDialog>
      <ConfirmDialog
        open={mode === "reject"}
        title={t("rejectWithdrawal", label)}
        confirmLabel={t("reject")}
        cancelLabel={tw("cancel")}
        pending={pending}
        onCancel={() => setMode(null)}
        onConfirm={() => start(async () => finish(await reject(id, reason), t("rejected")))}
      >
        <TextField id={reasonId} label={t("rejectReason")} value={reason} error={reasonError} onChange={(e) => setReason(e.target.value)} />
      </ConfirmDialog>
    </div>
  );
}
