"use client";

import { useTranslations } from "next-intl";
import { forwardRef, useState, type InputHTMLAttributes, type ReactNode } from "react";
import { control, describedBy, FieldFrame } from "./field";

type Props = { id: string; label: string; error?: string; hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">;

/**
 * A password input with a "Show password" toggle (a button with aria-pressed, named by its text for
 * screen readers rather than aria-label, so `getByLabel("Password")` still finds only the input).
 */
export const PasswordField = forwardRef<HTMLInputElement, Props>(function PasswordField({ id, label, error, hint, className = "", ...props }, ref) {
  const t = useTranslations("security");
  const [shown, setShown] = useState(false);
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} className={className}>
      <div className="relative">
        <input
          ref={ref}
          id={id}
          type={shown ? "text" : "password"}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy({ id, label, error, hint })}
          className={`${control} border-slate-400 pr-12`}
          {...props}
        />
        <button
          type="button"
          aria-pressed={shown}
          aria-controls={id}
          onClick={() => setShown((s) => !s)}
          className="absolute inset-y-0 right-0 flex min-h-11 w-11 items-center justify-center rounded-r-lg text-slate-700 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-700"
        >
          <span className="sr-only">{t("showPassword")}</span>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12Z" />
            <circle cx="12" cy="12" r="3" />
            {shown ? null : <path d="M3 3l18 18" />}
          </svg>
        </button>
      </div>
    </FieldFrame>
  );
});
