"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError, TextAreaField } from "@/components/ui/field";
import { useErrorText } from "@/components/wallet/use-messages";
import { Dialog } from "@/components/ui/dialog";
import type { ActionResult } from "./types";

type Step = "printed" | "shipped" | "delivered";
const NEXT: Record<string, Step | undefined> = { requested: "printed", printed: "shipped", shipped: "delivered" };

/** The next step of a bar request (printed → shipped → delivered) or a cancellation with a reason, each confirmed. */
export function AdminGoldWithdrawalActions({
  id,
  status,
  name,
  advance,
  cancel,
}: {
  id: string;
  status: string;
  name: string;
  advance: (input: { withdrawalId: string; to: Step }) => Promise<ActionResult>;
  cancel: (input: { withdrawalId: string; reason: string }) => Promise<ActionResult>;
}) {
  const t = useTranslations("adminGold");
  const text = useErrorText();
  const router = useRouter();
  const [dialog, setDialog] = useState<"advance" | "cancel" | null>(null);
  const [reason, setReason] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, start] = useTransition();
  const next = NEXT[status];
  if (!next) return null;
  const run = (fn: () => Promise<ActionResult>, success: string) =>
    start(async () => {
      setFormError(undefined);
      const result = await fn();
      if (result.ok) {
        toast.success(success);
        setDialog(null);
        router.refresh();
      } else {
        setFields(result.fields ?? {});
        setFormError(text.form(result.error, result.message, result.details));
      }
    });
  return (
    <div className="flex flex-wrap gap-2">
      <Button onClick={() => setDialog("advance")} aria-label={t(`markNamed.${next}`, { name })}>
        {t(`mark.${next}`)}
      </Button>
      {status !== "shipped" ? (
        <Button variant="danger" onClick={() => setDialog("cancel")} aria-label={t("cancelNamed", { name })}>
          {t("cancelRequest")}
        </Button>
      ) : null}
      <Dialog open={dialog === "advance"} title={t(`confirmMark.${next}`)} onClose={() => setDialog(null)}>
        <FormError message={formError} />
        <p className="text-sm">{name}</p>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setDialog(null)} disabled={pending}>
            {t("back")}
          </Button>
          <Button onClick={() => run(() => advance({ withdrawalId: id, to: next }), t(`marked.${next}`))} disabled={pending}>
            {t(`mark.${next}`)}
          </Button>
        </div>
      </Dialog>
      <Dialog open={dialog === "cancel"} title={t("confirmCancel")} onClose={() => setDialog(null)}>
        <FormError message={formError} />
        <p className="text-sm">{t("cancelBody", { name })}</p>
        <TextAreaField id={`cancel-reason-${id}`} label={t("cancelReason")} value={reason} onChange={(e) => setReason(e.target.value)} error={text.field(fields.reason)} />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setDialog(null)} disabled={pending}>
            {t("back")}
          </Button>
          <Button variant="danger" onClick={() => run(() => cancel({ withdrawalId: id, reason }), t("cancelled"))} disabled={pending}>
            {t("confirmCancelButton")}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
