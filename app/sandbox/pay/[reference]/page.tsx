import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SandboxPayButton } from "@/components/wallet/sandbox-pay-button";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { formatRupiah } from "@/lib/money/format";
import { getSandboxPaymentRequest } from "@/lib/payments";
import { safeCallbackUrl } from "@/lib/auth/schemas";
import { payInSandboxAction } from "@/app/_wallet/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sandbox");
  return { title: t("title") };
}

/**
 * The sandbox gateway's own payment page (what a bank app or QRIS scanner would be). Anyone holding
 * the reference can pay, as with a real virtual account.
 */
export default async function SandboxPayPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<{ return?: string }>;
}) {
  const [{ reference }, { return: returnTo }] = await Promise.all([params, searchParams]);
  const ctx = await getRequestCtx();
  const request = await getSandboxPaymentRequest({ ctx, input: { providerReference: decodeURIComponent(reference) } }).catch((e) => {
    if (isDomainError(e) && e.status < 500) notFound();
    throw e;
  });
  const [t, locale] = await Promise.all([getTranslations("sandbox"), getLocale()]);
  const amount = formatRupiah(request.amount, locale as "en" | "id");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <div className="rounded-2xl bg-indigo-950 p-6 text-white shadow-lg">
        <h1 className="text-xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-indigo-200">{t("intro")}</p>
        <dl className="mt-4 space-y-2 text-sm">
          <div>
            <dt className="text-indigo-200">{t("amount")}</dt>
            <dd className="text-2xl font-bold">{amount}</dd>
          </div>
          <div>
            <dt className="text-indigo-200">{t("reference")}</dt>
            <dd className="font-mono">{request.method === "va" ? `${request.bank} ${request.vaNumber}` : request.providerReference}</dd>
          </div>
        </dl>
        <div className="mt-6">
          <SandboxPayButton
            reference={request.providerReference}
            status={request.status}
            amount={amount}
            returnTo={safeCallbackUrl(returnTo, "/")}
            action={payInSandboxAction}
          />
        </div>
      </div>
    </main>
  );
}
