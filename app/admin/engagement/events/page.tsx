import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { getRequestCtx } from "@/lib/auth/session";
import { getEventCatalogue, type CatalogueEntry } from "@/lib/engagement/event-catalogue";
import { getFormat } from "@/lib/money/format-server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("eventCatalogue");
  return { title: t("title") };
}

/**
 * Admin reference: every event of the catalogue (lib/engagement/event-names.ts) with its typed properties
 * and how many were recorded in the last 24 hours. Event and property names are shown as code: this is
 * the reference for whoever builds segments and templates on them.
 */
export default async function EventCataloguePage() {
  const ctx = await getRequestCtx();
  const [t, format, { entries, unknown }] = await Promise.all([getTranslations("eventCatalogue"), getFormat(), getEventCatalogue({ ctx })]);
  const server = entries.filter((e) => e.side === "server");
  const client = entries.filter((e) => e.side === "client");

  const columns: Column<CatalogueEntry>[] = [
    { key: "name", header: t("name"), primary: true, className: "font-mono break-all", cell: (e) => <code>{e.name}</code> },
    {
      key: "properties",
      header: t("properties"),
      hideLabel: true,
      className: "sm:min-w-80",
      cell: (e) =>
        e.properties.length === 0 ? (
          <span className="text-slate-600">{t("noProperties")}</span>
        ) : (
          <ul className="space-y-1" aria-label={t("properties")}>
            {e.properties.map((p) => {
              const kind = t(`kinds.${p.kind}`);
              return (
                <li key={p.key} className="break-words">
                  <code className="font-mono break-all text-slate-900">{p.key}</code>{" "}
                  <span className="text-slate-700">{p.list ? t("listOf", { kind }) : kind}</span>
                  {p.optional ? <span className="text-slate-600"> · {t("optional")}</span> : null}
                  {p.values ? (
                    <span className="block text-xs text-slate-600">
                      <span className="sr-only">{t("values")}: </span>
                      {p.values.map((v, i) => (
                        <span key={v}>
                          {i > 0 ? " | " : null}
                          <code className="font-mono break-all">{v}</code>
                        </span>
                      ))}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ),
    },
    { key: "lastDay", header: t("lastDay"), numeric: true, cell: (e) => format.number(e.lastDay) },
  ];

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
        <p className="text-sm text-slate-700">
          {t("summary", { total: format.number(entries.length), server: format.number(server.length), client: format.number(client.length) })}
        </p>
      </div>
      <Card title={t("serverTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("serverIntro")}</p>
        <DataTable caption={t("serverTitle")} rows={server} rowKey={(e) => e.name} columns={columns} testId="server-events" />
      </Card>
      <Card title={t("clientTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("clientIntro")}</p>
        <DataTable caption={t("clientTitle")} rows={client} rowKey={(e) => e.name} columns={columns} testId="client-events" />
      </Card>
      {unknown.length > 0 ? (
        <Card title={t("unknownTitle")}>
          <p className="mb-3 text-sm text-slate-600">{t("unknownIntro")}</p>
          <DataTable
            caption={t("unknownTitle")}
            rows={unknown}
            rowKey={(e) => e.name}
            columns={[
              { key: "name", header: t("name"), primary: true, className: "font-mono break-all", cell: (e) => <code>{e.name}</code> },
              { key: "lastDay", header: t("lastDay"), numeric: true, cell: (e) => format.number(e.lastDay) },
            ]}
          />
        </Card>
      ) : null}
    </div>
  );
}
