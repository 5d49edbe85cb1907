"use client";

import { useState, type ReactNode } from "react";
import { control, FieldFrame } from "@/components/ui/field";

/** A small labelled control for the rule builder: label above, control, optional hint (the form's FieldFrame). */
export function Labelled({ id, label, hint, children, className = "" }: { id: string; label: string; hint?: string; children: ReactNode; className?: string }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} className={`min-w-0 ${className}`}>
      {children}
    </FieldFrame>
  );
}

const cls = `${control} border-slate-400`;

export function Select({
  id,
  label,
  value,
  onChange,
  options,
  groups,
  placeholder,
  invalid,
  className,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options?: { value: string; label: string }[];
  groups?: { label: string; options: { value: string; label: string }[] }[];
  placeholder?: string;
  invalid?: boolean;
  className?: string;
}) {
  return (
    <Labelled id={id} label={label} className={className}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} className={cls}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Labelled>
  );
}

/**
 * A typed value kept as the admin types it: the text stays in the field while the parsed value (or
 * undefined while it cannot be one, e.g. "1." or "") goes to the rule.
 */
export function ParsedInput<T>({
  id,
  label,
  value,
  onValue,
  parse,
  format,
  hint,
  invalid,
  inputMode = "numeric",
  className,
}: {
  id: string;
  label: string;
  value: T | undefined;
  onValue: (v: T | undefined) => void;
  parse: (text: string) => T | undefined;
  format: (v: T | undefined) => string;
  hint?: string;
  invalid?: boolean;
  inputMode?: "numeric" | "decimal" | "text";
  className?: string;
}) {
  const [text, setText] = useState(() => format(value));
  return (
    <Labelled id={id} label={label} hint={hint} className={className}>
      <input
        id={id}
        value={text}
        inputMode={inputMode}
        aria-invalid={invalid || undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onValue(parse(e.target.value));
        }}
        className={cls}
      />
    </Labelled>
  );
}

export function TextInput({ id, label, value, onChange, hint, invalid, type = "text", className }: { id: string; label: string; value: string; onChange: (v: string) => void; hint?: string; invalid?: boolean; type?: "text" | "date"; className?: string }) {
  return (
    <Labelled id={id} label={label} hint={hint} className={className}>
      <input id={id} type={type} value={value} aria-invalid={invalid || undefined} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value)} className={cls} />
    </Labelled>
  );
}

export function Checkboxes({ legend, values, selected, onChange, labelOf, idBase }: { legend: string; values: readonly string[]; selected: readonly string[]; onChange: (v: string[]) => void; labelOf: (v: string) => string; idBase: string }) {
  return (
    <fieldset className="min-w-0 space-y-1">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {values.map((v) => (
          <label key={v} htmlFor={`${idBase}-${v}`} className="flex min-h-11 items-center gap-2 text-sm">
            <input
              id={`${idBase}-${v}`}
              type="checkbox"
              className="size-5"
              checked={selected.includes(v)}
              onChange={(e) => onChange(e.target.checked ? [...selected, v] : selected.filter((s) => s !== v))}
            />
            {labelOf(v)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
