"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { POA_CLAUSE_KEYS } from "@/lib/autopurchase/schemas";

/**
 * The power of attorney (surat kuasa): its clauses and version, an "I accept" box, and a button that
 * stays disabled until the box is ticked. A native <dialog>, like ConfirmDialog.
 */
export function PoaDialog({ open, version, pending, error, onAccept, onCancel }: { open: boolean; version: number; pending?: boolean; error?: string; onAccept: () => void; onCancel: () => void }) {
  const t = useTranslations("autoPurchase.poa");
  const ref = useRef<HTMLDialogElement>(null);
  const [accepted, setAccepted] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setAccepted(false);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="poa-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto max-h-[90vh] w-[min(40rem,calc(100vw-2rem))] overflow-y-auto rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="space-y-4 p-5">
        <div>
          <h2 id="poa-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <p className="text-sm text-slate-600">{t("version", { version })}</p>
        </div>
        <p className="text-sm text-slate-800">{t("intro")}</p>
        <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-800">
          {POA_CLAUSE_KEYS.map((k) => (
            <li key={k}>{t(`clauses.${k}`)}</li>
          ))}
        </ol>
        <div className="flex items-start gap-3">
          <input id="poa-accept" type="checkbox" className="mt-1 h-5 w-5 shrink-0" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
          <label htmlFor="poa-accept" className="text-sm font-medium text-slate-900">
            {t("accept")}
          </label>
        </div>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button onClick={onAccept} disabled={pending || !accepted}>
            {t("submit")}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
