"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type Result = { ok: boolean; error?: string };

/** Suspend (ends every session, blocks sign-in) or reactivate an account, each after a confirmation. */
export function UserSuspension({
  userId,
  name,
  suspended,
  suspend,
  reactivate,
}: {
  userId: string;
  name: string;
  suspended: boolean;
  suspend: (userId: string) => Promise<Result>;
  reactivate: (userId: string) => Promise<Result>;
}) {
  const t = useTranslations("security");
  const te = useTranslations("errors");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const confirm = () =>
    start(async () => {
      const result = await (suspended ? reactivate : suspend)(userId);
      setOpen(false);
      if (result.ok) {
        toast.success(suspended ? t("reactivated") : t("suspended"));
        router.refresh();
      } else toast.error(result.error && te.has(result.error) ? te(result.error) : te("unexpected"));
    });
  return (
    <>
      <Button variant={suspended ? "primary" : "secondary"} onClick={() => setOpen(true)}>
        {suspended ? t("reactivate") : t("suspend")}
      </Button>
      <ConfirmDialog
        open={open}
        title={suspended ? t("reactivateTitle", { name }) : t("suspendTitle", { name })}
        confirmLabel={suspended ? t("reactivate") : t("suspend")}
        cancelLabel={t("cancel")}
        pending={pending}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        {suspended ? t("reactivateBody") : t("suspendBody")}
      </ConfirmDialog>
    </>
  );
}
