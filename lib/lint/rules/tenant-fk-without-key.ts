import type { Constraint } from "libpg-query";
import { keyNames } from "../ast";
import { isTenantTable, type StatementInfo } from "../context";
import type { Rule, RuleHit } from "../types";
import { declaredConstraints, hit, ident } from "./support";

type ForeignKey = { table: string; constraint: Constraint; columns: string[] };

function foreignKeys(statement: StatementInfo): ForeignKey[] {
  return declaredConstraints(statement)
    .filter(({ constraint }) => constraint.contype === "CONSTR_FOREIGN")
    .map(({ table, constraint, column }) => ({ table, constraint, columns: column ? [column] : keyNames(constraint.fk_attrs) }));
}

export const tenantFkWithoutKey: Rule = {
  id: "tenant-fk-without-key",
  title: "Foreign key between tenant tables without the tenant key",
  category: "tenancy",
  defaultSeverity: "medium",
  sizedByTable: false,
  description:
    "A foreign key from one tenant table to another on the id alone lets a row point at another tenant's row: a bug or a forged id links tenants' data and the database accepts it. Reference (tenant key, id) — with a UNIQUE (tenant key, id) on the parent — so the database guarantees both rows belong to the same tenant.",
  badSql:
    'CREATE TABLE "Project" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL);\nCREATE TABLE "Task" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "projectId" TEXT NOT NULL REFERENCES "Project"("id"));',
  goodSql:
    'CREATE TABLE "Project" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, UNIQUE ("organizationId", "id"));\nCREATE TABLE "Task" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "projectId" TEXT NOT NULL, FOREIGN KEY ("organizationId", "projectId") REFERENCES "Project"("organizationId", "id"));',
  squawk: [],
  strongMigrations: [],
  statementKinds: ["CreateStmt", "AlterTableStmt"],
  check(ctx) {
    const key = ctx.config.tenantKey;
    const hits: RuleHit[] = [];
    for (const statement of ctx.statements) {
      for (const { table, constraint, columns } of foreignKeys(statement)) {
        const parent = constraint.pktable?.relname;
        if (!parent || columns.includes(key) || !isTenantTable(ctx, table, statement) || !isTenantTable(ctx, parent, statement)) continue;
        const parentColumns = keyNames(constraint.pk_attrs);
        hits.push(
          hit(statement, {
            location: constraint.location,
            table,
            message: `Foreign key from "${table}" (${columns.join(", ")}) to "${parent}" omits "${key}": a row can reference another tenant's "${parent}" row and the database accepts it.`,
            safeSql: `ALTER TABLE ${ident(parent)} ADD CONSTRAINT ${ident(`${parent}_${key}_id_key`)} UNIQUE (${ident(key)}, ${parentColumns.map(ident).join(", ") || '"id"'});\nALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(constraint.conname ?? `${table}_${columns.join("_")}_fkey`)}\n  FOREIGN KEY (${[key, ...columns].map(ident).join(", ")}) REFERENCES ${ident(parent)} (${[key, ...(parentColumns.length ? parentColumns : ["id"])].map(ident).join(", ")}) NOT VALID;`,
          }),
        );
      }
    }
    return hits;
  },
};
