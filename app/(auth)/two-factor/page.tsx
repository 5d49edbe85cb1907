import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { signOutAction } from "@/app/actions";
import { confirmTotpAction } from "@/app/_security/actions";
import { TotpEnrolForm } from "@/components/account/totp-enrol-form";
import { Button, buttonClass } from "@/components/ui/button";
import { getSecondFactorSetupCtx } from "@/lib/auth/session";
import { getSecondFactorStatus, startTotpEnrolment } from "@/lib/auth/second-factor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security");
  return { title: t("enrolTitle") };
}

/**
 * Two-step sign-in enrolment for admins: required before anything else outside demo mode (the admin
 * area sends an admin without it here), offered from the security page in demo mode.
 */
export default async function TwoFactorPage() {
  const ctx = await getSecondFactorSetupCtx();
  if (ctx.actor.type !== "user") redirect("/sign-in?callbackUrl=%2Ftwo-factor");
  if (ctx.actor.role !== "admin") forbidden();
  const t = await getTranslations("security");
  const status = await getSecondFactorStatus({ ctx });
  if (status.enabled) {
    return (
      <div className="space-y-4 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-2xl font-bold">{t("enrolTitle")}</h1>
        <p className="text-sm">{t("twoFactorOn", { left: status.recoveryCodesLeft })}</p>
        <Link href="/admin/security" className={buttonClass("primary")}>
          {t("backToSecurity")}
        </Link>
      </div>
    );
  }
  const { secret, uri } = await startTotpEnrolment({ ctx });
  const qr = await QRCode.toDataURL(uri, { margin: 1, width: 220 });
  return (
    <div className="space-y-4 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold">{t("enrolTitle")}</h1>
      <p className="text-sm text-slate-700">{status.required ? t("twoFactorRequired") : t("twoFactorOffered")}</p>
      <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-800">
        <li>{t("enrolStepScan")}</li>
        <li>{t("enrolStepCode")}</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- a generated data: URL, nothing to optimise */}
      <img src={qr} alt={t("qrAlt")} width={220} height={220} className="mx-auto" />
      <div>
        <p className="text-sm font-medium text-slate-800">{t("secretLabel")}</p>
        <code data-testid="totp-secret" className="block break-all rounded bg-slate-100 p-2 font-mono text-sm">
          {secret.match(/.{1,4}/g)?.join(" ")}
        </code>
      </div>
      <TotpEnrolForm action={confirmTotpAction} />
      <form action={signOutAction}>
        <Button type="submit" variant="ghost">
          {t("signOutInstead")}
        </Button>
      </form>
    </div>
  );
}
