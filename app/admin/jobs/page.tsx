import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
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
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr>
                  <th scope="col">{t("name")}</th>
                  <th scope="col">{t("state")}</th>
                  <th scope="col">{t("retries")}</th>
                  <th scope="col">{t("created")}</th>
                  <th scope="col">{t("error")}</th>
                  <th scope="col"><span className="sr-only">{t("actions")}</span></th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((j) => (
                  <tr key={j.id} className="border-t border-slate-200 align-top">
                    <td className="py-2 font-mono">{j.name}</td>
                    <td className="py-2">{j.state}</td>
                    <td className="py-2">{j.retryCount}/{j.retryLimit}</td>
                    <td className="py-2">{format.dateTime(j.createdOn, { seconds: true })}</td>
                    <td className="max-w-xs truncate py-2 font-mono text-xs">{JSON.stringify(j.output ?? "")}</td>
                    <td className="py-2">
                      {j.state === "failed" ? (
                        <form action={retryJobAction}>
                          <input type="hidden" name="name" value={j.name} />
                          <input type="hidden" name="id" value={j.id} />
                          <Button type="submit" variant="secondary" aria-label={t("retryJob", { name: j.name })}>
                            {t("retry")}
                          </Button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
