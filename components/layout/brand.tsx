import Link from "next/link";

export function Brand({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 text-lg font-bold text-brand-800">
      <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-700 text-white">
        L
      </span>
      Lumbung
    </Link>
  );
}
