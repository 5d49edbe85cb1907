import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";
import { formatParams, type MessageParams } from "@/lib/money/params";

type Item = { id: bigint | string; name: string; occurredAt: Date; params?: MessageParams | null };

/**
 * The user's recent activity as sentences: `activity.details.<name>` with the event's figures when it
 * has them (typed params from lib/engagement/activity.ts, set by the list query), else `activity.names.<name>`. The list query only returns
 * events that have a sentence; an unknown name (a row from a newer release) reads as a generic line.
 */
export async function ActivityList({ items }: { items: Item[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("activity"), getFormat(), getLocale()]);
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const sentence = (e: Item) => {
    const params = e.params;
    if (params && t.has(`details.${e.name}`)) return t(`details.${e.name}`, formatParams(locale as "en" | "id", params));
    return t.has(`names.${e.name}`) ? t(`names.${e.name}`) : t("other");
  };
  return (
    <ul className="divide-y divide-slate-200">
      {items.map((e) => (
        <li key={String(e.id)} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-2 text-sm">
          <span className="min-w-0">{sentence(e)}</span>
          <time dateTime={e.occurredAt.toISOString()} className="shrink-0 text-slate-600">
            {format.dateTime(e.occurredAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}
