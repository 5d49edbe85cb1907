"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { STRATEGY_SUBGRADES } from "@/lib/autopurchase/schemas";

const LETTERS = [...new Set(STRATEGY_SUBGRADES.map((g) => g[0]!))];

/**
 * A1–E5 as a grid grouped by letter, with a helper per letter that ticks (or, when all are ticked,
 * clears) the whole grade. Nothing ticked means any grade.
 */
export function SubgradePicker({
  selected,
  onChange,
  register,
  error,
}: {
  selected: string[];
  onChange: (next: string[]) => void;
  register: UseFormRegisterReturn;
  error?: string;
}) {
  const t = useTranslations("autoPurchase.form");
  return (
    <fieldset className="min-w-0 space-y-2" aria-describedby={`subgrades-hint${error ? " subgrades-error" : ""}`}>
      <legend className="text-sm font-medium text-slate-800">{t("subgrades")}</legend>
      <p id="subgrades-hint" className="text-xs text-slate-600">
        {t("subgradesHint")}
      </p>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {LETTERS.map((letter) => {
          const all: string[] = STRATEGY_SUBGRADES.filter((g) => g.startsWith(letter));
          const allOn = all.every((g) => selected.includes(g));
          return (
            <div key={letter} role="group" aria-label={t("gradeGroup", { letter })} className="min-w-0 rounded-lg border border-slate-200 p-2">
              <div className="flex flex-wrap gap-1">
                {all.map((g) => (
                  <label key={g} htmlFor={`subgrade-${g}`} className="flex min-h-11 items-center gap-1 rounded-md px-2 text-sm">
                    <input id={`subgrade-${g}`} type="checkbox" value={g} className="h-4 w-4" {...register} />
                    {g}
                  </label>
                ))}
              </div>
              <button
                type="button"
                aria-pressed={allOn}
                className="mt-1 min-h-11 rounded-md px-2 text-sm font-medium text-brand-700 underline"
                onClick={() => onChange(allOn ? selected.filter((g) => !all.includes(g)) : [...new Set([...selected, ...all])])}
              >
                {t("allOfGrade", { letter })}
              </button>
            </div>
          );
        })}
      </div>
      {error ? (
        <p id="subgrades-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
