import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { Card } from "@/components/ui/card";
import { TimeMachineForm } from "@/components/forms/time-machine-form";
import { now } from "@/lib/clock";
import { getRequestCtx } from "@/lib/auth/session";
import { isDemoMode } from "@/lib/system/mode";
import { currentOffsetMs } from "@/lib/system/time-machine";
import { advanceClockAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("timeMachine");
  return { title: t("title") };
}

export default async function TimeMachinePage() {
  if (!isDemoMode()) notFound();
  await getRequestCtx();
  const [t, format] = await Promise.all([getTranslations("timeMachine"), getFormat()]);
  const offsetHours = Math.round(currentOffsetMs() / 3_600_000);
  const at = now();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <Card title={t("nowTitle")}>
        <p className="text-lg font-semibold" data-testid="clock-now" data-now={at.toISOString()}>
          {format.dateTime(at, { seconds: true, month: "long" })}
        </p>
        <p className="text-sm text-slate-600">{t("offset", { hours: offsetHours })}</p>
      </Card>
      <Card title={t("advanceTitle")}>
        <TimeMachineForm action={advanceClockAction} nowIso={at.toISOString()} />
      </Card>
    </div>
  );
}
