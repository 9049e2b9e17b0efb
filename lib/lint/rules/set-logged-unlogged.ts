import type { Rule } from "../types";
import { alterCommandsOnExistingTables, hit, ident } from "./support";

export const setLoggedUnlogged: Rule = {
  id: "set-logged-unlogged",
  title: "SET LOGGED / SET UNLOGGED",
  category: "locking",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "ALTER TABLE … SET LOGGED or SET UNLOGGED rewrites the whole table (and writes it all to WAL when going LOGGED) under ACCESS EXCLUSIVE. An UNLOGGED table is also emptied after a crash and not replicated. Prefer creating the table with the right persistence and copying data in batches.",
  badSql: 'ALTER TABLE "Event" SET LOGGED;',
  goodSql: 'CREATE TABLE "Event_logged" (LIKE "Event" INCLUDING ALL);\n-- copy rows in batches, then swap names in a short transaction',
  squawk: [],
  strongMigrations: [],
  statementKinds: ["AlterTableStmt"],
  check(ctx) {
    return alterCommandsOnExistingTables(ctx)
      .filter(({ cmd }) => cmd.subtype === "AT_SetLogged" || cmd.subtype === "AT_SetUnLogged")
      .map(({ statement, table, cmd }) =>
        hit(statement, {
          table,
          lock: "ACCESS EXCLUSIVE",
          message: `${cmd.subtype === "AT_SetLogged" ? "SET LOGGED" : "SET UNLOGGED"} rewrites all of "${table}" under ACCESS EXCLUSIVE: reads and writes block until the copy ends.${cmd.subtype === "AT_SetUnLogged" ? " Afterwards the table is truncated on crash recovery and absent from replicas." : ""}`,
          safeSql: `CREATE TABLE ${ident(table + "_new")} (LIKE ${ident(table)} INCLUDING ALL);\n-- copy rows in batches, then in one short transaction:\nALTER TABLE ${ident(table)} RENAME TO ${ident(table + "_old")};\nALTER TABLE ${ident(table + "_new")} RENAME TO ${ident(table)};`,
        }),
      );
  },
};
