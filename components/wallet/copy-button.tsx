"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button";

/** Copies `value` to the clipboard; "Copied" (or how to copy by hand) is announced in a live region. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations("topUpHelp");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 3_000);
    return () => clearTimeout(timer);
  }, [state]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" aria-label={label} onClick={copy} className={buttonClass("secondary")}>
        {state === "copied" ? t("copied") : t("copy")}
      </button>
      <span role="status" className="text-sm text-slate-700">
        {state === "copied" ? t("copiedAnnounce") : state === "failed" ? t("copyFailed") : ""}
      </span>
    </span>
  );
}
