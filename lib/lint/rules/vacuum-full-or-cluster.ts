import { isVacuumFull } from "../locks";
import type { Rule } from "../types";
import { hit } from "./support";

export const vacuumFullOrCluster: Rule = {
  id: "vacuum-full-or-cluster",
  title: "VACUUM FULL or CLUSTER",
  category: "locking",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "VACUUM FULL and CLUSTER copy the whole table and rebuild its indexes under ACCESS EXCLUSIVE: the table is unreadable for the duration, and twice its size must be free on disk. Use pg_repack (or pg_squeeze) to reclaim space online, or rely on regular VACUUM.",
  badSql: 'VACUUM FULL "Event";',
  goodSql: 'VACUUM (ANALYZE) "Event";\n-- to reclaim disk space online: pg_repack --table=\'"Event"\'',
  squawk: [],
  strongMigrations: [],
  statementKinds: ["VacuumStmt", "ClusterStmt"],
  check(ctx) {
    return ctx.statements
      .filter((s) => isVacuumFull(s.node) || s.kind === "ClusterStmt")
      .map((statement) => {
        const table = statement.locks[0]?.table;
        const what = statement.kind === "ClusterStmt" ? "CLUSTER" : "VACUUM FULL";
        return hit(statement, {
          table,
          lock: "ACCESS EXCLUSIVE",
          message: `${what} rewrites ${table ? `"${table}"` : "every table it is given"} under ACCESS EXCLUSIVE: reads and writes block until the copy and all index rebuilds end.`,
          safeSql: `-- reclaim space without blocking (extension pg_repack):\n-- pg_repack --table=${table ?? "<table>"}${what === "CLUSTER" ? " --order-by=<columns>" : ""}\nVACUUM (ANALYZE)${table ? ` "${table}"` : ""};`,
        });
      });
  },
};
