"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A native modal <dialog> (focus trap, Escape closes) named by its own heading, with an id of its
 * own so several dialogs on one page keep distinct accessible names. `keepMounted` keeps the body
 * rendered while closed; otherwise it mounts on open, so forms inside start fresh each time.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  keepMounted = false,
  widthClass = "w-[min(30rem,calc(100vw-1rem))]",
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  keepMounted?: boolean;
  widthClass?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={`m-auto ${widthClass} rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50`}
    >
      {open || keepMounted ? (
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
