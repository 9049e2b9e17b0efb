import type { IndexStmt } from "libpg-query";
import { nodeAs } from "../ast";
import { isExistingTable } from "../context";
import { droppedNames } from "../locks";
import type { Rule, RuleHit } from "../types";
import { hit, ident } from "./support";

function indexColumns(index: IndexStmt): string {
  return (index.indexParams ?? []).map((p) => nodeAs(p, "IndexElem")?.name).map((name) => (name ? ident(name) : "<expression>")).join(", ");
}

export const requireConcurrentIndex: Rule = {
  id: "require-concurrent-index",
  title: "Index created or dropped without CONCURRENTLY",
  category: "locking",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "CREATE INDEX holds a SHARE lock for the whole build (writes wait, minutes on large tables); DROP INDEX holds ACCESS EXCLUSIVE (reads wait too). CONCURRENTLY builds or drops without blocking writes. Tables created in the same file are exempt: nobody uses them yet.",
  badSql: 'CREATE INDEX "Order_customerId_idx" ON "Order" ("customerId");',
  goodSql: 'CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order" ("customerId");',
  squawk: ["require-concurrent-index-creation", "require-concurrent-index-deletion"],
  strongMigrations: ["add_index", "remove_index"],
  statementKinds: ["IndexStmt", "DropStmt"],
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of ctx.statements) {
      const index = nodeAs(statement.node, "IndexStmt");
      const table = index?.relation?.relname;
      if (index && table && !index.concurrent && isExistingTable(ctx, table, statement.index)) {
        hits.push(
          hit(statement, {
            table,
            lock: "SHARE",
            message: `CREATE INDEX on existing table "${table}" holds a SHARE lock while the whole index is built: every INSERT, UPDATE and DELETE on it waits until the build ends.`,
            safeSql: `-- run outside a transaction (a migration of its own)\nCREATE ${index.unique ? "UNIQUE " : ""}INDEX CONCURRENTLY ${index.idxname ? ident(index.idxname) + " " : ""}ON ${ident(table)} (${indexColumns(index)});`,
          }),
        );
      }
      const drop = nodeAs(statement.node, "DropStmt");
      if (drop?.removeType === "OBJECT_INDEX" && !drop.concurrent) {
        for (const name of droppedNames(drop)) {
          const owner = statement.schemaBefore.indexes.get(name);
          if (owner && !isExistingTable(ctx, owner, statement.index)) continue;
          hits.push(
            hit(statement, {
              table: owner,
              lock: "ACCESS EXCLUSIVE",
              message: `DROP INDEX takes an ACCESS EXCLUSIVE lock on ${owner ? `"${owner}"` : "the index's table"}: reads and writes queue behind it, and behind any long query already holding the table.`,
              safeSql: `-- run outside a transaction\nDROP INDEX CONCURRENTLY IF EXISTS ${ident(name)};`,
            }),
          );
        }
      }
    }
    return hits;
  },
};
