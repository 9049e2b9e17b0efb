import type { Node } from "libpg-query";
import { nodeAs } from "../ast";
import type { StatementInfo } from "../context";
import { droppedNames } from "../locks";
import type { Rule, RuleHit } from "../types";
import { hit, ident, transactions } from "./support";

const RULE_DESCRIPTION =
  "A migration is re-run from its first statement after a failure (`sluice migrate resolve --rolled-back`, then deploy again, as with Prisma). That is safe when the file is one transaction: nothing of it was committed. A file that commits in several steps (statements PostgreSQL refuses in a transaction such as CREATE INDEX CONCURRENTLY, which Sluice runs one statement at a time, or its own BEGIN … COMMIT blocks) can fail half-applied, and then every statement that already committed runs again: CREATE without IF NOT EXISTS, DROP without IF EXISTS, ADD CONSTRAINT, RENAME fail with \"already exists\" or \"does not exist\" and the deploy is stuck until someone repairs the database by hand. A failed CREATE INDEX CONCURRENTLY is worse: it leaves an INVALID index of that name behind (never used by queries, still maintained on every write), so the retry fails, and IF NOT EXISTS would silently keep the broken index. Write the statements so they can run twice, and drop a half-built concurrent index before building it.";

/** Why re-running this already committed statement fails, or undefined when running it twice is harmless. */
function rerunFailure(node: Node): string | undefined {
  const create = nodeAs(node, "CreateStmt");
  if (create) return create.if_not_exists ? undefined : `CREATE TABLE "${create.relation?.relname}" fails: it already exists`;
  const index = nodeAs(node, "IndexStmt");
  if (index) return index.if_not_exists ? undefined : `CREATE INDEX "${index.idxname}" fails: it already exists`;
  if ("CreateEnumStmt" in node) return "CREATE TYPE fails: the type already exists";
  const sequence = nodeAs(node, "CreateSeqStmt");
  if (sequence) return sequence.if_not_exists ? undefined : "CREATE SEQUENCE fails: it already exists";
  const schema = nodeAs(node, "CreateSchemaStmt");
  if (schema) return schema.if_not_exists ? undefined : "CREATE SCHEMA fails: it already exists";
  const view = nodeAs(node, "ViewStmt");
  if (view) return view.replace ? undefined : "CREATE VIEW fails: it already exists (CREATE OR REPLACE VIEW does not)";
  const fn = nodeAs(node, "CreateFunctionStmt");
  if (fn) return fn.replace ? undefined : "CREATE FUNCTION fails: it already exists (CREATE OR REPLACE does not)";
  const trigger = nodeAs(node, "CreateTrigStmt");
  if (trigger) return trigger.replace ? undefined : `CREATE TRIGGER "${trigger.trigname}" fails: it already exists`;
  if ("CreatePolicyStmt" in node) return "CREATE POLICY fails: the policy already exists";
  const drop = nodeAs(node, "DropStmt");
  if (drop) return drop.missing_ok ? undefined : "DROP fails: the object is already gone";
  if ("RenameStmt" in node) return "RENAME fails: the old name is already gone";
  const alterEnum = nodeAs(node, "AlterEnumStmt");
  if (alterEnum?.newVal && !alterEnum.oldVal) return alterEnum.skipIfNewValExists ? undefined : `ADD VALUE '${alterEnum.newVal}' fails: the value already exists`;
  const alter = nodeAs(node, "AlterTableStmt");
  for (const c of alter?.cmds ?? []) {
    const cmd = nodeAs(c, "AlterTableCmd");
    if (cmd?.subtype === "AT_AddColumn" && !cmd.missing_ok) return "ADD COLUMN fails: the column already exists";
    if (cmd?.subtype === "AT_DropColumn" && !cmd.missing_ok) return `DROP COLUMN "${cmd.name}" fails: it is already gone`;
    if (cmd?.subtype === "AT_AddConstraint") return "ADD CONSTRAINT fails: the constraint already exists";
    if (cmd?.subtype === "AT_DropConstraint" && !cmd.missing_ok) return `DROP CONSTRAINT "${cmd.name}" fails: it is already gone`;
  }
  return undefined;
}

const ROBUST_FORM =
  "-- each statement safe to run twice, e.g.:\nCREATE TABLE IF NOT EXISTS …;\nCREATE INDEX IF NOT EXISTS …;\nALTER TABLE … ADD COLUMN IF NOT EXISTS …;\nDROP … IF EXISTS …;\nALTER TYPE … ADD VALUE IF NOT EXISTS …;\n-- ADD CONSTRAINT has no IF NOT EXISTS: DROP CONSTRAINT IF EXISTS first, or keep it in the last step";

