"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Archive, after a confirmation that says what archiving does. */
export function ArchiveSegmentButton({ name, archive }: { name: string; archive: () => Promise<{ ok: true } | { ok: false; code: string }> }) {
  const t = useTranslations("segments.detail");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("archive")}
      </Button>
      {error ? (
        <p role="alert" className="basis-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        title={t("archiveTitle")}
        confirmLabel={t("archiveConfirm")}
        cancelLabel={t("cancel")}
        pending={pending}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          startTransition(async () => {
            const result = await archive();
            setOpen(false);
            if (result.ok) {
              router.push("/admin/engagement/segments");
              router.refresh();
            } else setError(result.code === "segment_in_use" ? t("inUse") : t("archiveFailedGeneric"));
          })
        }
      >
        {t("archiveBody", { name })}
      </ConfirmDialog>
    </>
  );
}
