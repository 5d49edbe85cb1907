import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { LoanStatusBadge } from "@/components/loans/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { getRequestCtx } from "@/lib/auth/session";
import { listLoanProducts, listReviewQueue } from "@/lib/loans/application-queries";
import { formatRupiah } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminLoans");
  return { title: t("queueTitle") };
}

const STATUSES = ["in_review", "needs_info", "approved", "rejected", "declined"] as const;
type Params = { status?: string; productId?: string; grade?: string; minAgeDays?: string; page?: string };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Params> }) {
  const sp = await searchParams;
  const ctx = await getRequestCtx();
  const query = {
    status: STATUSES.includes(sp.status as never) ? sp.status : undefined,
    productId: sp.productId || undefined,
    grade: ["A", "B", "C", "D", "E"].includes(sp.grade ?? "") ? sp.grade : undefined,
    minAgeDays: sp.minAgeDays || undefined,
    page: sp.page ?? 1,
  };
  const [t, tl, tw, tt, format, locale, queue, products] = await Promise.all([
    getTranslations("adminLoans"),
    getTranslations("loans"),
    getTranslations("wallet"),
    getTranslations("table"),
    getFormat(),
    getLocale(),
    listReviewQueue({ ctx, input: query }),
    listLoanProducts({ ctx, input: { includeInactive: true } }),
  ]);
  const loc = locale as "en" | "id";
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  const select = "block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("queueTitle")}</h1>
      <form method="get" aria-label={t("filters")} className="grid gap-3 sm:grid-cols-5 sm:items-end">
        <div className="space-y-1">
          <label htmlFor="f-status" className="block text-sm font-medium">{t("status")}</label>
          <select id="f-status" name="status" defaultValue={query.status ?? ""} className={select}>
            <option value="">{t("any")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>{tl(`status.${s}`)}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-product" className="block text-sm font-medium">{t("product")}</label>
          <select id="f-product" name="productId" defaultValue={query.productId ?? ""} className={select}>
            <option value="">{t("any")}</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-grade" className="block text-sm font-medium">{t("grade")}</label>
          <select id="f-grade" name="grade" defaultValue={query.grade ?? ""} className={select}>
            <option value="">{t("any")}</option>
            {["A", "B", "C", "D", "E"].map((g) => (
              <option key={g} value={g}>{g}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-age" className="block text-sm font-medium">{t("minAge")}</label>
          <input id="f-age" name="minAgeDays" type="number" min={0} defaultValue={query.minAgeDays} className={select} />
        </div>
        <button type="submit" className={buttonClass("secondary")}>{t("apply")}</button>
      </form>
      <Card>
        {queue.items.length === 0 ? (
          <p className="text-sm text-slate-700">{t("empty")}</p>
        ) : (
          <DataTable
            caption={t("queueTitle")}
            testId="application-queue"
            rows={queue.items}
            rowKey={(a) => a.id}
            columns={[
              {
                key: "borrower",
                header: t("borrower"),
                primary: true,
                cell: (a) => (
                  <>
                    <span className="block font-semibold">{a.companyName ?? a.borrowerName}</span>
                    {a.companyName ? <span className="block font-normal text-slate-700">{a.borrowerName}</span> : null}
                  </>
                ),
              },
              { key: "product", header: t("product"), cell: (a) => a.productName },
              { key: "amount", header: t("amount"), numeric: true, cell: (a) => (a.amount ? formatRupiah(a.amount, loc) : "—") },
              { key: "grade", header: t("grade"), cell: (a) => a.subgrade ?? "—" },
              { key: "submitted", header: t("submittedAt"), className: "whitespace-nowrap", cell: (a) => (a.submittedAt ? format.dateTime(a.submittedAt) : "—") },
              { key: "status", header: t("status"), cell: (a) => <LoanStatusBadge status={a.status} /> },
              {
                key: "actions",
                header: tt("actions"),
                srOnlyHeader: true,
                hideLabel: true,
                cell: (a) => (
                  <Link href={`/admin/applications/${a.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline" aria-label={`${t("open")} ${a.companyName ?? a.borrowerName}`}>
                    {t("open")}
                  </Link>
                ),
              },
            ]}
          />
        )}
        <Pagination
          page={queue.page}
          hasNext={queue.page < pages}
          basePath="/admin/loans"
          params={{ status: query.status, productId: query.productId, grade: query.grade, minAgeDays: query.minAgeDays }}
          labels={{ previous: tw("previous"), next: tw("next"), page: tw("pageOf", { page: queue.page, pages }), nav: t("queueTitle") }}
        />
      </Card>
    </div>
  );
}
