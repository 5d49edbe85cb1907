import type { ReactNode } from "react";

export function Card({ title, children, className = "" }: { title?: string; children: ReactNode; className?: string }) {
  const id = title ? `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}` : undefined;
  return (
    <section aria-labelledby={id} className={`min-w-0 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 ${className}`}>
      {title ? (
        <h2 id={id} className="mb-3 text-base font-semibold text-slate-900">
          {title}
        </h2>
      ) : null}
      {children}
    </section>
  );
}

/**
 * A labelled figure. A figure is never broken inside ("Rp 4.500.00 / 0"): the value wraps only at
 * spaces, with tabular digits, and its size follows the width of its own column (container query
 * units) so a long figure shrinks to fit a narrow phone column instead of breaking or overflowing.
 */
export function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="@container min-w-0">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-[length:clamp(0.875rem,11cqi,1.5rem)] leading-tight font-bold text-slate-900 tabular-nums">{value}</dd>
    </div>
  );
}
