import Link from "next/link";
import { notFound } from "next/navigation";
import QRCode from "qrcode";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { BankSteps } from "@/components/wallet/bank-steps";
import { CopyButton } from "@/components/wallet/copy-button";
import { TopUpStatus } from "@/components/wallet/top-up-status";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { formatRupiah } from "@/lib/money/format";
import { getTopUp } from "@/lib/payments";
import { topUpReturnPath } from "@/lib/payments/rules";
import { BANK_CODES, type BankCode } from "@/lib/payments/schemas";
import { bankName } from "@/lib/wallet";

export async function TopUpScreen({ area, id }: { area: "lender" | "borrower"; id: string }) {
  const ctx = await getRequestCtx();
  const topUp = await getTopUp({ ctx, input: { id } }).catch((e) => {
    if (isDomainError(e) && (e.status === 404 || e.status === 400)) notFound();
    throw e;
  });
  const [t, tHelp, format, locale] = await Promise.all([getTranslations("wallet"), getTranslations("topUpHelp"), getFormat(), getLocale()]);
  const amount = formatRupiah(topUp.amount, locale as "en" | "id");
  const qr = topUp.qrisPayload ? await QRCode.toDataURL(topUp.qrisPayload, { margin: 1, width: 240 }) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("topUpTitleOne", { amount })}</h1>
      <Card>
        <div className="space-y-4">
          <TopUpStatus id={topUp.id} initialStatus={topUp.status} />
          <p className="text-sm text-slate-700">{t("expiresAt", { at: format.dateTime(topUp.expiresAt) })}</p>
          {topUp.method === "va" ? (
            <div>
              <p className="text-sm text-slate-700">
                {t("payTo")} {bankName(topUp.bank ?? "")}
              </p>
              <p className="text-sm text-slate-700">{t("vaNumber")}</p>
              <div className="flex flex-wrap items-center gap-3">
                <p className="font-mono text-2xl font-bold tracking-wider" data-testid="va-number">
                  {topUp.vaNumber}
                </p>
                {topUp.vaNumber ? <CopyButton value={topUp.vaNumber} label={tHelp("copyVa")} /> : null}
              </div>
            </div>
          ) : qr ? (
            <figure className="space-y-2">
              {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL */}
              <img src={qr} alt={t("qrisTitle")} width={240} height={240} className="rounded-lg ring-1 ring-slate-200" />
              <figcaption className="text-sm text-slate-700">{t("qrisTitle")}</figcaption>
            </figure>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Link href={`/sandbox/pay/${encodeURIComponent(topUp.providerReference)}?return=${encodeURIComponent(topUpReturnPath(area, topUp.id))}`} className={buttonClass("primary")}>
              {t("openSandbox")}
            </Link>
            <Link href={`/${area}/wallet`} className={buttonClass("secondary")}>
              {t("backToWallet")}
            </Link>
          </div>
        </div>
      </Card>
      {topUp.method === "va" && topUp.vaNumber && isBank(topUp.bank) && topUp.status === "pending" ? (
        <Card>
          <BankSteps bank={topUp.bank} vaNumber={topUp.vaNumber} amount={amount} />
        </Card>
      ) : null}
    </div>
  );
}

function isBank(code: string | null | undefined): code is BankCode {
  return (BANK_CODES as readonly string[]).includes(code ?? "");
}
