import Link from "next/link";

export type Step = { key: string; label: string; done: boolean; href?: string };

/** Where the borrower is in a multi-step form: an ordered list with the current step marked. */
export function Stepper({ steps, current, label }: { steps: Step[]; current: string; label: string }) {
  const index = Math.max(0, steps.findIndex((s) => s.key === current));
  return (
    <nav aria-label={label}>
      <p className="mb-2 text-sm text-slate-700" aria-hidden>
        {index + 1} / {steps.length}
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={steps.length}
        aria-valuenow={steps.filter((s) => s.done).length}
        className="mb-3 h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-brand-700" style={{ width: `${(steps.filter((s) => s.done).length / steps.length) * 100}%` }} />
      </div>
      <ol className="flex flex-wrap gap-2 text-sm">
        {steps.map((s, i) => {
          const isCurrent = s.key === current;
          const body = (
            <>
              <span aria-hidden className={`grid h-6 w-6 place-items-center rounded-full text-xs font-bold ${s.done ? "bg-brand-700 text-white" : isCurrent ? "bg-accent-400 text-slate-900" : "bg-slate-200 text-slate-700"}`}>
                {s.done ? "✓" : i + 1}
              </span>
              {s.label}
            </>
          );
          return (
            <li key={s.key} aria-current={isCurrent ? "step" : undefined} className={`flex items-center gap-1 rounded-full px-2 py-1 ${isCurrent ? "bg-amber-50 font-semibold ring-1 ring-amber-300" : ""}`}>
              {s.href && !isCurrent ? (
                <Link href={s.href} className="flex items-center gap-1 underline-offset-2 hover:underline">
                  {body}
                </Link>
              ) : (
                body
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
