"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function SignOutEverywhere({ action }: { action: () => Promise<void> }) {
  const t = useTranslations("security");
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("signOutEverywhere")}
      </Button>
      <ConfirmDialog
        open={open}
        title={t("signOutEverywhereTitle")}
        confirmLabel={t("signOutEverywhere")}
        cancelLabel={t("cancel")}
        pending={pending}
        onConfirm={() => start(() => action())}
        onCancel={() => setOpen(false)}
      >
        {t("signOutEverywhereBody")}
      </ConfirmDialog>
    </>
  );
}
