"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isActive, type NavItem } from "./area-nav";
import { NavIcon } from "./nav-icon";
import { usePopover } from "./use-popover";

/**
 * The phone's bottom tab bar (below 768 px): an area's main destinations and "More", a sheet with
 * every other one. Fixed to the bottom above the safe-area inset; the page keeps room for it.
 */
export function TabBar({
  label,
  tabs,
  more,
  moreLabel,
  moreTitle,
  closeLabel,
}: {
  label: string;
  tabs: NavItem[];
  more: NavItem[];
  moreLabel: string;
  moreTitle: string;
  closeLabel: string;
}) {
  const pathname = usePathname();
  const { open, toggle, close, id, buttonRef, panelRef } = usePopover();
  const inMore = more.some((item) => isActive(pathname, item.href));
  const tabClass = (active: boolean) =>
    `flex min-h-14 w-full flex-col items-center justify-center gap-0.5 px-0.5 text-[11px] font-medium leading-tight ${
      active ? "text-brand-700" : "text-slate-600"
    }`;
  return (
    <nav aria-label={label} className="md:hidden">
      {open ? <div aria-hidden className="fixed inset-0 z-40 bg-slate-900/30" /> : null}
      <div className="fixed inset-x-0 bottom-0 z-40 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] pl-[env(safe-area-inset-left)] pr-[env(safe-area-inset-right)]">
        <ul className="grid grid-cols-5">
          {tabs.map((item) => {
            const active = isActive(pathname, item.href);
            return (
              <li key={item.href} className="min-w-0">
                <Link href={item.href} aria-current={active ? "page" : undefined} className={tabClass(active)}>
                  {item.icon ? <NavIcon name={item.icon} /> : null}
                  <span className="max-w-full truncate">{item.label}</span>
                  <span aria-hidden className={`mt-0.5 h-0.5 w-6 rounded-full ${active ? "bg-brand-700" : "bg-transparent"}`} />
                </Link>
              </li>
            );
          })}
          <li className="min-w-0">
            <button ref={buttonRef} type="button" aria-expanded={open} aria-controls={id} onClick={toggle} className={tabClass(inMore || open)}>
              <NavIcon name="more" />
              <span className="max-w-full truncate">{moreLabel}</span>
              <span aria-hidden className={`mt-0.5 h-0.5 w-6 rounded-full ${inMore ? "bg-brand-700" : "bg-transparent"}`} />
            </button>
          </li>
        </ul>
        <div
          ref={panelRef}
          id={id}
          role="group"
          aria-label={moreTitle}
          hidden={!open}
          className="absolute inset-x-0 bottom-full max-h-[70vh] overflow-y-auto rounded-t-2xl border-t border-slate-200 bg-white px-4 pb-3 pt-2 shadow-[0_-8px_24px_rgba(15,23,42,0.15)]"
        >
          <div className="flex items-center justify-between">
            <p className="text-sm font-semibold text-slate-900">{moreTitle}</p>
            <button type="button" onClick={close} className="min-h-11 rounded-lg px-3 text-sm font-medium text-brand-700">
              {closeLabel}
            </button>
          </div>
          <ul className="grid grid-cols-1 gap-1">
            {more.map((item) => {
              const active = isActive(pathname, item.href);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    className={`flex min-h-12 items-center gap-3 rounded-lg px-3 text-sm font-medium ${active ? "bg-brand-50 text-brand-800" : "text-slate-800 hover:bg-slate-100"}`}
                  >
                    {item.icon ? <NavIcon name={item.icon} className="h-5 w-5 shrink-0" /> : null}
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </nav>
  );
}
