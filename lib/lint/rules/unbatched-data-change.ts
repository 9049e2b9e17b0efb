import { nodeAs, visit } from "../ast";
import { tableRows } from "../context";
import type { Rule } from "../types";
import { hit, ident } from "./support";

const RANGE_OPERATORS = new Set(["<", "<=", ">", ">="]);

/** A WHERE bounds a batch when it restricts a key range (BETWEEN, < >) or a LIMITed sub-select. */
function isBatched(where: unknown): boolean {
  let batched = false;
  visit(where, (kind, payload) => {
    if (kind === "A_Expr") {
      const expr = payload as { kind?: string; name?: { String?: { sval?: string } }[] };
      if (expr.kind?.startsWith("AEXPR_BETWEEN")) batched = true;
      if (expr.kind === "AEXPR_OP" && RANGE_OPERATORS.has(expr.name?.[0]?.String?.sval ?? "")) batched = true;
    }
    if (kind === "SelectStmt" && (payload as { limitCount?: unknown }).limitCount) batched = true;
  });
  return batched;
}

export const unbatchedDataChange: Rule = {
  id: "unbatched-data-change",
  title: "Unbatched UPDATE or DELETE on a large table",
  category: "process",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "One UPDATE or DELETE over a large table locks every row it touches until commit (blocking the application's writes to them), bloats the table and WAL, and can run for hours with no progress visible. Above `dataChangeRowLimit` rows (read from the target's statistics) change data in batches over a key range. Needs --url: without statistics the size is unknown.",
  badSql: 'UPDATE "Order" SET "currency" = \'EUR\' WHERE "currency" IS NULL;',
  goodSql: 'UPDATE "Order" SET "currency" = \'EUR\' WHERE "currency" IS NULL AND "id" BETWEEN 1 AND 10000;',
  squawk: [],
  strongMigrations: [],
  statementKinds: ["UpdateStmt", "DeleteStmt"],
  check(ctx) {
    return ctx.statements.flatMap((statement) => {
      const change = nodeAs(statement.node, "UpdateStmt") ?? nodeAs(statement.node, "DeleteStmt");
      const table = change?.relation?.relname;
      if (!change || !table) return [];
      const rows = tableRows(ctx, table);
      if (rows === undefined || rows <= ctx.config.dataChangeRowLimit || isBatched(change.whereClause)) return [];
      const verb = "UpdateStmt" in statement.node ? "UPDATE" : "DELETE";
      return [
        hit(statement, {
          table,
          lock: "ROW EXCLUSIVE",
          message: `${verb} on "${table}" (~${rows.toLocaleString("en-US")} rows) ${change.whereClause ? "is not bounded to a key range" : "has no WHERE"}: every matching row stays locked until commit, blocking the application's writes to them, in one long transaction.`,
          safeSql: `-- repeat for each range of ids (e.g. 10,000 at a time), committing between batches:\n${verb === "UPDATE" ? `UPDATE ${ident(table)} SET … WHERE … AND "id" BETWEEN $1 AND $2;` : `DELETE FROM ${ident(table)} WHERE "id" IN (SELECT "id" FROM ${ident(table)} WHERE … LIMIT 10000);`}`,
        }),
      ];
    });
  },
};
