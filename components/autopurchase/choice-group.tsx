"use client";

import type { UseFormRegisterReturn } from "react-hook-form";

/**
 * A fieldset of checkboxes sharing one form field (react-hook-form collects the ticked values into
 * an array). Every box has its own visible label; the legend names the group.
 */
export function ChoiceGroup({
  id,
  legend,
  hint,
  error,
  options,
  register,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string; hint?: string }[];
  register: UseFormRegisterReturn;
}) {
  return (
    <fieldset className="min-w-0 space-y-2" aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <label key={o.value} htmlFor={`${id}-${o.value}`} className="flex min-h-11 max-w-full items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
            <input id={`${id}-${o.value}`} type="checkbox" value={o.value} className="h-4 w-4 shrink-0" {...register} />
            <span className="min-w-0 break-words">
              {o.label}
              {o.hint ? <span className="block text-xs text-slate-600">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
