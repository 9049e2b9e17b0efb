import { calledFunctions, columnConstraints, nodeAs, typeDesc } from "../ast";
import type { Rule } from "../types";
import { alterCommandsOnExistingTables, hit, ident, commandLocation } from "./support";

/** Defaults evaluated once per ALTER since PostgreSQL 11 (stable or immutable): no rewrite. */
const NON_VOLATILE_FUNCTIONS = new Set([
  "now",
  "transaction_timestamp",
  "statement_timestamp",
  "current_setting",
  "lower",
  "upper",
  "concat",
  "to_jsonb",
  "jsonb_build_object",
  "jsonb_build_array",
  "json_build_object",
  "json_build_array",
  "make_interval",
  "to_timestamp",
]);

const SERIAL_TYPES = new Set(["serial", "serial2", "serial4", "serial8", "smallserial", "bigserial"]);

export const addColumnRewrite: Rule = {
  id: "add-column-rewrite",
  title: "ADD COLUMN that rewrites the table",
  category: "locking",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "Since PostgreSQL 11 ADD COLUMN with a constant or stable default (now(), CURRENT_TIMESTAMP) is instant. A volatile default (gen_random_uuid(), random(), clock_timestamp()), a serial/bigserial or identity column, or a STORED generated column must compute a value per row: the table is rewritten under ACCESS EXCLUSIVE. Add the column without the default, set the default for new rows, and backfill in batches.",
  badSql: 'ALTER TABLE "User" ADD COLUMN "publicId" UUID NOT NULL DEFAULT gen_random_uuid();',
  goodSql:
    'ALTER TABLE "User" ADD COLUMN "publicId" UUID;\nALTER TABLE "User" ALTER COLUMN "publicId" SET DEFAULT gen_random_uuid();\n-- backfill existing rows in batches',
  squawk: ["adding-field-with-default", "adding-serial-primary-key-field"],
  strongMigrations: ["add_column_default", "add_column_generated_stored", "add_column_auto_incrementing"],
  statementKinds: ["AlterTableStmt"],
  check(ctx) {
    return alterCommandsOnExistingTables(ctx).flatMap(({ statement, table, cmd }) => {
      const column = nodeAs(cmd.def, "ColumnDef");
      if (cmd.subtype !== "AT_AddColumn" || !column?.colname) return [];
      const type = typeDesc(column.typeName);
      const constraints = columnConstraints(column);
      const volatileDefault = constraints
        .filter((c) => c.contype === "CONSTR_DEFAULT")
        .flatMap((c) => calledFunctions(c.raw_expr))
        .find((name) => !NON_VOLATILE_FUNCTIONS.has(name));
      const reason = volatileDefault
        ? `its default calls ${volatileDefault}(), which is volatile (or not known to be stable), so PostgreSQL evaluates it for every existing row`
        : type && SERIAL_TYPES.has(type.name)
          ? `${type.name} fills a sequence value into every existing row`
          : constraints.some((c) => c.contype === "CONSTR_IDENTITY")
            ? "an identity column fills a sequence value into every existing row"
            : constraints.some((c) => c.contype === "CONSTR_GENERATED")
              ? "a STORED generated column is computed and written for every existing row"
              : undefined;
      if (!reason) return [];
      const name = ident(column.colname);
      return [
        hit(statement, {
          location: commandLocation(cmd),
          table,
          lock: "ACCESS EXCLUSIVE",
          message: `Adding "${column.colname}" to "${table}" rewrites the whole table under ACCESS EXCLUSIVE: ${reason}. Reads and writes block until the rewrite ends.`,
          safeSql: `ALTER TABLE ${ident(table)} ADD COLUMN ${name} <type>;\nALTER TABLE ${ident(table)} ALTER COLUMN ${name} SET DEFAULT <default>;  -- new rows only\n-- backfill existing rows in batches, e.g. UPDATE … WHERE id BETWEEN $1 AND $2`,
        }),
      ];
    });
  },
};
