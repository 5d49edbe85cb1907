import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES, auditActionKey, listAuditAdmins, listAuditEntries, type AuditEntryView } from "@/lib/audit";
import { getRequestCtx } from "@/lib/auth/session";
import { isDomainError, type FieldErrors } from "@/lib/errors";
import { formatRupiah } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminAudit");
  return { title: t("title") };
}

type Search = { action?: string; subjectType?: string; subjectId?: string; adminId?: string; from?: string; to?: string; page?: string };
const FILTERS = ["action", "subjectType", "subjectId", "adminId", "from", "to"] as const;

/** Detail values that are rupiah amounts (decimal strings in the log), formatted in the reader's language. */
const RUPIAH_KEYS = new Set(["amount", "fee", "withdrawalFee", "autoApproveBelow", "principal", "platformFee", "outstandingPrincipal", "funded", "basePerGram", "usdIdrRate", "minAmount", "maxAmount", "minInvestment", "investmentStep"]);

function show(key: string, value: unknown, locale: "en" | "id"): string {
  if (value === null || value === undefined || value === "") return "—";
  if (RUPIAH_KEYS.has(key) && typeof value === "string" && /^-?\d+$/.test(value)) return formatRupiah(value, locale);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** before/after as "field: old → new", the rest as "key: value". */
function detailLines(details: Record<string, unknown>, locale: "en" | "id"): { key: string; text: string }[] {
  const { before, after, ...rest } = details as { before?: Record<string, unknown>; after?: Record<string, unknown> } & Record<string, unknown>;
  const lines: { key: string; text: string }[] = [];
  const changed = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  for (const k of changed) {
    const from = before && k in before ? show(k, before[k], locale) : null;
    const to = after && k in after ? show(k, after[k], locale) : null;
    lines.push({ key: k, text: from !== null && to !== null ? `${from} → ${to}` : (to ?? from ?? "—") });
  }
  for (const [k, v] of Object.entries(rest)) lines.push({ key: k, text: show(k, v, locale) });
  return lines;
}

function subjectHref(e: AuditEntryView): string | null {
  if (e.subjectType === "user") return `/admin/users/${e.subjectId}`;
  if (e.subjectType === "loan_application") return `/admin/applications/${e.subjectId}`;
  if (e.subjectType === "loan") return `/admin/loans/${e.subjectId}`;
  return null;
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const ctx = await getRequestCtx();
  const input = { ...Object.fromEntries(FILTERS.map((k) => [k, typeof sp[k] === "string" ? sp[k] : undefined])), page: sp.page ?? 1 };
  const [t, format, locale, admins] = await Promise.all([getTranslations("adminAudit"), getFormat(), getLocale(), listAuditAdmins({ ctx })]);
  const loc = locale as "en" | "id";
  let list: Awaited<ReturnType<typeof listAuditEntries>> | null = null;
  let fieldErrors: FieldErrors = {};
  try {
    list = await listAuditEntries({ ctx, input });
  } catch (e) {
    if (!isDomainError(e) || e.status !== 400) throw e;
    fieldErrors = e.fields ?? {};
  }
  const filtered = FILTERS.some((k) => sp[k]);
  const errorText = (field: string) => {
    const code = fieldErrors[field];
    if (!code) return undefined;
    return t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.invalid");
  };
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      <Card>
        <form method="get" action="/admin/audit">
          <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <legend className="mb-2 text-base font-semibold">{t("filters")}</legend>
            <SelectField
              id="audit-action"
              name="action"
              label={t("action")}
              defaultValue={sp.action ?? ""}
              error={errorText("action")}
              options={[{ value: "", label: t("anyAction") }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`actions.${auditActionKey(a)}`) }))]}
            />
            <SelectField
              id="audit-admin"
              name="adminId"
              label={t("admin")}
              defaultValue={sp.adminId ?? ""}
              error={errorText("adminId")}
              options={[{ value: "", label: t("anyAdmin") }, ...admins.map((a) => ({ value: a.id, label: `${a.fullName} (${a.email})` }))]}
            />
            <SelectField
              id="audit-subject-type"
              name="subjectType"
              label={t("subjectType")}
              defaultValue={sp.subjectType ?? ""}
              error={errorText("subjectType")}
              options={[{ value: "", label: t("anySubject") }, ...AUDIT_SUBJECT_TYPES.map((x) => ({ value: x, label: t(`subjects.${x}`) }))]}
            />
            <TextField id="audit-subject-id" name="subjectId" label={t("subjectId")} defaultValue={sp.subjectId} maxLength={100} error={errorText("subjectId")} />
            <TextField id="audit-from" name="from" type="date" label={t("from")} defaultValue={sp.from} error={errorText("from")} />
            <TextField id="audit-to" name="to" type="date" label={t("to")} defaultValue={sp.to} error={errorText("to")} />
          </fieldset>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="submit" className={buttonClass("primary")}>{t("apply")}</button>
            {filtered ? (
              <Link href="/admin/audit" className={buttonClass("secondary")}>{t("clear")}</Link>
            ) : null}
          </div>
        </form>
      </Card>
      <Card title={t("entries")}>
        {!list ? (
          <p role="alert" className="text-sm text-red-700">{t("invalidFilters")}</p>
        ) : list.items.length === 0 ? (
          <p className="text-sm text-slate-700">{filtered || list.page > 1 ? t("empty") : t("emptyAll")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={t("entries")}>
            {list.items.map((e) => {
              const href = subjectHref(e);
              const actionLabel = t.has(`actions.${auditActionKey(e.action)}`) ? t(`actions.${auditActionKey(e.action)}`) : e.action;
              const subjectLabel = t.has(`subjects.${e.subjectType}`) ? t(`subjects.${e.subjectType}`) : e.subjectType;
              const lines = detailLines(e.details, loc);
              return (
                <li key={e.id} className="grid gap-1 py-3 text-sm sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-4" data-testid="audit-entry">
                  <div className="text-slate-700">
                    <time dateTime={e.occurredAt.toISOString()}>{format.dateTime(e.occurredAt, { seconds: true })}</time>
                  </div>
                  <div className="min-w-0 space-y-1">
                    <p className="font-semibold text-slate-900">{actionLabel}</p>
                    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
                      <dt className="text-slate-600">{t("by")}</dt>
                      <dd className="break-words">{e.admin.fullName} ({e.admin.email})</dd>
                      <dt className="text-slate-600">{t("subject")}</dt>
                      <dd className="break-all">
                        {subjectLabel}:{" "}
                        {href ? (
                          <Link href={href} className="text-brand-700 underline">{e.subjectId}</Link>
                        ) : (
                          e.subjectId
                        )}
                      </dd>
                      {e.reason ? (
                        <>
                          <dt className="text-slate-600">{t("reason")}</dt>
                          <dd className="break-words">{e.reason}</dd>
                        </>
                      ) : null}
                    </dl>
                    {lines.length > 0 ? (
                      <details>
                        <summary className="cursor-pointer text-brand-700">{t("details")}</summary>
                        <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-slate-700">
                          {lines.map((l) => (
                            <div key={l.key} className="contents">
                              <dt className="font-mono text-xs leading-5">{l.key}</dt>
                              <dd className="break-all">{l.text}</dd>
                            </div>
                          ))}
                        </dl>
                      </details>
                    ) : null}
                    {e.ip ? <p className="text-xs text-slate-600">{t("from_ip", { ip: e.ip })}</p> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {list && (list.page > 1 || list.hasNext) ? (
          <Pagination
            page={list.page}
            hasNext={list.hasNext}
            basePath="/admin/audit"
            params={Object.fromEntries(FILTERS.map((k) => [k, sp[k]]))}
            labels={{ previous: t("previous"), next: t("next"), page: t("page", { page: list.page }), nav: t("pagination") }}
          />
        ) : null}
      </Card>
    </div>
  );
}
