import type { Constraint } from "libpg-query";
import { columnConstraints, keyNames, nodeAs } from "../ast";
import { isTenantTable, type StatementInfo } from "../context";
import type { Rule, RuleHit } from "../types";
import { hit, ident } from "./support";

type ForeignKey = { table: string; constraint: Constraint; columns: string[] };

function foreignKeys(statement: StatementInfo): ForeignKey[] {
  const fk = (table: string, c: Constraint | undefined, column?: string): ForeignKey[] =>
    c?.contype === "CONSTR_FOREIGN" ? [{ table, constraint: c, columns: column ? [column] : keyNames(c.fk_attrs) }] : [];
  const create = nodeAs(statement.node, "CreateStmt");
  if (create?.relation?.relname) {
    const table = create.relation.relname;
    return (create.tableElts ?? []).flatMap((e) => {
      const column = nodeAs(e, "ColumnDef");
      if (column) return columnConstraints(column).flatMap((c) => fk(table, c, column.colname));
      return fk(table, nodeAs(e, "Constraint"));
    });
  }
  const alter = nodeAs(statement.node, "AlterTableStmt");
  const table = alter?.relation?.relname;
  if (!table) return [];
  return (alter.cmds ?? []).flatMap((c) => {
    const cmd = nodeAs(c, "AlterTableCmd");
    return cmd?.subtype === "AT_AddConstraint" ? fk(table, nodeAs(cmd.def, "Constraint")) : [];
  });
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
