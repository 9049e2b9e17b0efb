import { nodeAs, stringValue } from "../ast";
import type { Rule, RuleHit } from "../types";
import { hit, ident } from "./support";

export const enumValueChange: Rule = {
  id: "enum-value-change",
  title: "Enum value renamed or removed",
  category: "compatibility",
  defaultSeverity: "high",
  sizedByTable: false,
  description:
    "Renaming an enum value breaks running code that still sends the old label. PostgreSQL cannot drop a value, so Prisma removes one by renaming the type to *_old, creating a new type and converting every column that uses it: each conversion rewrites its table under ACCESS EXCLUSIVE and fails if a row still holds the removed value. Add the new value, migrate rows in batches, and remove the old one in a later release.",
  badSql: "ALTER TYPE \"Role\" RENAME VALUE 'ADMIN' TO 'OWNER';",
  goodSql: "ALTER TYPE \"Role\" ADD VALUE IF NOT EXISTS 'OWNER';",
  squawk: [],
  strongMigrations: [],
  statementKinds: ["AlterEnumStmt", "RenameStmt"],
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of ctx.statements) {
      const alterEnum = nodeAs(statement.node, "AlterEnumStmt");
      const enumName = stringValue(alterEnum?.typeName?.[alterEnum.typeName.length - 1]);
      if (alterEnum?.oldVal && enumName) {
        hits.push(
          hit(statement, {
            message: `Renaming value '${alterEnum.oldVal}' of enum ${enumName} to '${alterEnum.newVal}' makes the running application's writes of '${alterEnum.oldVal}' fail until it is redeployed.`,
            safeSql: `ALTER TYPE ${ident(enumName)} ADD VALUE IF NOT EXISTS '${alterEnum.newVal}';\n-- migrate rows from '${alterEnum.oldVal}' in batches, deploy, remove the old value later`,
          }),
        );
      }
      const rename = nodeAs(statement.node, "RenameStmt");
      const renamedType = rename?.renameType === "OBJECT_TYPE" ? nodeAs(rename.object, "List")?.items?.map(stringValue).pop() : undefined;
      if (renamedType && rename?.newname === `${renamedType}_old`) {
        hits.push(
          hit(statement, {
            message: `Enum ${renamedType} is being replaced (renamed to ${rename.newname} and recreated), which is how a value is removed: every column using it is rewritten under ACCESS EXCLUSIVE, the cast fails if a row still holds a removed value, and running code sending that value breaks.`,
            safeSql: `-- 1. stop writing the value and migrate rows away from it, in batches\n-- 2. deploy\n-- 3. then replace the type in a later migration, with lock_timeout set`,
          }),
        );
      }
    }
    return hits;
  },
};
