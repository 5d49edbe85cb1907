import { useLocale, useTranslations } from "next-intl";
import { formatDate, formatRupiah } from "@/lib/money/format";
import { bankName } from "@/lib/wallet/schemas";

export type StepFile = { field: string; mime: string; url: string };
export type StepValuesData = { step: string; values: Record<string, unknown>; files: StepFile[] };

const FIELD_ORDER: Record<string, string[]> = {
  identity: ["fullName", "nik", "sex", "dateOfBirth"],
  selfie: [],
  ktp_photo: [],
  address: ["street", "city", "province", "postalCode"],
  occupation: ["occupation", "employer", "annualIncome"],
  bank_account: ["bankCode", "accountNumber", "holderName"],
};

/** A saved step's values as a definition list, in the reader's language. */
export function StepValues({ data }: { data: StepValuesData }) {
  const t = useTranslations("kyc");
  const tw = useTranslations("wallet");
  const locale = useLocale() as "en" | "id";
  const fields = FIELD_ORDER[data.step] ?? [];
  const label = (f: string) => (f === "bankCode" ? tw("bank") : f === "accountNumber" ? tw("accountNumber") : f === "holderName" ? tw("holderName") : t(f as never));
  const value = (f: string): string => {
    const v = data.values[f];
    if (v === undefined || v === null || v === "") return t("noValue");
    if (f === "sex") return t(`sexes.${String(v)}` as never);
    if (f === "occupation") return t(`occupations.${String(v)}` as never);
    if (f === "annualIncome") return formatRupiah(String(v), locale);
    if (f === "dateOfBirth" && /^\d{4}-\d{2}-\d{2}$/.test(String(v))) return formatDate(String(v), locale);
    if (f === "bankCode") return bankName(String(v));
    return String(v);
  };
  if (fields.length === 0 && data.files.length === 0) return <p className="text-sm text-slate-600">{t("noValue")}</p>;
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      {fields.map((f) => (
        <div key={f} className="contents">
          <dt className="font-medium text-slate-700">{label(f)}</dt>
          <dd className="break-words text-slate-900">{value(f)}</dd>
        </div>
      ))}
      {data.files.map((f) => (
        <div key={f.field} className="contents">
          <dt className="font-medium text-slate-700">{t(f.field as never)}</dt>
          <dd>
            <a className="text-brand-700 underline" href={f.url} target="_blank" rel="noreferrer">
              {t("viewFile", { name: t(f.field as never) })}
            </a>
          </dd>
        </div>
      ))}
    </dl>
  );
}
