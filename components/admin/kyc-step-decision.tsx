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

/** Approve or reject one KYC step; a rejection needs a reason the user will read. */
export function KycStepDecision({
  userId,
  step,
  label,
  approve,
  reject,
}: {
  userId: string;
  step: string;
  label: { step: string; name: string };
  approve: (userId: string, step: string) => Promise<Result>;
  reject: (userId: string, step: string, reason: string) => Promise<Result>;
}) {
  const t = useTranslations("adminKyc");
  const text = useErrorText();
  const router = useRouter();
  const reasonId = useId();
  const [mode, setMode] = useState<"reject" | null>(null);
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
      <Button disabled={pending} onClick={() => start(async () => finish(await approve(userId, step), t("approved")))} aria-label={t("approveStep", label)}>
        {t("approve")}
      </Button>
      <Button variant="danger" disabled={pending} onClick={() => setMode("reject")} aria-label={t("rejectStep", label)}>
        {t("reject")}
      </Button>
      <ConfirmDialog
        open={mode === "reject"}
        title={t("rejectStep", label)}
        confirmLabel={t("reject")}
        cancelLabel={t("cancel")}
        pending={pending}
        onCancel={() => setMode(null)}
        onConfirm={() => start(async () => finish(await reject(userId, step, reason), t("rejected")))}
      >
        <TextField id={reasonId} label={t("rejectReason")} value={reason} error={reasonError} onChange={(e) => setReason(e.target.value)} />
      </ConfirmDialog>
    </div>
  );
}
