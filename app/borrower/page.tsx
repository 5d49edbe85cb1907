import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActivityList } from "@/components/activity-list";
import { Card } from "@/components/ui/card";
import { getMyProfile } from "@/lib/auth/profile";
import { getRequestCtx } from "@/lib/auth/session";
import { listMyRecentEvents } from "@/lib/engagement/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("borrower");
  return { title: t("dashboardTitle") };
}

export default async function BorrowerDashboardPage() {
  const ctx = await getRequestCtx();
  const [t, me, activity] = await Promise.all([getTranslations("borrower"), getMyProfile({ ctx }), listMyRecentEvents({ ctx })]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("dashboardTitle")}</h1>
        <p className="text-slate-700">{t("welcome", { name: me.fullName })}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("nextStepsTitle")}>
          <p className="text-sm text-slate-700">{t("nextStepsBody")}</p>
        </Card>
        <Card title={t("activityTitle")}>
          <ActivityList items={activity} />
        </Card>
      </div>
    </div>
  );
}
