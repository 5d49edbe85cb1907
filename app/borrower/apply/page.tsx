import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicationStepForm, type ProductOption } from "@/components/loans/application-step-form";
import { DocumentsStep } from "@/components/loans/documents-step";
import { Stepper } from "@/components/loans/stepper";
import { LoanEstimate } from "@/components/loans/loan-estimate";
import { SubmitApplication, type ReviewSection } from "@/components/loans/submit-application";
import { Card } from "@/components/ui/card";
import { getRequestCtx } from "@/lib/auth/session";
import { getMyDraftApplication, listLoanProducts } from "@/lib/loans/application-queries";
import { APPLICATION_STEPS, DOCUMENT_KINDS, type ApplicationStep } from "@/lib/loans/schemas";
import { sectorName, tenorText } from "@/lib/loans/words";
import { formatRupiah } from "@/lib/money/format";
import { saveApplicationStepAction, submitApplicationAction, uploadApplicationDocumentAction } from "../loan-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apply");
  return { title: t("title") };
}

type StepKey = ApplicationStep | "review";
const ORDER: StepKey[] = [...APPLICATION_STEPS, "review"];

function str(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

/** The multi-step application: each step saves a draft; the page resumes at the first unfinished step. */
export default async function ApplyPage({ searchParams }: { searchParams: Promise<{ step?: string }> }) {
  const { step: asked } = await searchParams;
  const ctx = await getRequestCtx();
  const [t, ts, words, locale, draft, products] = await Promise.all([
    getTranslations("apply"),
    getTranslations("sectors"),
    getTranslations("words"),
    getLocale(),
    getMyDraftApplication({ ctx }),
    listLoanProducts({ ctx }),
  ]);
  const loc = locale as "en" | "id";
  const done = new Set(draft?.completedSteps ?? []);
  const firstOpen = ORDER.find((s) => s === "review" || !done.has(s)) ?? "review";
  // A step can be revisited once every step before it is done.
  const reachable = (s: StepKey) => ORDER.slice(0, ORDER.indexOf(s)).every((p) => p === "review" || done.has(p));
  const current: StepKey = asked && ORDER.includes(asked as StepKey) && reachable(asked as StepKey) ? (asked as StepKey) : firstOpen;
  const next = ORDER[ORDER.indexOf(current) + 1] ?? "review";
  const steps = ORDER.map((s) => ({ key: s, label: t(`steps.${s}`), done: s !== "review" && done.has(s), href: reachable(s) ? `/borrower/apply?step=${s}` : undefined }));
  const productOptions: ProductOption[] = products.map((p) => ({
    id: p.id,
    name: p.name,
    minAmount: formatRupiah(p.minAmount, loc),
    maxAmount: formatRupiah(p.maxAmount, loc),
    minTenor: p.minTenor,
    maxTenor: p.maxTenor,
    tenorUnit: p.tenorUnit,
    pricing: {
      method: p.method,
      tenorUnit: p.tenorUnit,
      minTenor: p.minTenor,
      maxTenor: p.maxTenor,
      minAmount: p.minAmount.toString(),
      maxAmount: p.maxAmount.toString(),
      platformFeeBps: p.platformFeeBps,
      rateBands: p.rateBands,
    },
  }));
  const business = (draft?.business ?? {}) as Record<string, unknown>;
  const financials = (draft?.financials ?? {}) as Record<string, unknown>;
  const initial: Record<string, Record<string, string>> = {
    business: Object.fromEntries(["legalName", "nib", "npwp", "sector", "city", "yearsOperating", "employees"].map((k) => [k, str(business[k])])),
    financials: Object.fromEntries(["monthlyRevenue", "monthlyExpenses", "existingLoans", "otherPlatforms"].map((k) => [k, str(financials[k])])),
    loan: { productId: draft?.product?.id ?? "", amount: str(draft?.amount), tenor: str(draft?.tenor), purpose: draft?.purpose ?? "" },
  };
  const rp = (v: unknown) => (v === null || v === undefined || v === "" ? "" : formatRupiah(String(v), loc));
  const edit = (s: StepKey) => `/borrower/apply?step=${s}`;
  const reviewProduct = productOptions.find((p) => p.id === draft?.product?.id);
  // Everything the submit sends, as the borrower entered it; documents by kind with their file names.
  const reviewSections = (): ReviewSection[] => [
    {
      key: "business",
      title: t("steps.business"),
      editHref: edit("business"),
      rows: [
        [t("fields.legalName"), str(business.legalName)],
        [t("fields.nib"), str(business.nib)],
        [t("fields.npwp"), str(business.npwp)],
        [t("fields.sector"), business.sector ? sectorName(ts, str(business.sector)) : ""],
        [t("fields.city"), str(business.city)],
        [t("fields.yearsOperating"), str(business.yearsOperating)],
        [t("fields.employees"), str(business.employees)],
      ],
    },
    {
      key: "financials",
      title: t("steps.financials"),
      editHref: edit("financials"),
      rows: [
        [t("fields.monthlyRevenue"), rp(financials.monthlyRevenue)],
        [t("fields.monthlyExpenses"), rp(financials.monthlyExpenses)],
        [t("fields.existingLoans"), rp(financials.existingLoans)],
        [t("fields.otherPlatforms"), str(financials.otherPlatforms)],
      ],
    },
    {
      key: "loan",
      title: t("steps.loan"),
      editHref: edit("loan"),
      rows: [
        [t("fields.productId"), draft?.product?.name ?? ""],
        [t("fields.amount"), draft?.amount ? formatRupiah(draft.amount, loc) : ""],
        [t("fields.tenor"), draft?.tenor && draft.product ? tenorText(words, Number(draft.tenor), draft.product.tenorUnit) : ""],
        [t("fields.purpose"), draft?.purpose ?? ""],
      ],
    },
    {
      key: "documents",
      title: t("reviewAll.documents"),
      editHref: edit("documents"),
      rows: DOCUMENT_KINDS.map((kind): [string, string] => {
        const files = (draft?.documents ?? []).filter((d) => d.kind === kind).map((d) => d.fileName);
        return [t(`documents.${kind}`), files.length ? files.join(", ") : t("reviewAll.noDocument")];
      }),
    },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Stepper steps={steps} current={current} label={t("progress")} />
      {draft ? <p className="text-sm text-slate-700">{t("draftSaved")}</p> : null}
      <Card title={t(`steps.${current}`)}>
        {current === "business" || current === "financials" || current === "loan" ? (
          <ApplicationStepForm
            key={current}
            step={current}
            applicationId={draft?.id}
            initial={initial[current]!}
            products={productOptions}
            nextHref={`/borrower/apply?step=${next}`}
            action={saveApplicationStepAction}
          />
        ) : current === "documents" && draft ? (
          <DocumentsStep
            applicationId={draft.id}
            documents={draft.documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName }))}
            upload={uploadApplicationDocumentAction}
            complete={saveApplicationStepAction}
            nextHref="/borrower/apply?step=review"
          />
        ) : draft ? (
          <SubmitApplication
            applicationId={draft.id}
            ready={APPLICATION_STEPS.every((s) => done.has(s))}
            sections={reviewSections()}
            extra={
              reviewProduct ? (
                <LoanEstimate amount={str(draft.amount)} tenor={str(draft.tenor)} pricing={reviewProduct.pricing} />
              ) : null
            }
            action={submitApplicationAction}
          />
        ) : null}
      </Card>
    </div>
  );
}
