import { nodeAs } from "../ast";
import { isConcurrentReindex } from "../locks";
import type { Rule } from "../types";
import { hit, ident } from "./support";

export const requireConcurrentReindex: Rule = {
  id: "require-concurrent-reindex",
  title: "REINDEX without CONCURRENTLY",
  category: "locking",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "REINDEX locks out writes to the table (SHARE) and, for the index being rebuilt, every query that would use it (ACCESS EXCLUSIVE) until the rebuild ends. REINDEX CONCURRENTLY (PostgreSQL 12+) rebuilds alongside and swaps.",
  badSql: 'REINDEX INDEX "Order_customerId_idx";',
  goodSql: 'REINDEX INDEX CONCURRENTLY "Order_customerId_idx";',
  squawk: [],
  strongMigrations: [],
  statementKinds: ["ReindexStmt"],
  check(ctx) {
    return ctx.statements.flatMap((statement) => {
      const reindex = nodeAs(statement.node, "ReindexStmt");
      if (!reindex || isConcurrentReindex(statement.node)) return [];
      const lock = statement.locks[0];
      const target = reindex.relation?.relname ?? reindex.name ?? "";
      const what = reindex.kind === "REINDEX_OBJECT_INDEX" ? "INDEX" : reindex.kind === "REINDEX_OBJECT_TABLE" ? "TABLE" : reindex.kind?.replace("REINDEX_OBJECT_", "") ?? "TABLE";
      return [
        hit(statement, {
          table: lock?.table,
          lock: lock?.lock ?? "SHARE",
          message: `REINDEX rebuilds under ${lock?.lock ?? "SHARE"}: writes${what === "INDEX" ? " and reads that use the index" : ""} block until every affected index is rebuilt.`,
          safeSql: `-- run outside a transaction\nREINDEX ${what} CONCURRENTLY ${ident(target)};`,
        }),
      ];
    });
  },
};
