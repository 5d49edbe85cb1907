import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { StrategyBoard } from "@/components/autopurchase/strategy-board";
import { getRequestCtx } from "@/lib/auth/session";
import { getAutoPurchaseStatus, listStrategies } from "@/lib/autopurchase/strategy-queries";
import { formatDateTime } from "@/lib/money/format";
import { acceptPowerOfAttorneyAction, archiveStrategyAction, reorderStrategiesAction, setStrategyActiveAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("autoPurchase");
  return { title: t("title") };
}

/** Auto-purchase: the gates (KYC, risk check, power of attorney) and the lender's strategies in priority order. */
export default async function AutoPurchasePage() {
  const ctx = await getRequestCtx();
  const [t, locale, status, strategies] = await Promise.all([getTranslations("autoPurchase"), getLocale(), getAutoPurchaseStatus({ ctx }), listStrategies({ ctx })]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      <StrategyBoard
        status={{
          kycApproved: status.kycApproved,
          riskCheckPassed: status.riskCheckPassed,
          poaCurrent: status.poaCurrent,
          poaVersion: status.poaVersion,
          currentPoaVersion: status.currentPoaVersion,
          poaAcceptedAtText: status.poaAcceptedAt ? formatDateTime(status.poaAcceptedAt, locale as "en" | "id") : null,
        }}
        strategies={strategies.map((s) => ({
          id: s.id,
          name: s.name,
          active: s.active,
          amountPerLoan: s.amountPerLoan.toString(),
          budget: s.budget.toString(),
          invested: s.invested.toString(),
          budgetUsed: s.budgetUsed.toString(),
          outstanding: s.outstanding.toString(),
          boughtCount: s.boughtCount,
        }))}
        actions={{ setActive: setStrategyActiveAction, reorder: reorderStrategiesAction, archive: archiveStrategyAction, acceptPoa: acceptPowerOfAttorneyAction }}
      />
    </div>
  );
}
