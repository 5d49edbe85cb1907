"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

export function MarkAllRead({ action }: { action: () => Promise<void> }) {
  const t = useTranslations("notifications");
  const [pending, start] = useTransition();
  return (
    <Button variant="secondary" disabled={pending} onClick={() => start(() => action())}>
      {t("markAllRead")}
    </Button>
  );
}
