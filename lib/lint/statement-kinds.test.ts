import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateCorpus } from "../../bench/lint/corpus";
import { parseLintConfig } from "./config";
import { buildContext } from "./context";
import { loadParser, parseSql } from "./parse";
import { RULE_IDS, RULES } from "./rules";
import { SchemaModel } from "./schema";

/**
 * The linter skips a rule on a file without any of its `statementKinds`. This runs every rule
 * unfiltered over a corpus (rule examples, the demo's and the control plane's own migrations,
 * the benchmark's generated migrations) and fails if a rule reports on a file whose statements
 * are none of the kinds it declares: the skip would have lost that finding.
 */
const ROOT = path.resolve(__dirname, "../..");
let corpusDir: string;

beforeAll(async () => {
  await loadParser();
  corpusDir = mkdtempSync(path.join(tmpdir(), "sluice-kinds-"));
  generateCorpus(corpusDir, 400);
});
afterAll(() => rmSync(corpusDir, { recursive: true, force: true }));

/** Each history as [migration SQL, down SQL] in apply order. */
function histories(): { name: string; files: { sql: string; downSql?: string }[] }[] {
  const fromDir = (dir: string) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
      .map((e) => e.name)
      .sort()
      .map((name) => {
        const down = path.join(dir, name, "down.sql");
        return { sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8"), downSql: existsSync(down) ? readFileSync(down, "utf8") : undefined };
      });
  const examples = RULES.flatMap((rule) => [rule.badSql, rule.goodSql].map((sql) => ({ name: `${rule.id} example`, files: [...(rule.exampleSetup ? [{ sql: rule.exampleSetup }] : []), { sql }] })));
  return [
    ...examples,
    { name: "demo/riscura", files: fromDir(path.join(ROOT, "demo/riscura/migrations")) },
    { name: "prisma", files: fromDir(path.join(ROOT, "prisma/migrations")) },
    { name: "bench corpus", files: fromDir(path.join(corpusDir, "migrations")) },
  ];
}

it("no rule reports on a file without one of its declared statement kinds", () => {
  const config = parseLintConfig({}, RULE_IDS);
  // Sized findings (unbatched data changes) need row counts: every table is "large" here.
  const stats = new Proxy({}, { get: () => ({ reltuples: 50_000_000 }), has: () => true });
  const fired = new Set<string>();
  const violations: string[] = [];
  for (const history of histories()) {
    const schema = SchemaModel.fromStats(undefined);
    for (const file of history.files) {
      const statements = parseSql(file.sql).statements;
      const ctx = buildContext({ file: history.name, statements, config, baseSchema: schema, stats, migration: { downStatements: file.downSql ? parseSql(file.downSql).statements : undefined } });
      for (const rule of RULES) {
        if (!rule.statementKinds || rule.check(ctx).length === 0) continue;
        fired.add(rule.id);
        if (!rule.statementKinds.some((kind) => ctx.kinds.has(kind))) violations.push(`${rule.id} on ${history.name}: kinds ${[...ctx.kinds].join(", ")}`);
      }
    }
  }
  expect(violations).toEqual([]);
  // The check means something only for rules the corpus makes report.
  const declared = RULES.filter((r) => r.statementKinds).map((r) => r.id);
  expect(declared.filter((id) => !fired.has(id))).toEqual([]);
});
