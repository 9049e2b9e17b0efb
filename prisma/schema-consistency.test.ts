import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import internals from "@prisma/internals";
import { deployMigrations, readMigrationsDir } from "@/lib/engine";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/databases";

/**
 * prisma/schema.prisma and prisma/migrations are written by hand here (Prisma's
 * schema engine cannot run on this machine), so this test is what keeps them in
 * step: every model and field of the schema must exist in the migrated database
 * with the type and nullability Prisma would have created.
 */

// Prisma's default PostgreSQL type per scalar, as information_schema names it.
const PG_TYPE: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Float: "double precision",
  Decimal: "numeric",
  Bytes: "bytea",
};
const NATIVE_TYPE: Record<string, string> = { VarChar: "character varying", Text: "text", Timestamptz: "timestamp with time zone" };

type Column = { table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: "YES" | "NO" };

describe("control plane schema.prisma ↔ migrations", () => {
  let db: TestDatabase;
  let columns: Column[];
  let datamodel: Awaited<ReturnType<typeof internals.getDMMF>>["datamodel"];

  beforeAll(async () => {
    db = await createTestDatabase("schema");
    const report = await deployMigrations({ url: db.url, migrations: await readMigrationsDir(path.resolve("prisma/migrations")) });
    expect(report.ok).toBe(true);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    columns = (
      await client.query<Column>(
        `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
      )
    ).rows;
    await client.end();
    datamodel = (await internals.getDMMF({ datamodel: readFileSync("prisma/schema.prisma", "utf8") })).datamodel;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("has a table for every model and a column for every scalar field, with Prisma's type and nullability", () => {
    const problems: string[] = [];
    for (const model of datamodel.models) {
      const table = model.dbName ?? model.name;
      for (const field of model.fields.filter((f) => f.kind !== "object")) {
        const column = columns.find((c) => c.table_name === table && c.column_name === (field.dbName ?? field.name));
        if (!column) {
          problems.push(`${table}.${field.name}: missing column`);
          continue;
        }
        const native = field.nativeType?.[0];
        const expected = field.isList ? "ARRAY" : field.kind === "enum" ? "USER-DEFINED" : native ? NATIVE_TYPE[native] : PG_TYPE[field.type];
        if (column.data_type !== expected) problems.push(`${table}.${field.name}: type ${column.data_type}, schema says ${expected}`);
        // An enum column's udt is the enum type; an enum list's is the array type, "_" + its name.
        const expectedUdt = field.kind === "enum" ? (field.isList ? `_${field.type}` : field.type) : null;
        if (expectedUdt && column.udt_name !== expectedUdt) problems.push(`${table}.${field.name}: type ${column.udt_name}, schema says ${expectedUdt}`);
        // Prisma creates scalar lists nullable even when the field is required.
        const nullable = field.isList ? "YES" : field.isRequired ? "NO" : "YES";
        if (column.is_nullable !== nullable) problems.push(`${table}.${field.name}: nullable ${column.is_nullable}, schema says ${nullable}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has no table or column the schema does not know", () => {
    const known = new Set(
      datamodel.models.flatMap((m) => m.fields.filter((f) => f.kind !== "object").map((f) => `${m.dbName ?? m.name}.${f.dbName ?? f.name}`)),
    );
    const extra = columns.filter((c) => c.table_name !== "_prisma_migrations" && !known.has(`${c.table_name}.${c.column_name}`));
    expect(extra.map((c) => `${c.table_name}.${c.column_name}`)).toEqual([]);
  });
});
