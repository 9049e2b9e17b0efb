import { nodeAs } from "../ast";
import { isTenantTable } from "../context";
import type { Rule } from "../types";
import { hit, ident } from "./support";

export const tenantIndexLeadingKey: Rule = {
  id: "tenant-index-leading-key",
  title: "Index on a tenant table not led by the tenant key",
  category: "tenancy",
  defaultSeverity: "medium",
  sizedByTable: false,
  description:
    "Every query of a multi-tenant table filters by the tenant key (and row-level security adds that filter anyway). An index whose first column is not the tenant key makes those queries scan other tenants' entries, and lets one large tenant slow everyone. Lead with the tenant key. Primary keys are exempt.",
  badSql: 'CREATE TABLE "Project" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "slug" TEXT NOT NULL);\nCREATE INDEX "Project_slug_idx" ON "Project" ("slug");',
  goodSql:
    'CREATE TABLE "Project" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "slug" TEXT NOT NULL);\nCREATE INDEX "Project_organizationId_slug_idx" ON "Project" ("organizationId", "slug");',
  squawk: [],
  strongMigrations: [],
  statementKinds: ["IndexStmt"],
  check(ctx) {
    const key = ctx.config.tenantKey;
    return ctx.statements.flatMap((statement) => {
      const index = nodeAs(statement.node, "IndexStmt");
      const table = index?.relation?.relname;
      if (!index || !table || !isTenantTable(ctx, table, statement) || index.primary) return [];
      const columns = (index.indexParams ?? []).map((p) => nodeAs(p, "IndexElem")?.name);
      if (columns[0] === key) return [];
      // A unique index without the key at all is reported by tenant-unique-without-key.
      if (index.unique && !columns.includes(key)) return [];
      const rest = columns.map((c) => (c ? ident(c) : "<expression>")).filter((c) => c !== ident(key));
      return [
        hit(statement, {
          table,
          message: `Index ${index.idxname ? `"${index.idxname}" ` : ""}on tenant table "${table}" starts with ${columns[0] ? `"${columns[0]}"` : "an expression"}, not "${key}": tenant-scoped queries scan every tenant's entries.`,
          safeSql: `CREATE ${index.unique ? "UNIQUE " : ""}INDEX CONCURRENTLY ${index.idxname ? ident(index.idxname) + " " : ""}ON ${ident(table)} (${[ident(key), ...rest].join(", ")});`,
        }),
      ];
    });
  },
};