/** Commit units in file order: each explicit or implicit transaction, and each statement committing alone. */
function commitUnits(statements: readonly StatementInfo[], groups: readonly (readonly StatementInfo[])[]): (readonly StatementInfo[])[] {
  const groupOf = new Map<number, readonly StatementInfo[]>();
  for (const group of groups) for (const s of group) groupOf.set(s.index, group);
  const units: (readonly StatementInfo[])[] = [];
  for (const s of statements) {
    const group = groupOf.get(s.index);
    if (!group) units.push([s]);
    else if (group[0] === s) units.push(group);
  }
  return units;
}

/** DROP INDEX … IF EXISTS of `name` earlier in the file: a half-built index from a failed run is cleared first. */
function dropsIndexFirst(statements: readonly StatementInfo[], before: number, name: string): boolean {
  return statements.some((s) => {
    const drop = nodeAs(s.node, "DropStmt");
    return s.index < before && drop?.removeType === "OBJECT_INDEX" && drop.missing_ok && droppedNames(drop).includes(name);
  });
}

export const partialApplyNotRerunnable: Rule = {
  id: "partial-apply-not-rerunnable",
  title: "Migration that can fail half-applied and then cannot be re-run",
  category: "process",
  defaultSeverity: "medium",
  sizedByTable: false,
  description: RULE_DESCRIPTION,
  badSql: 'CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order" ("customerId");',
  goodSql: '-- clears an INVALID index left by a failed earlier run (Sluice runs these one at a time)\nDROP INDEX CONCURRENTLY IF EXISTS "Order_customerId_idx";\nCREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order" ("customerId");',
  squawk: ["prefer-robust-stmts"],
  strongMigrations: [],
  check(ctx) {
    // One implicit transaction (what Prisma generates, and most files): nothing to re-run.
    if (!ctx.statements.some((s) => s.nonTransactional || s.inExplicitTransaction)) return [];
    const hits: RuleHit[] = [];
    const unguardedBuilds = ctx.statements.flatMap((statement) => {
      const index = nodeAs(statement.node, "IndexStmt");
      return index?.concurrent && index.idxname && !dropsIndexFirst(ctx.statements, statement.index, index.idxname) ? [{ statement, index, name: index.idxname }] : [];
    });
    // One finding per file, at the first build: the fix is the same for each.
    const [build, ...otherBuilds] = unguardedBuilds;
    if (build) {
      const alsoAt = otherBuilds.length ? ` The same holds for ${otherBuilds.length} more CONCURRENTLY build${otherBuilds.length > 1 ? "s" : ""} here (line${otherBuilds.length > 1 ? "s" : ""} ${otherBuilds.map((b) => b.statement.line).join(", ")}).` : "";
      const drops = unguardedBuilds.map((b) => `DROP INDEX CONCURRENTLY IF EXISTS ${ident(b.name)};`);
      hits.push(
        hit(build.statement, {
          table: build.index.relation?.relname,
          // A note about the retry, not a danger to traffic: the build itself is the safe way to add an index.
          severity: "low",
          message: `Building the index CONCURRENTLY is the safe way; this note is only about a retry. If the build fails (deadlock, lock_timeout, a duplicate value for a unique index, a cancelled deploy), PostgreSQL leaves an INVALID index "${build.name}" behind: queries never use it but every write still maintains it, and the retry fails with "already exists" (IF NOT EXISTS would silently keep the broken index). Should that happen, run \`${drops[0]}\` on the target, then \`sluice migrate resolve --rolled-back <migration>\` and deploy again — or put the DROP before the build so the retry clears it by itself.${alsoAt}`,
          safeSql: [
            "-- before each build, clear what a failed earlier run left:",
            ...drops,
            otherBuilds.length ? "-- then the CREATE INDEX CONCURRENTLY statements, each after its DROP, e.g.:" : "",
            `${build.statement.text}${build.statement.text.endsWith(";") ? "" : ";"}`,
          ]
            .filter(Boolean)
            .join("\n"),
        }),
      );
    }
    const units = commitUnits(ctx.statements, transactions(ctx));
    // Only what committed before the failing step runs twice: the last step never has.
    const rerunFailures = units.slice(0, -1).flatMap((unit) =>
      unit.flatMap((statement) => {
        if (nodeAs(statement.node, "IndexStmt")?.concurrent) return [];
        const failure = rerunFailure(statement.node);
        return failure ? [{ statement, failure }] : [];
      }),
    );
    // One finding per file, at the first such statement: the fix is the same for all of them.
    const [first, ...others] = rerunFailures;
    if (first) {
      const alsoAt = others.length ? ` So would ${others.length} more statement${others.length > 1 ? "s" : ""} here (line${others.length > 1 ? "s" : ""} ${others.map((o) => o.statement.line).join(", ")}).` : "";
      hits.push(
        hit(first.statement, {
          message: `This file commits in ${units.length} steps, so a failure in a later step leaves this statement applied; the re-run after \`migrate resolve --rolled-back\` starts from the top and ${first.failure}.${alsoAt} The deploy stays stuck until the database is repaired by hand.`,
          safeSql: ROBUST_FORM,
        }),
      );
    }
    return hits;
  },
};
