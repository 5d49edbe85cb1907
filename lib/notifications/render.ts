/**
 * Renders a stored notification in a reader's language: pure (no request, no database), so the page,
 * and later email, push and SMS senders, all produce the same text from the same row. Typed params
 * (lib/money/params.ts) are formatted for the locale; plain strings pass through, which keeps
 * notifications stored before typed params (already formatted "Rp1.500.000") rendering as they were.
 */
// use-intl/core (what next-intl re-exports): React-free, so scripts under the react-server condition (bench, worker) can load it.
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import type { DisplayLocale } from "@/lib/money/format";
import { day, gold, formatParams } from "@/lib/money/params";

// A message whose params do not fit (an old row) renders as its kind, silently, instead of throwing.
const quiet = { timeZone: "Asia/Jakarta", onError: () => {}, getMessageFallback: ({ key }: { key: string }) => key } as const;
const translators = {
  en: createTranslator({ locale: "en", messages: en, namespace: "notifications.kinds", ...quiet }),
  id: createTranslator({ locale: "id", messages: id, namespace: "notifications.kinds", ...quiet }),
};

export type RenderableNotification = { kind: string; params?: Record<string, unknown> | null };

/**
 * Rows stored before typed params: their figures are kept as written ("Rp1.500.000" stays so), except
 * where the sentence changed around them — bar withdrawals carried whole grams ("2") next to a " g"
 * that the typed gold() value now brings itself — and due days ("2025-02-15"), which read better formatted.
 */
function upgradeLegacy(n: RenderableNotification): Record<string, unknown> {
  const params: Record<string, unknown> = { ...(n.params ?? {}) };
  if (n.kind.startsWith("gold_withdrawal_") && typeof params.grams === "string" && /^\d+$/.test(params.grams)) {
    params.grams = gold(BigInt(params.grams) * 10_000n);
  }
  if (typeof params.dueDate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(params.dueDate)) params.dueDate = day(params.dueDate);
  // A restructured loan was once named by its id; those rows now read "your loan", not a UUID.
  if (n.kind === "loan_restructured" && typeof params.loan !== "string") params.loan = "none";
  return params;
}

/** The notification's sentence; an unknown kind (or a row whose params no longer fit) falls back to the kind. */
export function renderNotification(locale: DisplayLocale, n: RenderableNotification): string {
  const t = translators[locale] as unknown as { has: (k: string) => boolean; (k: string, v?: Record<string, string | number>): string };
  if (!t.has(n.kind)) return n.kind;
  try {
    return t(n.kind, formatParams(locale, upgradeLegacy(n)));
  } catch {
    return n.kind;
  }
}
