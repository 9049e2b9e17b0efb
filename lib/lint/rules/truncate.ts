import type { Rule } from "../types";
import { hit, ident } from "./support";

export const truncateTable: Rule = {
  id: "truncate",
  title: "TRUNCATE",
  category: "compatibility",
  defaultSeverity: "high",
  sizedByTable: false,
  description:
    "TRUNCATE deletes every row without a trace in the application's history, takes ACCESS EXCLUSIVE, and with CASCADE empties every table that references it. A migration almost never should; delete the rows you mean to in batches.",
  badSql: 'TRUNCATE "Session";',
  goodSql: 'DELETE FROM "Session" WHERE "id" IN (SELECT "id" FROM "Session" WHERE "expiresAt" < now() LIMIT 10000);',
  squawk: ["ban-truncate-cascade"],
  strongMigrations: [],
  statementKinds: ["TruncateStmt"],
  check(ctx) {
    return ctx.statements
      .filter((s) => s.kind === "TruncateStmt")
      .map((statement) => {
        const table = statement.locks[0]?.table;
        return hit(statement, {
          table,
          lock: "ACCESS EXCLUSIVE",
          message: `TRUNCATE irrecoverably deletes every row of ${statement.locks.map((l) => `"${l.table}"`).join(", ") || "the table"} under ACCESS EXCLUSIVE (and of referencing tables with CASCADE).`,
          safeSql: `-- delete only what you mean to, in batches:\nDELETE FROM ${ident(table ?? "<table>")} WHERE "id" IN (SELECT "id" FROM ${ident(table ?? "<table>")} WHERE <condition> LIMIT 10000);`,
        });
      });
  },
};
