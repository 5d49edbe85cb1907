"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavIconName } from "./nav-icon";

export type NavItem = { href: string; label: string; icon?: NavIconName };

/** The page is the item's page or (except for an area's home) one below it. */
export function isActive(pathname: string, href: string): boolean {
  return pathname === href || (href.split("/").length > 2 && pathname.startsWith(`${href}/`));
}

/** The desktop's top navigation (from 768 px; phones get the bottom tab bar instead). */
export function AreaNav({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mx-auto hidden max-w-6xl px-4 md:block">
      <ul className="flex flex-wrap gap-x-1">
        {items.map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                  active ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-brand-700"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
