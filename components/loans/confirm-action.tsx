"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useErrorText } from "@/components/wallet/use-messages";

type Result = { ok: boolean; error?: string; message?: string; fields?: Record<string, string>; details?: Record<string, unknown> };

/**
 * A button that moves money: it asks for confirmation with a summary first, sends one idempotency
 * key per confirmed attempt (a double click or a retried request acts once), then refreshes.
 */
export function ConfirmAction({
  label,
  title,
  body,
  confirmLabel,
  cancelLabel,
  successMessage,
  action,
  variant = "primary",
}: {
  label: string;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  successMessage: string;
  action: (idempotencyKey: string) => Promise<Result>;
  variant?: "primary" | "secondary" | "danger";
}) {
  const text = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState("");
  const [pending, start] = useTransition();
  return (
    <>
      <Button
        variant={variant}
        onClick={() => {
          setKey(crypto.randomUUID());
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={confirmLabel}
        cancelLabel={cancelLabel}
        pending={pending}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          start(async () => {
            const result = await action(key);
            setOpen(false);
            if (result.ok) {
              toast.success(successMessage);
              router.refresh();
            } else toast.error(text.form(result.error, result.message, result.details) ?? text.field(Object.values(result.fields ?? {})[0], result.details));
          })
        }
      >
        {body}
      </ConfirmDialog>
    </>
  );
}
