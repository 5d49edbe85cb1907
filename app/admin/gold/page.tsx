import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminGoldSettingsForm } from "@/components/gold/admin-gold-settings-form";
import { Card, Stat } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { getCurrentGoldPrice, getGoldInventory, getGoldSettings, getGoldTradeVolume } from "@/lib/gold";
import { GOLD_WITHDRAWAL_STATUSES } from "@/lib/gold/schemas";
import { formatRupiah } from "@/lib/money/format";
import { formatGrams } from "@/lib/money/gold";
import { updateGoldSettingsAction } from "./actions";
import { VolumeSection } from "./volume-section";
import { WithdrawalQueue } from "./withdrawal-queue";
import { bpsToPercentInput } from "@/lib/money/percent";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminGold");
  return { title: t("pageTitle") };
}

const VOLUME_DAYS = 30;

export default async function AdminGoldPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const sp = await searchParams;
  const ctx = await getRequestCtx();
  const status = GOLD_WITHDRAWAL_STATUSES.includes(sp.status as never) ? (sp.status as (typeof GOLD_WITHDRAWAL_STATUSES)[number]) : "requested";
  const [t, locale, settings, price, volume, inventory] = await Promise.all([
    getTranslations("adminGold"),
    getLocale(),
    getGoldSettings({ ctx }),
    getCurrentGoldPrice({ ctx }),
    getGoldTradeVolume({ ctx, input: { days: VOLUME_DAYS } }),
    getGoldInventory({ ctx }),
  ]);
  const loc = locale as "en" | "id";
  const rp = (n: bigint) => formatRupiah(n, loc);
  const g = (n: bigint) => formatGrams(n, loc);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("pageTitle")}</h1>
      <Card title={t("settingsTitle")}>
        <p className="mb-3 text-sm text-slate-700" data-testid="admin-gold-price">
          {t("currentPrice", { buy: rp(price.buyPerGram), sell: rp(price.sellPerGram) })}
        </p>
        <AdminGoldSettingsForm
          initial={{
            basePerGram: settings.basePerGram.toString(),
            spreadBps: bpsToPercentInput(settings.spreadBps),
            usdIdrRate: settings.usdIdrRate.toString(),
            withdrawalFees: Object.fromEntries(Object.entries(settings.withdrawalFees).map(([k, v]) => [k, v.toString()])),
            leadTimeDays: Object.fromEntries(Object.entries(settings.leadTimeDays).map(([k, v]) => [k, String(v)])),
          }}
          action={updateGoldSettingsAction}
        />
      </Card>
      <Card title={t("inventoryTitle")}>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
          <Stat label={t("gramsBought")} value={g(inventory.unitsBought)} />
          <Stat label={t("gramsSold")} value={g(inventory.unitsSold)} />
          <Stat label={t("netPosition")} value={g(inventory.netUnits)} />
          <Stat label={t("inventoryBalance")} value={g(inventory.inventoryBalance)} />
          <Stat label={t("reservedForBars")} value={g(inventory.reservedUnits)} />
          <Stat label={t("withdrawnAsBars")} value={g(inventory.withdrawnUnits)} />
        </dl>
      </Card>
      <VolumeSection days={VOLUME_DAYS} rows={volume} />
      <WithdrawalQueue status={status} page={sp.page} />
    </div>
  );
}
