import type { ReactNode } from "react";

/**
 * A figure shown to a person (rupiah, grams, a percentage): one unbreakable word with tabular digits.
 * Format it as usual (`formatRupiah(…)`) and wrap the result: `<Amount>{formatRupiah(x, locale)}</Amount>`.
 * Works in server and client components (no hooks).
 */
export function Amount({ children, className = "", testId }: { children: ReactNode; className?: string; testId?: string }) {
  return (
    <span className={`amount ${className}`} data-testid={testId}>
      {children}
    </span>
  );
}
