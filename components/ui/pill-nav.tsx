import Link from "next/link";

/** A row of filter links (one per status), the current one marked for screen readers too. */
export function PillNav({ label, items, current }: { label: string; items: { key: string; href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2">
      {items.map((item) => (
        <Link
          key={item.key}
          href={item.href}
          aria-current={item.key === current ? "page" : undefined}
          className={`rounded-full px-3 py-2 text-sm font-medium ${item.key === current ? "bg-brand-700 text-white" : "bg-white ring-1 ring-slate-300"}`}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
