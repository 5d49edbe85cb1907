import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { getRequestCtx } from "@/lib/auth/session";
import { getUser360, listUserEvents } from "@/lib/engagement";
import { CLIENT_EVENT_NAMES, SERVER_EVENT_NAMES } from "@/lib/engagement/event-names";
import { isDomainError } from "@/lib/errors";
import { getFormat } from "@/lib/money/format-server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("user360");
  return { title: t("metaTitle") };
}

const EVENT_NAMES = [...SERVER_EVENT_NAMES, ...CLIENT_EVENT_NAMES].sort();

/** An event's properties on one line: `key: value · key: value`, long values cut. */
function compactProperties(properties: Record<string, unknown>): string {
  const parts = Object.entries(properties).map(([k, v]) => {
    const text = typeof v === "string" ? v : JSON.stringify(v);
    return `${k}: ${text && text.length > 60 ? `${text.slice(0, 57)}…` : text}`;
  });
  return parts.join(" · ");
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-sm font-medium break-words text-slate-900">{children}</dd>
    </div>
  );
}

export default async function User360Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string; name?: string }> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const ctx = await getRequestCtx();
  const name = sp.name && (EVENT_NAMES as readonly string[]).includes(sp.name) ? sp.name : undefined;
  const [view, timeline] = await Promise.all([
    getUser360({ ctx, input: { userId: id } }),
    listUserEvents({ ctx, input: { userId: id, page: sp.page ?? 1, name } }),
  ]).catch((e) => {
    if (isDomainError(e) && e.status === 404) notFound();
    throw e;
  });
  const [t, tr, ta, tw, format] = await Promise.all([getTranslations("user360"), getTranslations("rfm"), getTranslations("auth"), getTranslations("wallet"), getFormat()]);
  const p = view.profile;
  const none = t("none");
  const day = (d: string | null) => (d ? format.date(d) : none);
  const instant = (d: Date | null) => (d ? format.dateTime(d) : none);
  const list = (values: string[], ns: "personas" | "products") => (values.length === 0 ? none : values.map((v) => (t.has(`${ns}.${v}`) ? t(`${ns}.${v}`) : v)).join(", "));
  const pages = Math.max(1, Math.ceil(timeline.total / timeline.pageSize));
  const select = "block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3";

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold break-words">{t("title", { name: view.user.fullName })}</h1>
        <p className="text-sm break-all text-slate-700">
          {view.user.email} · {ta(`roles.${view.user.role}`)}
        </p>
        <p className="text-sm">
          <Link href={`/admin/users/${view.user.id}`} className="font-semibold text-brand-700 underline">
            {t("walletLink")}
          </Link>
        </p>
      </div>

      {p === null ? (
        <Card>
          <p className="text-sm">{t("noProfile")}</p>
        </Card>
      ) : (
        <>
          <Card title={t("propertiesTitle")}>
            <dl className="grid grid-cols-1 gap-3 min-[375px]:grid-cols-2 md:grid-cols-4">
              <Field label={t("fields.role")}>{ta(`roles.${p.role}`)}</Field>
              <Field label={t("fields.personas")}>{list(p.personas, "personas")}</Field>
              <Field label={t("fields.ageBand")}>{p.ageBand ?? none}</Field>
              <Field label={t("fields.city")}>{p.city ?? none}</Field>
              <Field label={t("fields.province")}>{p.province ?? none}</Field>
              <Field label={t("fields.device")}>{p.device ?? none}</Field>
              <Field label={t("fields.browser")}>{p.browser ?? none}</Field>
              <Field label={t("fields.language")}>{t.has(`languages.${p.language}`) ? t(`languages.${p.language}`) : p.language}</Field>
              <Field label={t("fields.acquisitionChannel")}>{p.acquisitionChannel ?? none}</Field>
              <Field label={t("fields.acquisitionCampaign")}>{p.acquisitionCampaign ?? none}</Field>
              <Field label={t("fields.signedUpAt")}>{format.date(p.signedUpAt)}</Field>
              <Field label={t("fields.kycStatus")}>{t.has(`kycStatus.${p.kycStatus}`) ? t(`kycStatus.${p.kycStatus}`) : p.kycStatus}</Field>
              <Field label={t("fields.kycStep")}>{p.kycStep ? (t.has(`kycStep.${p.kycStep}`) ? t(`kycStep.${p.kycStep}`) : p.kycStep) : none}</Field>
            </dl>
          </Card>

          <Card title={t("traitsTitle")}>
            <dl className="grid grid-cols-1 gap-3 min-[375px]:grid-cols-2 md:grid-cols-4">
              <Field label={t("fields.accountValue")}>{format.rupiah(p.accountValue)}</Field>
              <Field label={t("fields.cashBalance")}>{format.rupiah(p.cashBalance)}</Field>
              <Field label={t("fields.outstandingPrincipal")}>{format.rupiah(p.outstandingPrincipal)}</Field>
              <Field label={t("fields.goldHeld")}>{format.grams(p.goldHeld)}</Field>
              <Field label={t("fields.totalInvested")}>{format.rupiah(p.totalInvested)}</Field>
              <Field label={t("fields.idleCash")}>{format.rupiah(p.idleCash)}</Field>
              <Field label={t("fields.idleSince")}>{instant(p.idleSince)}</Field>
              <Field label={t("fields.lastActiveAt")}>{instant(p.lastActiveAt)}</Field>
              <Field label={t("fields.firstInvestmentAt")}>{instant(p.firstInvestmentAt)}</Field>
              <Field label={t("fields.lastInvestmentAt")}>{instant(p.lastInvestmentAt)}</Field>
              <Field label={t("fields.investmentsCount")}>{format.number(p.investmentsCount)}</Field>
              <Field label={t("fields.productsUsed")}>{list(p.productsUsed, "products")}</Field>
              <Field label={t("fields.autoPurchaseOn")}>{p.autoPurchaseOn ? t("yes") : t("no")}</Field>
              <Field label={t("fields.nextMaturityDate")}>{day(p.nextMaturityDate)}</Field>
              <Field label={t("fields.nextDueDate")}>{day(p.nextDueDate)}</Field>
              <Field label={t("fields.daysPastDue")}>{format.number(p.daysPastDue)}</Field>
            </dl>
            <p className="mt-3 text-xs text-slate-600">{t("refreshedAt", { at: format.dateTime(p.updatedAt) })}</p>
          </Card>

          <Card title={tr("title")}>
            {p.rfmSegment ? (
              <div className="space-y-4">
                <div className="flex flex-wrap items-center gap-3">
                  <Badge tone="info">{tr(`segments.${p.rfmSegment}`)}</Badge>
                  <span className="text-sm">{tr("scores", { r: p.rfmRecency ?? 0, f: p.rfmFrequency ?? 0, m: p.rfmMonetary ?? 0 })}</span>
                </div>
                {view.rfmTransitions.length > 0 ? (
                  <div>
                    <h3 className="mb-1 text-sm font-semibold">{tr("transitionsTitle")}</h3>
                    <ul className="space-y-1 text-sm">
                      {view.rfmTransitions.slice(0, 10).map((x) => (
                        <li key={x.on}>
                          {x.from
                            ? tr("transition", { day: format.date(x.on), from: tr(`segments.${x.from}`), to: tr(`segments.${x.to}`) })
                            : tr("firstScored", { day: format.date(x.on), to: tr(`segments.${x.to}`) })}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </div>
            ) : (
              <p className="text-sm">{tr("notScored")}</p>
            )}
            {view.rfmHistory.length > 0 ? (
              <div className="mt-4">
                <DataTable
                  caption={tr("historyTitle")}
                  captionVisible
                  rows={view.rfmHistory.slice(0, 14)}
                  rowKey={(h) => h.scoredOn}
                  columns={[
                    { key: "day", header: tr("day"), primary: true, cell: (h) => format.date(h.scoredOn) },
                    { key: "segment", header: tr("segment"), cell: (h) => tr(`segments.${h.segment}`) },
                    { key: "rfm", header: tr("rfm"), numeric: true, cell: (h) => `${h.r}-${h.f}-${h.m}` },
                    { key: "recency", header: tr("recencyDays"), numeric: true, cell: (h) => format.number(h.recencyDays) },
                    { key: "frequency", header: tr("frequency"), numeric: true, cell: (h) => format.number(h.frequency) },
                    { key: "monetary", header: tr("monetary"), numeric: true, cell: (h) => format.rupiah(h.monetary) },
                  ]}
                />
              </div>
            ) : null}
          </Card>
        </>
      )}

      <Card title={t("segmentsTitle")}>
        {view.segments.length === 0 ? (
          <p className="text-sm">{t("noSegments")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {view.segments.map((s) => (
              <li key={s.id} className="flex flex-wrap justify-between gap-2">
                <Link href={`/admin/engagement/segments/${s.id}`} className="font-semibold text-brand-700 underline">
                  {s.name}
                </Link>
                <span className="text-slate-700">{t("since", { at: format.dateTime(s.enteredAt) })}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t("eventsTitle")}>
        <form method="get" className="mb-3 flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 space-y-1 sm:max-w-xs">
            <label htmlFor="event-name" className="block text-sm font-medium">
              {t("eventName")}
            </label>
            <select id="event-name" name="name" defaultValue={name ?? ""} className={select}>
              <option value="">{t("allEvents")}</option>
              {EVENT_NAMES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("filter")}
          </button>
        </form>
        {timeline.items.length === 0 ? (
          <p className="text-sm">{t("noEvents")}</p>
        ) : (
          <DataTable
            caption={t("eventsTitle")}
            testId="user-events"
            rows={timeline.items}
            rowKey={(e) => e.id.toString()}
            columns={[
              { key: "at", header: t("eventAt"), className: "whitespace-nowrap", cell: (e) => format.dateTime(e.occurredAt, { seconds: true }) },
              { key: "name", header: t("eventName"), primary: true, className: "break-all", cell: (e) => e.name },
              { key: "properties", header: t("eventProperties"), className: "break-all text-xs text-slate-700", cell: (e) => compactProperties(e.properties) || none },
            ]}
          />
        )}
        <Pagination
          page={timeline.page}
          hasNext={timeline.page < pages}
          basePath={`/admin/users/${view.user.id}/profile`}
          params={{ name }}
          labels={{ previous: tw("previous"), next: tw("next"), page: tw("pageOf", { page: timeline.page, pages }), nav: t("eventsPagination") }}
        />
      </Card>
    </div>
  );
}
