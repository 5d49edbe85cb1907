import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

export const control =
  "block w-full min-h-11 rounded-lg border bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-700";

type FieldProps = { id: string; label: string; error?: string; hint?: ReactNode };

/**
 * The ids a control is described by: its error, or else its hint. While an error shows, it takes the
 * hint's place, so the two never say the same thing twice ("At least Rp10.000." above "The amount
 * must be at least Rp10.000.").
 */
export function describedBy({ id, error, hint }: FieldProps): string | undefined {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

/** What every field shares: the visible label, then the control, and its hint or its announced error. */
export function FieldFrame({ id, label, error, hint: givenHint, className, children }: FieldProps & { className: string; children: ReactNode }) {
  const hint = error ? undefined : givenHint;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input: the label is always visible, the error is announced and tied to the input. */
export const TextField = forwardRef<HTMLInputElement, FieldProps & InputHTMLAttributes<HTMLInputElement>>(
  function TextField({ id, label, error, hint, className = "", ...props }, ref) {
    return (
      <FieldFrame id={id} label={label} error={error} hint={hint} className={className}>
        <input ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy({ id, label, error, hint })} className={`${control} border-slate-400`} {...props} />
      </FieldFrame>
    );
  },
);

export const SelectField = forwardRef<
  HTMLSelectElement,
  FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }
>(function SelectField({ id, label, error, hint, options, className = "", ...props }, ref) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} className={className}>
      <select
        ref={ref}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={`${control} border-slate-400`}
        {...props}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
});

/** A labelled multi-line input, like TextField. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>>(
  function TextAreaField({ id, label, error, hint, className = "", rows = 3, ...props }, ref) {
    return (
      <FieldFrame id={id} label={label} error={error} hint={hint} className={className}>
        <textarea
          ref={ref}
          id={id}
          rows={rows}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy({ id, label, error, hint })}
          className={`${control} border-slate-400`}
          {...props}
        />
      </FieldFrame>
    );
  },
);

export function FormError({ message, items }: { message?: string | null; items?: string[] }) {
  if (!message) return null;
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
      {items?.length ? (
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
