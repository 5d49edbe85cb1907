import type { ReactNode } from "react";

/**
 * One column of a {@link DataTable}.
 * - `header` is the column heading on desktop and the label beside the value on a phone card.
 * - `numeric` right-aligns the column and keeps its figures whole, with tabular digits.
 * - `primary` makes the cell the card's title on a phone (shown first, without a label).
 * - `hideLabel` shows no label on a phone card (for actions, or a cell that labels itself such as a
 *   field); the heading stays for screen readers.
 * - `srOnlyHeader` keeps the heading for screen readers only (an actions column).
 */
export type Column<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  primary?: boolean;
  hideLabel?: boolean;
  srOnlyHeader?: boolean;
  /** The cell names its row (`<th scope="row">`), e.g. the day of a daily figures table. */
  rowHeader?: boolean;
  className?: string;
};

/**
 * A table of rows: a real `<table>` on desktop (padded columns, figures right-aligned) and, below
 * 640 px, the same table laid out as a stack of cards with a label beside each value, so nothing is
 * cut off or scrolls sideways. One DOM for both (no duplicated ids or fields), and table semantics
 * stay: a screen reader hears each value with its column heading, so the phone labels are hidden
 * from it. No hooks, so server and client components can use it.
 */
export function DataTable<T>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  rowClassName,
  testId,
}: {
  caption: string;
  captionVisible?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  rowClassName?: (row: T) => string | undefined;
  testId?: string;
}) {
  return (
    <div className="sm:overflow-x-auto" role="region" aria-label={caption} tabIndex={0} data-testid={testId}>
      <table className="w-full text-left text-sm max-sm:block">
        <caption className={captionVisible ? "mb-2 text-left font-semibold max-sm:block" : "sr-only"}>{caption}</caption>
        <thead className="max-sm:sr-only">
          <tr className="text-slate-600">
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={`px-3 py-2 align-bottom font-medium first:pl-0 last:pr-0 ${c.numeric ? "text-right" : ""} ${c.srOnlyHeader ? "" : "whitespace-nowrap"}`}
              >
                {c.srOnlyHeader ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="max-sm:block max-sm:space-y-3">
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              data-testid="data-row"
              className={`border-t border-slate-200 align-top max-sm:flex max-sm:flex-col max-sm:rounded-xl max-sm:border max-sm:border-slate-200 max-sm:px-3 max-sm:py-2 ${rowClassName?.(row) ?? ""}`}
            >
              {columns.map((c) => {
                const value = c.cell(row);
                const layout = c.primary
                  ? "max-sm:order-first max-sm:block max-sm:pb-1 max-sm:font-semibold"
                  : c.hideLabel
                    ? "max-sm:block max-sm:py-1"
                    : "max-sm:flex max-sm:items-baseline max-sm:justify-between max-sm:gap-3 max-sm:py-1";
                const Cell = c.rowHeader ? "th" : "td";
                return (
                  <Cell
                    key={c.key}
                    scope={c.rowHeader ? "row" : undefined}
                    className={`px-3 py-2 first:pl-0 last:pr-0 max-sm:px-0 ${c.numeric ? "amount text-right" : "text-left"} ${c.rowHeader ? "font-normal" : ""} ${layout} ${c.className ?? ""}`}
                  >
                    {c.primary || c.hideLabel ? (
                      value
                    ) : (
                      <>
                        <span aria-hidden="true" className="shrink-0 font-normal text-slate-600 sm:hidden" data-testid="data-label">
                          {c.header}
                        </span>
                        <span className="min-w-0 max-sm:text-right" data-testid="data-value">
                          {value}
                        </span>
                      </>
                    )}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
