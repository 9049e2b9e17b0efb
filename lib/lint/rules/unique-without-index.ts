import { keyNames } from "../ast";
import type { Rule } from "../types";
import { addedConstraint, alterCommandsOnExistingTables, hit, ident, commandLocation } from "./support";

export const uniqueWithoutIndex: Rule = {
  id: "unique-without-index",
  title: "UNIQUE or PRIMARY KEY added without a prebuilt index",
  category: "locking",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "ADD CONSTRAINT … UNIQUE / PRIMARY KEY builds its index while holding ACCESS EXCLUSIVE: no reads or writes until the build ends. Build a unique index CONCURRENTLY first, then attach it with USING INDEX, which is instant.",
  badSql: 'ALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE ("email");',
  goodSql:
    'CREATE UNIQUE INDEX CONCURRENTLY "User_email_key" ON "User" ("email");\nALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE USING INDEX "User_email_key";',
  squawk: ["disallowed-unique-constraint", "adding-primary-key-constraint"],
  strongMigrations: ["add_unique_constraint"],
  statementKinds: ["AlterTableStmt"],
  check(ctx) {
    return alterCommandsOnExistingTables(ctx).flatMap(({ statement, table, cmd }) => {
      const constraint = addedConstraint(cmd);
      const kind = constraint?.contype === "CONSTR_UNIQUE" ? "UNIQUE" : constraint?.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : undefined;
      if (!constraint || !kind || constraint.indexname) return [];
      const name = constraint.conname ?? `${table}_${kind === "UNIQUE" ? "key" : "pkey"}`;
      const columns = keyNames(constraint.keys).map(ident).join(", ");
      return [
        hit(statement, {
          location: commandLocation(cmd),
          table,
          lock: "ACCESS EXCLUSIVE",
          message: `Adding ${kind} builds a unique index on "${table}" under ACCESS EXCLUSIVE: every read and write waits for the whole build.`,
          safeSql: `CREATE UNIQUE INDEX CONCURRENTLY ${ident(name)} ON ${ident(table)} (${columns});\nALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(name)} ${kind} USING INDEX ${ident(name)};`,
        }),
      ];
    });
  },
};
