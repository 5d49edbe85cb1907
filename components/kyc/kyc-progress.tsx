"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export type ProgressStep = { step: string; status: "pending" | "completed" | "approved" | "rejected" };

const tone = { pending: "neutral", completed: "info", approved: "success", rejected: "danger" } as const;

/**
 * Where the user is: "Step i of n", a progressbar of saved steps and the ordered list of steps
 * (aria-current on the one shown). Steps that can be opened are buttons.
 */
export function KycProgress({
  steps,
  active,
  completed,
  canOpen,
  onOpen,
}: {
  steps: ProgressStep[];
  active: string | null;
  completed: number;
  canOpen?: (step: string) => boolean;
  onOpen?: (step: string) => void;
}) {
  const t = useTranslations("kyc");
  const all = [...steps.map((s) => s.step), "review"];
  const index = active ? all.indexOf(active) : -1;
  const saved = steps.length;
  return (
    <nav aria-label={t("progressLabel")} className="space-y-3">
      {index >= 0 ? (
        <p className="text-sm font-semibold text-slate-800">{t("stepOf", { current: index + 1, total: all.length, name: t(`steps.${active}` as never) })}</p>
      ) : null}
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={saved}
        aria-valuenow={completed}
        aria-valuetext={t("progressValue", { completed, total: saved })}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-brand-700" style={{ width: `${Math.round((completed / saved) * 100)}%` }} />
      </div>
      <ol className="grid gap-1 sm:grid-cols-2 lg:grid-cols-4">
        {all.map((step, i) => {
          const status = steps.find((s) => s.step === step)?.status;
          const current = step === active;
          const label = (
            <>
              <span className="font-medium">
                {i + 1}. {t(`steps.${step}` as never)}
              </span>
              {status ? <Badge tone={tone[status]}>{t(`stepStatus.${status}` as never)}</Badge> : null}
            </>
          );
          const cls = `flex min-h-11 w-full items-center justify-between gap-2 rounded-lg px-3 py-2 text-left text-sm ${
            current ? "bg-brand-50 ring-2 ring-brand-700" : "bg-white ring-1 ring-slate-200"
          }`;
          return (
            <li key={step} aria-current={current ? "step" : undefined}>
              {onOpen && canOpen?.(step) && !current ? (
                <button type="button" className={`${cls} hover:bg-slate-50`} onClick={() => onOpen(step)} aria-label={t("goToStep", { step: t(`steps.${step}` as never) })}>
                  {label}
                </button>
              ) : (
                <div className={cls}>{label}</div>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
