import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { MatrixColumn, MatrixRow, ProjectMatrix } from "@/lib/server/matrix";
import { MatrixCell } from "./matrix-cell";
import { MatrixSourceBar } from "./matrix-source";

function ColumnHeader({ column, rows, index }: { column: MatrixColumn; rows: MatrixRow[]; index: number }) {
  if (!column.ok) {
    return (
      <div className="normal-case tracking-normal" data-testid={`column-error-${column.name}`}>
        <div className="flex items-center gap-2">
          <span className="text-xs font-semibold uppercase tracking-wide text-slate-700">{column.name}</span>
          <Badge tone="red">Unreachable</Badge>
        </div>
        <p className="mt-1 line-clamp-3 max-w-[15rem] break-all text-[11px] font-normal text-red-700" title={column.error}>
          {column.error}
        </p>
      </div>
    );
  }
  const waiting = rows.filter((r) => ["pending", "rolled_back"].includes(r.cells[index]?.state ?? "")).length;
  const broken = rows.filter((r) => ["failed", "modified", "unknown"].includes(r.cells[index]?.state ?? "")).length;
  return (
    <div className="normal-case tracking-normal">
      <div className="flex items-center gap-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-slate-700">{column.name}</span>
        {column.deployInProgress && <Badge tone="purple">Deploy running</Badge>}
      </div>
      <p className="mt-1 text-[11px] font-normal text-slate-500">
        {!column.historyTableExists
          ? "No _prisma_migrations table yet"
          : waiting === 0 && broken === 0
            ? "Up to date"
            : [waiting ? `${waiting} pending` : null, broken ? `${broken} need attention` : null].filter(Boolean).join(" · ")}
      </p>
    </div>
  );
}

export function MigrationMatrix({ matrix }: { matrix: ProjectMatrix }) {
  if (matrix.sourceError) {
    return (
      <Card title={matrix.projectName}>
        <MatrixSourceBar source={matrix.source} projectName={matrix.projectName} />
        <p className="text-sm text-red-700">Cannot read the migrations folder: {matrix.sourceError}</p>
      </Card>
    );
  }
  if (!matrix.columns.length) {
    return (
      <Card title={matrix.projectName}>
        <MatrixSourceBar source={matrix.source} projectName={matrix.projectName} />
        <EmptyState title="No environments">Add an environment to this project to see where its migrations are applied.</EmptyState>
      </Card>
    );
  }
  return (
    <section aria-label={`${matrix.projectName} migrations`} data-testid={`matrix-${matrix.projectName}`}>
      <div className="mb-3 flex items-baseline justify-between">
        <h2 className="text-base font-semibold text-slate-900">{matrix.projectName}</h2>
        <p className="text-xs text-slate-500">
          {matrix.rows.length} migration{matrix.rows.length === 1 ? "" : "s"} · {matrix.columns.length} environment{matrix.columns.length === 1 ? "" : "s"}
        </p>
      </div>
      <MatrixSourceBar source={matrix.source} projectName={matrix.projectName} />
      {matrix.rows.length === 0 ? (
        <EmptyState title="No migrations yet">The project&apos;s migrations folder is empty and no target has applied any.</EmptyState>
      ) : (
        <Table>
          <thead className="bg-slate-50">
            <tr>
              <Th className="w-[30%] min-w-[17rem]">Migration</Th>
              {matrix.columns.map((column, index) => (
                <Th key={column.environmentId} className="align-top">
                  <ColumnHeader column={column} rows={matrix.rows} index={index} />
                </Th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {matrix.rows.map((row) => (
              <tr key={row.name} className={row.inSource ? "hover:bg-slate-50" : "bg-purple-50/40"}>
                <Td>
                  <span className="break-all font-mono text-[13px] text-slate-900">{row.name}</span>
                  {!row.inSource && <p className="mt-0.5 text-[11px] text-purple-700">Not in the migrations folder</p>}
                </Td>
                {matrix.columns.map((column, index) => (
                  <Td key={column.environmentId} className={column.ok ? undefined : "bg-slate-50"}>
                    {column.ok ? <MatrixCell cell={row.cells[index]} /> : <span className="text-slate-300">?</span>}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
