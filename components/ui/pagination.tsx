import Link from "next/link";

/** Previous/next links that keep the other query parameters. */
export function Pagination({
  page,
  hasNext,
  basePath,
  params,
  labels,
}: {
  page: number;
  hasNext: boolean;
  basePath: string;
  params: Record<string, string | undefined>;
  labels: { previous: string; next: string; page: string; nav: string };
}) {
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set("page", String(p));
    return `${basePath}?${q.toString()}`;
  };
  const link = "inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100";
  return (
    <nav aria-label={labels.nav} className="flex items-center justify-between gap-2 pt-3">
      {page > 1 ? (
        <Link className={link} href={href(page - 1)} rel="prev">
          {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">{labels.page}</span>
      {hasNext ? (
        <Link className={link} href={href(page + 1)} rel="next">
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
