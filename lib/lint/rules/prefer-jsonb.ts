import type { Rule } from "../types";
import { columnDefinitions, hit, ident } from "./support";

export const preferJsonb: Rule = {
  id: "prefer-jsonb",
  title: "json where jsonb fits",
  category: "style",
  defaultSeverity: "low",
  sizedByTable: false,
  description:
    "json stores the raw text: it has no equality operator (SELECT DISTINCT, UNION and GROUP BY fail on it), cannot be indexed with GIN and is re-parsed on every access. jsonb is what Prisma's Json type should map to.",
  badSql: 'CREATE TABLE "Event" ("id" BIGINT PRIMARY KEY, "payload" JSON);',
  goodSql: 'CREATE TABLE "Event" ("id" BIGINT PRIMARY KEY, "payload" JSONB);',
  squawk: [],
  strongMigrations: ["add_column_json"],
  statementKinds: ["CreateStmt", "AlterTableStmt"],
  check(ctx) {
    return columnDefinitions(ctx)
      .filter(({ type }) => type?.name === "json")
      .map(({ statement, table, column }) =>
        hit(statement, {
          location: column.location,
          table,
          message: `"${table}"."${column.colname}" is json: no equality operator (DISTINCT, GROUP BY and UNION fail) and no GIN index.`,
          safeSql: `-- in the CREATE TABLE / ADD COLUMN:\n${ident(column.colname ?? "column")} JSONB`,
        }),
      );
  },
};
