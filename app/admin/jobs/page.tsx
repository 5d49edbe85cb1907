import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getRequestCtx } from "@/lib/auth/session";
import { listTroubledJobs } from "@/lib/jobs/admin";
import { retryJobAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobs");
  return { title: t("title") };
}

export default async function JobsPage() {
  const ctx = await getRequestCtx();
  const [t, format, { jobs, counts }] = await Promise.all([getTranslations("jobs"), getFormat(), listTroubledJobs({ ctx })]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card title={t("byState")}>
        {counts.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <ul className="flex flex-wrap gap-3 text-sm">
            {counts.map((c) => (
              <li key={c.state} className="rounded-full bg-slate-100 px-3 py-1">
                {c.state}: <strong>{c.total}</strong>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("troubled")}>
        {jobs.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noFailures")}</p>
        ) : (
          <DataTable
            caption={t("troubled")}
            rows={jobs}
            rowKey={(j) => j.id}
            columns={[
              { key: "name", header: t("name"), primary: true, className: "font-mono break-all", cell: (j) => j.name },
              { key: "state", header: t("state"), cell: (j) => j.state },
              { key: "retries", header: t("retries"), numeric: true, cell: (j) => `${j.retryCount}/${j.retryLimit}` },
              { key: "created", header: t("created"), className: "whitespace-nowrap", cell: (j) => format.dateTime(j.createdOn, { seconds: true }) },
              { key: "error", header: t("error"), className: "font-mono text-xs sm:max-w-xs sm:truncate max-sm:break-all", cell: (j) => JSON.stringify(j.output ?? "") },
              {
                key: "actions",
                header: t("actions"),
                srOnlyHeader: true,
                hideLabel: true,
                cell: (j) =>
                  j.state === "failed" ? (
                    <form action={retryJobAction}>
                      <input type="hidden" name="name" value={j.name} />
                      <input type="hidden" name="id" value={j.id} />
                      <Button type="submit" variant="secondary" aria-label={t("retryJob", { name: j.name })}>
                        {t("retry")}
                      </Button>
                    </form>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
