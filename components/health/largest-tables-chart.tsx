"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LargestTable } from "@/lib/health/types";
import { formatBytes, formatCount } from "./format";

export function LargestTablesChart({ tables }: { tables: LargestTable[] }) {
  if (!tables.length) return <p className="text-sm text-slate-500">No tables yet.</p>;
  const data = tables.map((t) => ({ ...t, label: t.name.replace(/^public\./, "") }));
  return (
    <div className="h-64 w-full" data-testid="largest-tables-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" dataKey="totalBytes" tickFormatter={(v: number) => formatBytes(v)} tick={{ fontSize: 11, fill: "#64748b" }} />
          <YAxis
            type="category"
            dataKey="label"
            width={150}
            interval={0}
            tick={{ fontSize: 11, fill: "#334155", fontFamily: "ui-monospace, monospace" }}
            tickFormatter={(v: string) => (v.length > 22 ? `${v.slice(0, 21)}…` : v)}
          />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            formatter={(value) => [formatBytes(Number(value)), "Total size"]}
            labelFormatter={(label, payload) => {
              const row = payload?.[0]?.payload as (LargestTable & { label: string }) | undefined;
              return row ? `${row.name} · ~${formatCount(row.rowEstimate)} rows` : String(label);
            }}
            contentStyle={{ fontSize: 12 }}
          />
          <Bar dataKey="totalBytes" fill="#6366f1" radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
