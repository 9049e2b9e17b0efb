import { keyNames, nodeAs } from "../ast";
import { isTenantTable, type StatementInfo } from "../context";
import type { Rule, RuleHit } from "../types";
import { declaredConstraints, hit, ident } from "./support";

type UniqueKey = { statement: StatementInfo; table: string; name?: string; columns: string[]; location?: number };

/** UNIQUE indexes and constraints (table- or column-level), excluding primary keys. */
function uniqueKeys(statement: StatementInfo): UniqueKey[] {
  const index = nodeAs(statement.node, "IndexStmt");
  if (index?.unique && index.relation?.relname) {
    const columns = (index.indexParams ?? []).map((p) => nodeAs(p, "IndexElem")?.name ?? "<expression>");
    return [{ statement, table: index.relation.relname, name: index.idxname, columns }];
  }
  return declaredConstraints(statement)
    .filter(({ constraint }) => constraint.contype === "CONSTR_UNIQUE" && !constraint.indexname)
    .map(({ table, constraint, column }) => ({ statement, table, name: constraint.conname, columns: column ? [column] : keyNames(constraint.keys), location: constraint.location }));
}

export const tenantUniqueWithoutKey: Rule = {
  id: "tenant-unique-without-key",
  title: "Unique constraint on a tenant table without the tenant key",
  category: "tenancy",
  defaultSeverity: "high",
  sizedByTable: false,
  description:
    "A UNIQUE constraint on a tenant table that does not include the tenant key is global across tenants: one customer's value (a slug, an email) blocks every other customer from using it, and the error leaks that it exists. Include the tenant key.",
  badSql: 'CREATE TABLE "Project" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "slug" TEXT NOT NULL);\nCREATE UNIQUE INDEX "Project_slug_key" ON "Project" ("slug");',
  goodSql:
    'CREATE TABLE "Project" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "slug" TEXT NOT NULL);\nCREATE UNIQUE INDEX "Project_organizationId_slug_key" ON "Project" ("organizationId", "slug");',
  squawk: [],
  strongMigrations: [],
  statementKinds: ["IndexStmt", "CreateStmt", "AlterTableStmt"],
  check(ctx) {
    const key = ctx.config.tenantKey;
    const hits: RuleHit[] = [];
    for (const statement of ctx.statements) {
      for (const unique of uniqueKeys(statement)) {
        if (unique.columns.includes(key) || !isTenantTable(ctx, unique.table, statement)) continue;
        hits.push(
          hit(statement, {
            location: unique.location,
            table: unique.table,
            message: `UNIQUE (${unique.columns.join(", ")}) on tenant table "${unique.table}" is enforced across all tenants: one tenant's value blocks every other tenant from using it.`,
            safeSql: `CREATE UNIQUE INDEX CONCURRENTLY ${ident(unique.name ?? `${unique.table}_${key}_${unique.columns.join("_")}_key`)} ON ${ident(unique.table)} (${[key, ...unique.columns].map(ident).join(", ")});`,
          }),
        );
      }
    }
    return hits;
  },
};
