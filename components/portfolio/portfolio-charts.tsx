"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "@/lib/money/use-format";

/**
 * Portfolio charts, fed by server-computed figures. Amounts arrive as whole-rupiah strings (exact, for
 * the tables) and are turned into numbers only to draw. Each chart is a named region with a table
 * alternative that screen readers and printouts get.
 */
export type ChartSeries = { label: string; amount: string; formatted: string }[];

type Labels = { title: string; description?: string; colKey: string; colAmount: string; showTable: string; empty: string };

function ChartRegion({ id, labels, data, children }: { id: string; labels: Labels; data: ChartSeries; children: React.ReactNode }) {
  return (
    <section role="region" aria-labelledby={`${id}-title`} className="space-y-2">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {labels.title}
      </h3>
      {labels.description ? <p className="text-xs text-slate-600">{labels.description}</p> : null}
      {data.length === 0 ? (
        <p className="text-sm text-slate-600">{labels.empty}</p>
      ) : (
        <>
          <div className="h-56 w-full" aria-hidden="true">
            {children}
          </div>
          <details>
            <summary className="cursor-pointer text-sm text-emerald-800 underline">{labels.showTable}</summary>
            <table className="mt-2 w-full text-sm">
              <caption className="sr-only">{labels.title}</caption>
              <thead>
                <tr className="text-left text-slate-600">
                  <th scope="col">{labels.colKey}</th>
                  <th scope="col" className="text-right">{labels.colAmount}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.label} className="border-t border-slate-100">
                    <th scope="row" className="py-1 text-left font-normal">{d.label}</th>
                    <td className="py-1 text-right tabular-nums">{d.formatted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

export function ValueChart({ data, labels }: { data: ChartSeries; labels: Labels }) {
  const { compact } = useFormat();
  const points = data.map((d) => ({ label: d.label, value: Number(d.amount), formatted: d.formatted }));
  return (
    <ChartRegion id="chart-value" labels={labels} data={data}>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart accessibilityLayer={false} data={points} margin={{ left: 8, right: 8, top: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={12} />
          <YAxis tickFormatter={compact} fontSize={12} width={48} />
          <Tooltip formatter={(_v, _n, item) => (item.payload as { formatted: string }).formatted} />
          <Area type="monotone" dataKey="value" stroke="#047857" fill="#a7f3d0" />
        </AreaChart>
      </ResponsiveContainer>
    </ChartRegion>
  );
}

export function AllocationChart({ id, data, labels }: { id: string; data: ChartSeries; labels: Labels }) {
  const { compact } = useFormat();
  const points = data.map((d) => ({ label: d.label, value: Number(d.amount), formatted: d.formatted }));
  return (
    <ChartRegion id={id} labels={labels} data={data}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={points} layout="vertical" margin={{ left: 8, right: 8, top: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={compact} fontSize={12} />
          <YAxis type="category" dataKey="label" width={110} fontSize={12} />
          <Tooltip formatter={(_v, _n, item) => (item.payload as { formatted: string }).formatted} />
          <Bar dataKey="value" fill="#0369a1" />
        </BarChart>
      </ResponsiveContainer>
    </ChartRegion>
  );
}
