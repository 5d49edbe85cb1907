import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { TotpManage } from "@/components/account/totp-manage";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { Ctx } from "@/lib/context";
import { getSecondFactorStatus } from "@/lib/auth/second-factor";
import { listMySessions } from "@/lib/auth/sessions";
import { changePasswordAction, disableTotpAction, regenerateRecoveryCodesAction, signOutEverywhereAction } from "./actions";

/** The account's security page, shared by the three areas: password, sessions, (admins) two-step sign-in. */
export async function SecurityScreen({ ctx, area }: { ctx: Ctx; area: "lender" | "borrower" | "admin" }) {
  const [t, format, sessions, secondFactor] = await Promise.all([
    getTranslations("security"),
    getFormat(),
    listMySessions({ ctx }),
    area === "admin" ? getSecondFactorStatus({ ctx }) : Promise.resolve(null),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card title={t("passwordTitle")}>
        <p className="mb-4 text-sm text-slate-700">{t("passwordIntro")}</p>
        <ChangePasswordForm action={changePasswordAction} />
      </Card>
      {secondFactor ? (
        <Card title={t("twoFactorTitle")}>
          {secondFactor.enabled ? (
            <div className="space-y-4">
              <p className="text-sm text-slate-800">{t("twoFactorOn", { left: secondFactor.recoveryCodesLeft })}</p>
              <TotpManage required={secondFactor.required} regenerate={regenerateRecoveryCodesAction} disable={disableTotpAction} />
            </div>
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-slate-800">{secondFactor.required ? t("twoFactorRequired") : t("twoFactorOffered")}</p>
              <Link href="/two-factor" className={buttonClass("primary")}>
                {t("twoFactorSetUp")}
              </Link>
            </div>
          )}
        </Card>
      ) : null}
      <Card title={t("sessionsTitle")}>
        <ul className="mb-4 divide-y divide-slate-200 text-sm">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span className="break-all">{s.userAgent ?? t("unknownDevice")}</span>
              <span className="text-slate-700">
                {format.dateTime(s.createdAt)}
                {s.current ? ` · ${t("thisDevice")}` : ""}
              </span>
            </li>
          ))}
        </ul>
        <p className="mb-3 text-sm text-slate-700">{t("signOutEverywhereIntro")}</p>
        <SignOutEverywhere action={signOutEverywhereAction} />
      </Card>
    </div>
  );
}
