import { getTranslations } from "next-intl/server";
import { BANK_CHANNELS, bankSteps } from "@/lib/payments/rules";
import { bankName, type BankCode } from "@/lib/payments/schemas";

/** ATM / mobile-banking / internet-banking steps for the top-up's bank, each a native disclosure. */
export async function BankSteps({ bank, vaNumber, amount }: { bank: BankCode; vaNumber: string; amount: string }) {
  const t = await getTranslations("topUpHelp");
  return (
    <section aria-labelledby="how-to-pay" className="space-y-2">
      <h2 id="how-to-pay" className="text-base font-semibold text-slate-900">
        {t("howToPay", { bank: bankName(bank) })}
      </h2>
      <p className="text-sm text-slate-700">{t("howToPayHint")}</p>
      <div className="divide-y divide-slate-200 rounded-lg ring-1 ring-slate-200">
        {BANK_CHANNELS.map((channel) => (
          <details key={channel} className="group px-4">
            <summary className="flex min-h-11 cursor-pointer items-center font-medium text-slate-900">{t(`channels.${channel}`)}</summary>
            <ol className="list-decimal space-y-1 pb-3 pl-5 text-sm text-slate-800">
              {bankSteps(bank, channel, { vaNumber, amount }).map((step) => {
                const { menuKey, ...values } = step.values;
                return <li key={step.key}>{t(step.key, menuKey ? { ...values, menu: t(menuKey) } : values)}</li>;
              })}
            </ol>
          </details>
        ))}
      </div>
    </section>
  );
}
