"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export type StatusJson = { kycApproved: boolean; riskCheckPassed: boolean; poaCurrent: boolean; poaVersion: number | null; currentPoaVersion: number; poaAcceptedAtText: string | null };

/** The three gates before a strategy may be turned on, each with the way to fix it when missing. */
export function StatusPanel({ status, onReadPoa }: { status: StatusJson; onReadPoa: () => void }) {
  const t = useTranslations("autoPurchase.status");
  const link = "text-sm font-medium text-brand-700 underline";
  const row = (label: string, ok: boolean, fix: React.ReactNode, extra?: string) => (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span className="min-w-0">
        <span className="block text-sm font-medium text-slate-900">{label}</span>
        {extra ? <span className="block text-xs text-slate-600">{extra}</span> : null}
      </span>
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone={ok ? "success" : "warning"}>{ok ? t("done") : t("missing")}</Badge>
        {ok ? null : fix}
      </span>
    </li>
  );
  const poaExtra = status.poaCurrent && status.poaAcceptedAtText
    ? t("poaAccepted", { version: status.poaVersion ?? status.currentPoaVersion, date: status.poaAcceptedAtText })
    : status.poaVersion !== null && !status.poaCurrent
      ? t("poaOutdated", { version: status.currentPoaVersion })
      : undefined;
  return (
    <section aria-labelledby="ap-status-title" className="min-w-0 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="ap-status-title" className="mb-1 text-base font-semibold">
        {t("title")}
      </h2>
      <ul className="divide-y divide-slate-200">
        {row(t("kyc"), status.kycApproved, <Link className={link} href="/lender/kyc">{t("kycLink")}</Link>)}
        {row(t("risk"), status.riskCheckPassed, <Link className={link} href="/lender/risk">{t("riskLink")}</Link>)}
        {row(
          t("poa"),
          status.poaCurrent,
          <button type="button" className={`${link} min-h-11`} onClick={onReadPoa}>
            {t("poaLink")}
          </button>,
          poaExtra,
        )}
      </ul>
    </section>
  );
}
