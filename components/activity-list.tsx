import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/money/format-server";

type Item = { id: bigint | string; name: string; occurredAt: Date };

export async function ActivityList({ items }: { items: Item[] }) {
  const t = await getTranslations("activity");
  const format = await getFormat();
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {items.map((e) => (
        <li key={String(e.id)} className="flex items-center justify-between gap-3 py-2 text-sm">
          <span>{t.has(`names.${e.name}`) ? t(`names.${e.name}`) : e.name}</span>
          <time dateTime={e.occurredAt.toISOString()} className="text-slate-600">
            {format.dateTime(e.occurredAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}
