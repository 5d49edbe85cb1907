"use client";

import type { ReactNode } from "react";
import { usePopover } from "./use-popover";

function initials(name: string): string {
  const words = (name.split("·")[0] ?? "").trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

/**
 * The account button in the top bar (the user's name) and the panel it opens: security, language and
 * sign-out, passed in as server-rendered children.
 */
export function AccountMenu({ name, label, signedInAs, children }: { name: string; label: string; signedInAs: string; children: ReactNode }) {
  const { open, toggle, id, buttonRef, panelRef } = usePopover();
  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={toggle}
        className="flex min-h-11 items-center gap-2 rounded-lg px-1.5 text-left hover:bg-slate-100"
      >
        <span className="sr-only">{label}: </span>
        <span aria-hidden className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-brand-100 text-xs font-bold text-brand-800">
          {initials(name)}
        </span>
        <span className="max-w-[5.5rem] truncate text-sm font-medium text-slate-800 sm:max-w-[12rem] lg:max-w-[16rem]">{name}</span>
        <svg aria-hidden className={`h-4 w-4 shrink-0 text-slate-500 transition-transform ${open ? "rotate-180" : ""}`} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="m6 9 6 6 6-6" />
        </svg>
      </button>
      <div
        ref={panelRef}
        id={id}
        role="group"
        aria-label={label}
        hidden={!open}
        className="absolute right-0 top-full z-40 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-3 shadow-lg"
      >
        <p className="text-xs text-slate-600">{signedInAs}</p>
        <p className="mb-2 break-words text-sm font-semibold text-slate-900">{name}</p>
        <div className="flex flex-col gap-2 border-t border-slate-200 pt-2">{children}</div>
      </div>
    </div>
  );
}
