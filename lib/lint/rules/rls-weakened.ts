import type { Node } from "libpg-query";
import { nodeAs } from "../ast";
import { droppedNames } from "../locks";
import type { Rule, RuleHit } from "../types";
import { hit, ident } from "./support";

function isLiteralTrue(expr: Node | undefined): boolean {
  return nodeAs(expr, "A_Const")?.boolval?.boolval === true;
}

export const rlsWeakened: Rule = {
  id: "rls-weakened",
  title: "Row-level security disabled or loosened",
  category: "tenancy",
  defaultSeverity: "critical",
  sizedByTable: false,
  description:
    "DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY (the owner role bypasses policies again), DROP POLICY and a policy with USING (true) or WITH CHECK (true) each remove tenant isolation: queries see or write other tenants' rows. Replace a policy in the same transaction (CREATE the new one before dropping the old) and never open it to everything.",
  badSql: 'ALTER TABLE "Invoice" DISABLE ROW LEVEL SECURITY;',
  goodSql: 'CREATE POLICY "Invoice_tenant_v2" ON "Invoice" USING ("organizationId" = current_setting(\'app.organizationId\'));',
  squawk: [],
  strongMigrations: [],
  statementKinds: ["AlterTableStmt", "DropStmt", "CreatePolicyStmt", "AlterPolicyStmt"],
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of ctx.statements) {
      const alter = nodeAs(statement.node, "AlterTableStmt");
      const table = alter?.relation?.relname;
      for (const c of alter?.cmds ?? []) {
        const subtype = nodeAs(c, "AlterTableCmd")?.subtype;
        if (subtype !== "AT_DisableRowSecurity" && subtype !== "AT_NoForceRowSecurity") continue;
        const what = subtype === "AT_DisableRowSecurity" ? "DISABLE ROW LEVEL SECURITY turns every policy off" : "NO FORCE ROW LEVEL SECURITY lets the table owner (often the application role) bypass every policy";
        hits.push(
          hit(statement, {
            table,
            message: `${what} on "${table}": queries without a tenant filter now see and change all tenants' rows.`,
            safeSql: `ALTER TABLE ${ident(table ?? "<table>")} ENABLE ROW LEVEL SECURITY;\nALTER TABLE ${ident(table ?? "<table>")} FORCE ROW LEVEL SECURITY;`,
          }),
        );
      }
      const drop = nodeAs(statement.node, "DropStmt");
      if (drop?.removeType === "OBJECT_POLICY") {
        const policyTable = droppedNames(drop)[0];
        const replaced = ctx.statements.some((s) => s.index !== statement.index && nodeAs(s.node, "CreatePolicyStmt")?.table?.relname === policyTable);
        if (!replaced) {
          hits.push(
            hit(statement, {
              table: policyTable,
              message: `Dropping a policy on "${policyTable}" with no replacement in this migration: if it was the only permissive policy, the application role sees no rows; if others remain, the restriction it added is gone.`,
              safeSql: `-- create the replacement first, in the same migration:\nCREATE POLICY <new_policy> ON ${ident(policyTable ?? "<table>")} USING (...);\n${statement.text}${statement.text.endsWith(";") ? "" : ";"}`,
            }),
          );
        }
      }
      const policy = nodeAs(statement.node, "CreatePolicyStmt") ?? nodeAs(statement.node, "AlterPolicyStmt");
      if (policy && (isLiteralTrue(policy.qual) || isLiteralTrue(policy.with_check))) {
        const policyTable = policy.table?.relname ?? "<table>";
        hits.push(
          hit(statement, {
            table: policyTable,
            message: `Policy "${policy.policy_name}" on "${policyTable}" is USING/WITH CHECK (true): it grants every row to every tenant, defeating row-level security.`,
            safeSql: `CREATE POLICY ${ident(policy.policy_name ?? "tenant_isolation")} ON ${ident(policyTable)}\n  USING (${ident(ctx.config.tenantKey)} = current_setting('app.${ctx.config.tenantKey}'));`,
          }),
        );
      }
    }
    return hits;
  },
};
