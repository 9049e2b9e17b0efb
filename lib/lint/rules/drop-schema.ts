import { nodeAs } from "../ast";
import { droppedNames } from "../locks";
import type { Rule } from "../types";
import { hit, ident } from "./support";

export const dropSchema: Rule = {
  id: "drop-schema",
  title: "DROP SCHEMA",
  category: "compatibility",
  defaultSeverity: "critical",
  sizedByTable: false,
  description:
    "DROP SCHEMA removes the schema and, with CASCADE, every table, view, function and type in it: all their data is lost at once and everything using them breaks.",
  badSql: "DROP SCHEMA reporting CASCADE;",
  goodSql: "ALTER SCHEMA reporting RENAME TO reporting_deprecated;",
  squawk: [],
  strongMigrations: [],
  statementKinds: ["DropStmt"],
  check(ctx) {
    return ctx.statements.flatMap((statement) => {
      const drop = nodeAs(statement.node, "DropStmt");
      if (drop?.removeType !== "OBJECT_SCHEMA") return [];
      return droppedNames(drop).map((schema) =>
        hit(statement, {
          message: `DROP SCHEMA ${schema}${drop.behavior === "DROP_CASCADE" ? " CASCADE deletes every object in it, with all their data" : " deletes the schema"}: everything using it breaks.`,
          safeSql: `ALTER SCHEMA ${ident(schema)} RENAME TO ${ident(schema + "_deprecated")};\n-- drop it in a later migration once nothing uses it`,
        }),
      );
    });
  },
};
