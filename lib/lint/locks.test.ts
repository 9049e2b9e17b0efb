import { beforeAll, describe, expect, it } from "vitest";
import { findingsOf } from "./testing";
import { tableLocks } from "./locks";
import { loadParser, parseSql } from "./parse";

const locksOf = (sql: string) => tableLocks(parseSql(sql).statements[0].node, () => undefined);

describe("lock model", () => {
  beforeAll(() => loadParser());

  it("CREATE TABLE … REFERENCES locks each referenced table in SHARE ROW EXCLUSIVE", () => {
    expect(locksOf('CREATE TABLE "Task" ("id" TEXT, "userId" TEXT REFERENCES "User"("id"), "orgId" TEXT, FOREIGN KEY ("orgId") REFERENCES "Organization"("id"));')).toEqual([
      { table: "User", lock: "SHARE ROW EXCLUSIVE" },
      { table: "Organization", lock: "SHARE ROW EXCLUSIVE" },
    ]);
  });

  it("a self-reference and a table without foreign keys lock no other table", () => {
    expect(locksOf('CREATE TABLE "Task" ("id" TEXT PRIMARY KEY, "parentId" TEXT REFERENCES "Task"("id"));')).toEqual([]);
    expect(locksOf('CREATE TABLE "Tag" ("id" TEXT PRIMARY KEY);')).toEqual([]);
  });

  it("ALTER TYPE … ADD VALUE takes EXCLUSIVE on the type, not on any table", () => {
    expect(locksOf("ALTER TYPE public.\"Status\" ADD VALUE 'ARCHIVED';")).toEqual([{ table: "Status", lock: "EXCLUSIVE", object: "type" }]);
  });

  it("the type lock is reported as low, and a table lock in the same file takes precedence", async () => {
    const typeOnly = await findingsOf("missing-lock-timeout", "ALTER TYPE \"Status\" ADD VALUE 'ARCHIVED';");
    expect(typeOnly).toMatchObject([{ severity: "low", line: 1 }]);
    expect(typeOnly[0].message).toContain("Reads and writes of tables using the type do not wait");
    const both = await findingsOf("missing-lock-timeout", "ALTER TYPE \"Status\" ADD VALUE 'ARCHIVED';\nALTER TABLE \"User\" ADD COLUMN \"a\" TEXT;");
    expect(both).toMatchObject([{ severity: "medium", line: 2, table: "User" }]);
  });

  it("a backfill after CREATE TABLE … REFERENCES in one transaction holds the referenced table's lock", async () => {
    const findings = await findingsOf("backfill-in-ddl-transaction", 'CREATE TABLE "Task" ("id" TEXT, "userId" TEXT REFERENCES "User"("id"));\nINSERT INTO "Task" SELECT "id", "id" FROM "User";');
    expect(findings).toHaveLength(1);
  });
});
