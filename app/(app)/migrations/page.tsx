import { requireUser } from "@/lib/auth/session";
import { loadMigrationMatrices } from "@/lib/server/matrix";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { MigrationMatrix } from "@/components/migrations/migration-matrix";
import { MatrixLegend } from "@/components/migrations/matrix-legend";

// Read live from each target's _prisma_migrations on every visit.
export const dynamic = "force-dynamic";

export default async function MigrationsPage() {
  const user = await requireUser();
  const matrices = await loadMigrationMatrices(user);
  return (
    <>
      <PageHeader
        title="Migrations"
        description="Every migration of each project against every environment, read live from each target's _prisma_migrations table."
      />
      {matrices.length === 0 ? (
        <EmptyState title="No projects to show">You are not a member of a project whose migrations you may read.</EmptyState>
      ) : (
        <div className="space-y-8">
          <div className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
            <MatrixLegend />
          </div>
          {matrices.map((matrix) => (
            <MigrationMatrix key={matrix.projectId} matrix={matrix} />
          ))}
        </div>
      )}
    </>
  );
}
