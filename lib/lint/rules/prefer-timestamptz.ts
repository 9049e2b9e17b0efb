import type { Rule } from "../types";
import { columnDefinitions, hit, ident } from "./support";

export const preferTimestamptz: Rule = {
  id: "prefer-timestamptz",
  title: "timestamp without time zone",
  category: "style",
  defaultSeverity: "low",
  sizedByTable: false,
  description:
    "timestamp without time zone stores wall-clock time with no offset: values written by servers or sessions in different time zones silently mean different instants. timestamptz stores an instant. Prisma's DateTime maps to timestamp(3) by default: use @db.Timestamptz(3).",
  badSql: 'CREATE TABLE "Event" ("id" BIGINT PRIMARY KEY, "createdAt" TIMESTAMP(3) NOT NULL);',
  goodSql: 'CREATE TABLE "Event" ("id" BIGINT PRIMARY KEY, "createdAt" TIMESTAMPTZ(3) NOT NULL);',
  squawk: ["prefer-timestamptz", "prefer-timestamp-tz"],
  strongMigrations: [],
  statementKinds: ["CreateStmt", "AlterTableStmt"],
  check(ctx) {
    return columnDefinitions(ctx)
      .filter(({ type }) => type?.name === "timestamp")
      .map(({ statement, table, column }) =>
        hit(statement, {
          location: column.location,
          table,
          message: `"${table}"."${column.colname}" is timestamp without time zone: the instant it denotes depends on the writer's time zone.`,
          safeSql: `${ident(column.colname ?? "column")} TIMESTAMPTZ(3)  -- schema.prisma: DateTime @db.Timestamptz(3)`,
        }),
      );
  },
};
