"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "@/lib/money/use-format";

/** Daily bought and sold rupiah, drawn from exact strings; the table beside it is the accessible version. */
export function AdminVolumeChart({ data, labels }: { data: { day: string; buy: string; sell: string }[]; labels: { buy: string; sell: string } }) {
  // The table lists newest first; the chart reads left to right in time.
  const { compact, date } = useFormat();
  const points = [...data].reverse().map((d) => ({ day: date(d.day, { month: "short", year: false }), buy: Number(d.buy), sell: Number(d.sell) }));
  return (
    <div className="h-56 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={points} margin={{ left: 8, right: 8, top: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" fontSize={12} />
          <YAxis tickFormatter={compact} fontSize={12} width={48} />
          <Tooltip formatter={(v) => compact(Number(v))} />
          <Legend />
          <Bar dataKey="buy" name={labels.buy} fill="#b45309" isAnimationActive={false} />
          <Bar dataKey="sell" name={labels.sell} fill="#0369a1" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
