import { useTranslations } from "next-intl";
import { formatPercent, formatRupiah, type DisplayLocale } from "@/lib/money/format";

type Rules = {
  productCodes: string[];
  subgrades: string[];
  minTenorMonths: number | null;
  maxTenorMonths: number | null;
  minRateBps: number | null;
  sectors: string[];
  methods: string[];
  amountPerLoan: bigint;
  budget: bigint;
  maxPerBorrower: bigint | null;
  cashReserve: bigint;
  reinvest: boolean;
};

/** A strategy's rules in words ("Any" where a rule is left open). */
export function RulesSummary({ strategy: s, products, locale }: { strategy: Rules; products: { code: string; name: string }[]; locale: DisplayLocale }) {
  const t = useTranslations("autoPurchase.detail");
  const ts = useTranslations("sectors");
  const tl = useTranslations("loans");
  const any = t("any");
  const list = (xs: string[], name: (x: string) => string) => (xs.length ? xs.map(name).join(", ") : any);
  const tenor =
    s.minTenorMonths !== null && s.maxTenorMonths !== null
      ? t("tenorRange", { min: s.minTenorMonths, max: s.maxTenorMonths })
      : s.minTenorMonths !== null
        ? t("tenorFrom", { min: s.minTenorMonths })
        : s.maxTenorMonths !== null
          ? t("tenorTo", { max: s.maxTenorMonths })
          : any;
  const rows: [string, string][] = [
    [t("products"), list(s.productCodes, (c) => products.find((p) => p.code === c)?.name ?? c)],
    [t("subgrades"), list(s.subgrades, (g) => g)],
    [t("tenor"), tenor],
    [t("minRate"), s.minRateBps === null ? any : t("ratePercent", { rate: formatPercent(s.minRateBps, locale, { minFraction: 0, sign: false }) })],
    [t("sectors"), list(s.sectors, (x) => (ts.has(x) ? ts(x) : x))],
    [t("methods"), list(s.methods, (m) => (tl.has(`methods.${m}`) ? tl(`methods.${m}`) : m))],
    [t("amountPerLoan"), formatRupiah(s.amountPerLoan, locale)],
    [t("budget"), formatRupiah(s.budget, locale)],
    [t("maxPerBorrower"), s.maxPerBorrower === null ? any : formatRupiah(s.maxPerBorrower, locale)],
    [t("cashReserve"), formatRupiah(s.cashReserve, locale)],
    [t("reinvest"), s.reinvest ? t("yes") : t("no")],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {rows.map(([k, v]) => (
        <div key={k} className="min-w-0">
          <dt className="text-slate-600">{k}</dt>
          <dd className="font-medium break-words text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
