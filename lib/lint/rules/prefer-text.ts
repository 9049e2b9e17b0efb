import type { Rule } from "../types";
import { columnDefinitions, hit, ident } from "./support";

export const preferText: Rule = {
  id: "prefer-text",
  title: "varchar(n) where text fits",
  category: "style",
  defaultSeverity: "low",
  sizedByTable: false,
  description:
    "varchar(n) is stored exactly like text; the limit only adds failures, and tightening it later rescans the table under ACCESS EXCLUSIVE. Use text, with a CHECK (char_length(col) <= n) when a limit is a real business rule (a CHECK can be added NOT VALID and changed without a rewrite).",
  badSql: 'CREATE TABLE "User" ("id" BIGINT PRIMARY KEY, "email" VARCHAR(255) NOT NULL);',
  goodSql: 'CREATE TABLE "User" ("id" BIGINT PRIMARY KEY, "email" TEXT NOT NULL);',
  squawk: ["prefer-text-field"],
  strongMigrations: [],
  statementKinds: ["CreateStmt", "AlterTableStmt"],
  check(ctx) {
    return columnDefinitions(ctx)
      .filter(({ type }) => type?.name === "varchar" && type.mods.length > 0)
      .map(({ statement, table, column, type }) =>
        hit(statement, {
          location: column.location,
          table,
          message: `"${table}"."${column.colname}" is varchar(${type?.mods[0]}): same storage as text, but the limit can only fail writes and is costly to change.`,
          safeSql: `${ident(column.colname ?? "column")} TEXT  -- optional: CHECK (char_length(${ident(column.colname ?? "column")}) <= ${type?.mods[0]})`,
        }),
      );
  },
};
