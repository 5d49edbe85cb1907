export function LoadingBlock({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-10 text-slate-700">
      <span aria-hidden className="h-5 w-5 animate-spin rounded-full border-2 border-brand-700 border-t-transparent" />
      <span>{label}</span>
    </div>
  );
}
