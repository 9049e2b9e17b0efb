import { nodeAs } from "../ast";
import type { Rule } from "../types";
import { hit, ident } from "./support";

export const tenantTableWithoutRls: Rule = {
  id: "tenant-table-without-rls",
  title: "New tenant table without row-level security",
  category: "tenancy",
  defaultSeverity: "high",
  sizedByTable: false,
  description:
    "A table carrying the tenant key must isolate tenants in the database, not only in application code: the same migration must ENABLE and FORCE ROW LEVEL SECURITY (FORCE also binds the table owner, which is usually the application's role) and create at least one policy. Without them one missing WHERE leaks every tenant's data.",
  badSql: 'CREATE TABLE "Invoice" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL);',
  goodSql:
    'CREATE TABLE "Invoice" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL);\nALTER TABLE "Invoice" ENABLE ROW LEVEL SECURITY;\nALTER TABLE "Invoice" FORCE ROW LEVEL SECURITY;\nCREATE POLICY "Invoice_tenant" ON "Invoice" USING ("organizationId" = current_setting(\'app.organization_id\'));',
  squawk: [],
  strongMigrations: [],
  statementKinds: ["CreateStmt"],
  check(ctx) {
    const key = ctx.config.tenantKey;
    const enabled = new Set<string>();
    const forced = new Set<string>();
    const withPolicy = new Set<string>();
    for (const statement of ctx.statements) {
      const alter = nodeAs(statement.node, "AlterTableStmt");
      for (const c of alter?.cmds ?? []) {
        const subtype = nodeAs(c, "AlterTableCmd")?.subtype;
        if (subtype === "AT_EnableRowSecurity") enabled.add(alter!.relation!.relname!);
        if (subtype === "AT_ForceRowSecurity") forced.add(alter!.relation!.relname!);
      }
      const policyTable = nodeAs(statement.node, "CreatePolicyStmt")?.table?.relname;
      if (policyTable) withPolicy.add(policyTable);
    }
    return [...ctx.createdTables].flatMap(([table, index]) => {
      if (!ctx.schemaAfter.hasColumn(table, key)) return [];
      const missing = [
        !enabled.has(table) && "ENABLE ROW LEVEL SECURITY",
        !forced.has(table) && "FORCE ROW LEVEL SECURITY",
        !withPolicy.has(table) && "a policy",
      ].filter((m): m is string => !!m);
      if (missing.length === 0) return [];
      return [
        hit(ctx.statements[index], {
          table,
          message: `New tenant table "${table}" (it has "${key}") lacks ${missing.join(", ")} in this migration: tenant isolation then rests on every query remembering its WHERE clause.`,
          safeSql: `ALTER TABLE ${ident(table)} ENABLE ROW LEVEL SECURITY;\nALTER TABLE ${ident(table)} FORCE ROW LEVEL SECURITY;\nCREATE POLICY ${ident(`${table}_tenant_isolation`)} ON ${ident(table)}\n  USING (${ident(key)} = current_setting('app.${key}'))\n  WITH CHECK (${ident(key)} = current_setting('app.${key}'));`,
        }),
      ];
    });
  },
};
