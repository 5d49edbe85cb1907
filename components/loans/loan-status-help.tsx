import { getLocale, getTranslations } from "next-intl/server";
import { formatRupiah } from "@/lib/money/format";

/** For a late or defaulted loan: what the status means and what to do, for the borrower or a lender. */
export async function LoanStatusHelp({ status, daysPastDue, lateFeeCharged, audience }: { status: string; daysPastDue: number; lateFeeCharged: bigint; audience: "borrower" | "lender" }) {
  if (status !== "late" && status !== "default") return null;
  const [t, locale] = await Promise.all([getTranslations("loanStatusHelp"), getLocale()]);
  const fees = formatRupiah(lateFeeCharged, locale as "en" | "id");
  const which = status === "late" ? "Late" : "Default";
  const tone = status === "late" ? "bg-amber-50 ring-amber-300 text-amber-950" : "bg-red-50 ring-red-300 text-red-950";
  return (
    <section aria-labelledby="loan-status-help" className={`rounded-2xl p-5 ring-1 ${tone}`}>
      <h2 id="loan-status-help" className="text-base font-semibold">
        {status === "late" ? t("lateTitle") : t("defaultTitle")}
      </h2>
      <p className="mt-1 text-sm">{t(`${audience}${which}`, { days: daysPastDue, fees })}</p>
      <p className="mt-1 text-sm">{t(`${audience}${which}What`)}</p>
    </section>
  );
}
