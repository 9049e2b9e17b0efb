import type { Rule } from "../types";
import { hit } from "./support";

export const missingDownMigration: Rule = {
  id: "missing-down-migration",
  title: "Migration without down.sql",
  category: "process",
  defaultSeverity: "low",
  sizedByTable: false,
  description:
    "Without a down.sql next to migration.sql there is no rehearsed way back: a bad deploy is fixed forward under pressure. Write the inverse migration (and have it reviewed) while the change is fresh. Reported only for migration directories.",
  badSql: "-- migrations/20250101000000_add_nickname/ with migration.sql only\nALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT;",
  goodSql: '-- migrations/20250101000000_add_nickname/down.sql\nALTER TABLE "User" DROP COLUMN "nickname";',
  squawk: [],
  strongMigrations: [],
  check(ctx) {
    const first = ctx.statements[0];
    if (!ctx.migration || ctx.migration.downStatements || !first) return [];
    return [
      hit(first, {
        message: "This migration has no down.sql: rolling it back means writing and running untested SQL during an incident.",
        safeSql: "-- down.sql next to migration.sql, undoing each statement in reverse order, e.g.\nDROP TABLE IF EXISTS <created table>;\nALTER TABLE <table> DROP COLUMN IF EXISTS <added column>;",
      }),
    ];
  },
};
