import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { GoldMarket } from "@/components/gold/gold-market";
import { GoldViewTracker } from "@/components/gold/gold-view-tracker";
import { GoldWithdrawals } from "@/components/gold/gold-withdrawals";
import { PriceAlerts } from "@/components/gold/price-alerts";
import { GoldPriceChart } from "@/components/gold/price-chart";
import { RecurringPlans } from "@/components/gold/recurring-plans";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { getGoldHoldings, getPriceHistory, getWithdrawalOptions, listGoldTrades, listMyGoldWithdrawals, listPriceAlerts, listRecurringPlans } from "@/lib/gold";
import { getMyKyc } from "@/lib/kyc";
import { cancelBarsAction, createAlertAction, createPlanAction, deleteAlertAction, deletePlanAction, requestBarsAction, setPlanActiveAction, updatePlanAction } from "./actions";
import { HoldingsCard } from "./holdings-card";
import { previewGoldTradeAction, quoteGoldAction, tradeGoldAction } from "./trade-actions";
import { TradeHistory } from "./trade-history";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gold");
  return { title: t("pageTitle") };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export default async function GoldPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const sp = await searchParams;
  const ctx = await getRequestCtx();
  const [t, kyc, holdings, history, trades, plans, alerts, options, withdrawals] = await Promise.all([
    getTranslations("gold"),
    getMyKyc({ ctx }),
    getGoldHoldings({ ctx }),
    getPriceHistory({ ctx, input: { range: "1M" } }),
    listGoldTrades({ ctx, input: { page: /^\d{1,6}$/.test(sp.page ?? "") ? sp.page : 1, pageSize: 20 } }),
    listRecurringPlans({ ctx }),
    listPriceAlerts({ ctx }),
    getWithdrawalOptions({ ctx }),
    listMyGoldWithdrawals({ ctx }),
  ]);
  const canTrade = kyc.status === "approved";
  const price = holdings.price;
  const priceView = { buyPerGram: price.buyPerGram.toString(), sellPerGram: price.sellPerGram.toString(), spreadBps: price.spreadBps, change7dBps: price.change7dBps, at: price.at.toISOString() };
  const available = holdings.units.toString();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t("pageTitle")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      <GoldViewTracker buyPerGram={priceView.buyPerGram} sellPerGram={priceView.sellPerGram} />

      {canTrade ? null : (
        <section aria-labelledby="gold-kyc-title" className="space-y-2 rounded-2xl border border-amber-300 bg-amber-50 p-4">
          <h2 id="gold-kyc-title" className="font-semibold text-amber-950">{t("kycTitle")}</h2>
          <p className="text-sm text-amber-950">{t("kycBody")}</p>
          <Link className={buttonClass("primary")} href="/lender/kyc">{t("kycLink")}</Link>
        </section>
      )}

      <HoldingsCard holdings={holdings} />

      <Card title={t("pricesTitle")}>
        <GoldMarket initial={priceView} canTrade={canTrade} availableUnits={available} actions={{ quote: quoteGoldAction, preview: previewGoldTradeAction, trade: tradeGoldAction }} />
        <div className="mt-6">
          <GoldPriceChart initialRange="1M" initialPoints={history.points.map((p) => ({ at: p.at.toISOString(), pricePerGram: p.buyPerGram.toString() }))} />
          <p className="mt-2 text-xs text-slate-600">{t("chartSource")}</p>
        </div>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("plansTitle")}>
          <p className="mb-3 text-xs text-slate-600">{t("plansHelp")}</p>
          <RecurringPlans
            canTrade={canTrade}
            actions={{ create: createPlanAction, update: updatePlanAction, setActive: setPlanActiveAction, remove: deletePlanAction }}
            plans={plans.map((p) => ({ id: p.id, amount: p.amount.toString(), frequency: p.frequency, hour: p.hour, dayOfWeek: p.dayOfWeek, dayOfMonth: p.dayOfMonth, active: p.active, nextRunAt: iso(p.nextRunAt) }))}
          />
        </Card>
        <Card title={t("alertsTitle")}>
          <PriceAlerts
            actions={{ create: createAlertAction, remove: deleteAlertAction }}
            alerts={alerts.map((a) => ({
              id: a.id,
              kind: a.kind,
              thresholdPerGram: a.thresholdPerGram.toString(),
              active: a.active,
              triggeredAt: iso(a.triggeredAt),
              triggeredPricePerGram: a.triggeredPricePerGram?.toString() ?? null,
            }))}
          />
        </Card>
      </div>

      <Card title={t("withdrawalsTitle")}>
        <p className="mb-3 text-xs text-slate-600">{t("withdrawalsHelp")}</p>
        <GoldWithdrawals
          canTrade={canTrade}
          availableUnits={available}
          action={requestBarsAction}
          cancelAction={cancelBarsAction}
          options={options.map((o) => ({ barGrams: o.barGrams, fee: o.fee.toString(), leadTimeDays: o.leadTimeDays }))}
          requests={withdrawals.map((w) => ({
            id: w.id,
            barGrams: w.barGrams,
            quantity: w.quantity,
            units: w.units.toString(),
            fee: w.fee.toString(),
            leadTimeDays: w.leadTimeDays,
            status: w.status,
            cancelReason: w.cancelReason,
            createdAt: w.createdAt.toISOString(),
          }))}
        />
      </Card>

      <TradeHistory list={trades} />
    </div>
  );
}
