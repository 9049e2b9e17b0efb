// npm run bench:lint — lints a generated corpus of Prisma migrations with Sluice and with squawk,
// compares wall time and findings, and writes the results into docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RULES } from "../../lib/lint/rules";
import { generateCorpus } from "./corpus";

const ROOT = path.resolve(__dirname, "../..");
const WORK = path.join(ROOT, "bench/.work/lint");
const MIGRATIONS = 1200;
const RUNS = 15;
const SQUAWK = path.join(ROOT, "node_modules/.bin/squawk");
const SLUICE = path.join(ROOT, "bin/sluice.js");
const DOC = path.join(ROOT, "docs/benchmarks.md");
const START = "<!-- lint-bench:start -->";
const END = "<!-- lint-bench:end -->";

type Hit = { file: string; rule: string; line: number };
/** A Sluice finding with the lines of the statement it is about. */
type Span = { file: string; rule: string; from: number; to: number };

type Timing = { ms: number; best: number; runs: number[]; stdout: string };

/**
 * Runs both tools RUNS times, alternating, so that whatever else the machine is doing weighs on
 * both alike; reports each tool's median and best run.
 */
function timedPair(a: [string, string[]], b: [string, string[]]): [Timing, Timing] {
  const runs: [number[], number[]] = [[], []];
  const stdout = ["", ""];
  for (let i = 0; i < RUNS; i++) {
    for (const [k, [command, args]] of [a, b].entries()) {
      const start = process.hrtime.bigint();
      const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 });
      runs[k].push(Number(process.hrtime.bigint() - start) / 1e6);
      if (result.error) throw result.error;
      stdout[k] = result.stdout;
    }
  }
  const timing = (k: 0 | 1): Timing => {
    const sorted = [...runs[k]].sort((x, y) => x - y);
    return { ms: sorted[Math.floor(RUNS / 2)], best: sorted[0], runs: runs[k], stdout: stdout[k] };
  };
  return [timing(0), timing(1)];
}

function countBy(hits: { rule: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(h.rule, (counts.get(h.rule) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}

async function main() {
  // Measure the CLI as installed: postinstall builds this bundle; a stale one would fall back to tsx.
  const { buildCli } = (await import("../../scripts/build-cli.js")) as { buildCli: () => Promise<unknown> };
  await buildCli();
  const dir = generateCorpus(WORK, MIGRATIONS);
  const files = spawnSync("sh", ["-c", `ls ${dir}/*/migration.sql | wc -l`], { encoding: "utf8" }).stdout.trim();
  const statements = spawnSync("sh", ["-c", `cat ${dir}/*/migration.sql | grep -c ';$'`], { encoding: "utf8" }).stdout.trim();

  // One migration (what a pre-commit hook or a request page lints): start-up dominates.
  const first = spawnSync("sh", ["-c", `ls -d ${dir}/*/ | sed -n 2p`], { encoding: "utf8" }).stdout.trim();
  const [squawkOne, sluiceOne] = timedPair([SQUAWK, ["--reporter", "json", path.join(first, "migration.sql")]], [process.execPath, [SLUICE, "lint", first, "--format", "json", "--fail-on", "critical"]]);
  const [squawk, sluice] = timedPair([SQUAWK, ["--reporter", "json", `${dir}/*/migration.sql`]], [process.execPath, [SLUICE, "lint", dir, "--format", "json", "--fail-on", "critical"]]);
  // squawk's lines are 0-based, Sluice's 1-based.
  const squawkHits: Hit[] = (JSON.parse(squawk.stdout) as { file: string; rule_name: string; line: number }[]).map((v) => ({ file: path.resolve(ROOT, v.file), rule: v.rule_name, line: v.line + 1 }));

  const reports = (JSON.parse(sluice.stdout) as { files: { file: string; report: { findings: { file: string; ruleId: string; statementLine: number; statement: string }[] } }[] }).files;
  const sluiceHits: Span[] = reports.flatMap((f) =>
    f.report.findings.map((x) => ({ file: path.resolve(ROOT, x.file), rule: x.ruleId, from: x.statementLine, to: x.statementLine + x.statement.split("\n").length - 1 })),
  );
  const flaggedStatement = (h: Hit) => sluiceHits.some((x) => x.file === h.file && x.from <= h.line && h.line <= x.to);

  // Coverage: every squawk finding in a file must have a Sluice finding of a mapped rule in that file.
  const ourRulesFor = new Map<string, string[]>();
  for (const rule of RULES) for (const id of rule.squawk) ourRulesFor.set(id, [...(ourRulesFor.get(id) ?? []), rule.id]);
  const sluiceByFile = new Map<string, Set<string>>();
  for (const h of sluiceHits) sluiceByFile.set(h.file, (sluiceByFile.get(h.file) ?? new Set()).add(h.rule));
  const coverage = new Map<string, { mapped: string[]; found: number; covered: number; statementFlagged: number }>();
  const missed: string[] = [];
  for (const h of squawkHits) {
    const mapped = ourRulesFor.get(h.rule) ?? [];
    const entry = coverage.get(h.rule) ?? { mapped, found: 0, covered: 0, statementFlagged: 0 };
    entry.found++;
    if (mapped.some((id) => sluiceByFile.get(h.file)?.has(id))) entry.covered++;
    if (flaggedStatement(h)) entry.statementFlagged++;
    else missed.push(`${h.rule}\t${path.relative(ROOT, h.file)}:${h.line}`);
    coverage.set(h.rule, entry);
  }
  // For reading, not for the doc: every squawk finding on a statement Sluice says nothing about.
  writeFileSync(path.join(WORK, "missed-by-sluice.tsv"), missed.join("\n") + "\n");

  const ratio = sluice.ms / squawk.ms;
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  const date = new Date().toISOString().slice(0, 10);
  const rows = (counts: Map<string, number>) => [...counts].map(([rule, n]) => `| \`${rule}\` | ${n} |`).join("\n");
  const section = [
    START,
    "## Lint: Sluice vs squawk",
    "",
    `Run ${date} with \`npm run bench:lint\` on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, squawk-cli 2.66. Corpus: ${files} generated Prisma migration directories (${statements} statements; shapes Prisma Migrate emits plus hand-written edits; deterministic seed), in bench/.work (not committed). Wall time of the whole CLI process as a user runs it (\`node_modules/.bin/squawk\`, \`bin/sluice.js lint\`), including Node start-up and, for Sluice, loading the WebAssembly parser; ${RUNS} runs of each tool, alternating, median and best. No result is cached between runs and every rule runs. Load average at the end (1 / 5 / 15 min): ${load}; the machine is shared, so the ratio is the figure that matters.`,
    "",
    "| | median | best | runs (ms) | findings |",
    "|---|---:|---:|---|---:|",
    `| squawk (\`--reporter json\`), ${files} migrations | ${squawk.ms.toFixed(0)} ms | ${squawk.best.toFixed(0)} ms | ${squawk.runs.map((r) => r.toFixed(0)).join(", ")} | ${squawkHits.length} |`,
    `| Sluice (\`sluice lint --format json\`), ${files} migrations | ${sluice.ms.toFixed(0)} ms | ${sluice.best.toFixed(0)} ms | ${sluice.runs.map((r) => r.toFixed(0)).join(", ")} | ${sluiceHits.length} |`,
    `| squawk, one migration | ${squawkOne.ms.toFixed(0)} ms | ${squawkOne.best.toFixed(0)} ms | ${squawkOne.runs.map((r) => r.toFixed(0)).join(", ")} | |`,
    `| Sluice, one migration | ${sluiceOne.ms.toFixed(0)} ms | ${sluiceOne.best.toFixed(0)} ms | ${sluiceOne.runs.map((r) => r.toFixed(0)).join(", ")} | |`,
    "",
    `On the corpus Sluice takes **${ratio.toFixed(2)}×** squawk's time by median (${(sluice.best / squawk.best).toFixed(2)}× best against best; target: within 3×); on one migration ${(sluiceOne.ms / squawkOne.ms).toFixed(2)}×. Sluice does more per file: it replays earlier migrations to know existing tables and column types, and runs ${RULES.length} rules. Where the time goes and what was done about it: [Lint speed](#lint-speed) below.`,
    "",
    "### Coverage of squawk's findings",
    "",
    "Two measures per squawk rule: *same rule* counts squawk findings for which Sluice reports a mapped rule (each rule's `squawk` metadata, see docs/lint-rules.md) in the same file; *statement flagged* counts those where Sluice reports anything at all on the statement squawk points at, which is what a reviewer sees.",
    "",
    "| squawk rule | squawk findings | Sluice rule(s) | same rule | statement flagged |",
    "|---|---:|---|---:|---:|",
    ...[...coverage].map(([rule, c]) => `| \`${rule}\` | ${c.found} | ${c.mapped.map((m) => `\`${m}\``).join(", ") || "none"} | ${c.mapped.length ? `${c.covered}/${c.found}` : "—"} | ${c.statementFlagged}/${c.found} |`),
    "",
    "Where Sluice differs, and why:",
    "",
    "- `prefer-robust-stmts`: squawk asks for `IF NOT EXISTS` / `IF EXISTS` everywhere unless the file has its own `BEGIN`. A Prisma migration is one implicit transaction (nothing of it commits unless all of it does), so re-running it is always safe; Sluice's `partial-apply-not-rerunnable` reports it only where a file can fail half-applied (CONCURRENTLY statements, several `BEGIN … COMMIT` blocks), and where a `CREATE INDEX CONCURRENTLY` is not preceded by `DROP INDEX … IF EXISTS` (a failed build leaves an INVALID index, which `IF NOT EXISTS` would silently keep) — once per file, at the first such statement, naming the others' lines, so *statement flagged* counts only the first.",
    "- `require-statement-timeout`: no rule of its own. Sluice names the statements that hold a lock for long (rewrites, validation scans, non-concurrent index builds) and the safe form of each; a blanket `statement_timeout` would also cut legitimately long non-blocking work such as `CREATE INDEX CONCURRENTLY`. The deploy engine sets one when asked (`--statement-timeout`). The column *statement flagged* shows most of these statements carry another Sluice finding.",
    "- `require-enum-value-ordering` (ADD VALUE without BEFORE/AFTER): no rule. Appending a value takes no table lock and breaks nothing; the order is a modelling choice.",
    "- `prefer-bigint-over-int` / `prefer-identity`: Sluice's `prefer-bigint-primary-key` flags 32-bit *primary keys* only; in this corpus squawk's findings are `ADD COLUMN … SERIAL` on existing tables, which Sluice reports as `add-column-rewrite` (a table rewrite under ACCESS EXCLUSIVE) — every one of those statements is flagged.",
    "- `require-concurrent-index-creation`, `constraint-missing-not-valid`, `adding-foreign-key-constraint`: squawk also flags indexes and constraints on tables created in the same file; Sluice deliberately does not: nobody else can read or write a table until the transaction that creates it commits, so building its index or validating its foreign key blocks no one. The foreign key's lock on the *referenced* (existing) table is reported by `missing-lock-timeout`.",
    "- `require-lock-timeout`: Sluice reports the first blocking statement per file, where a `SET lock_timeout` would go; the files it leaves out are those whose only locks are on tables or types created in the file.",
    "",
    "### Findings per rule",
    "",
    "| squawk rule | findings |",
    "|---|---|",
    rows(countBy(squawkHits)),
    "",
    "| Sluice rule | findings |",
    "|---|---|",
    rows(countBy(sluiceHits)),
    END,
  ].join("\n");

  const doc = existsSync(DOC) ? readFileSync(DOC, "utf8") : "# Benchmarks\n";
  const next = doc.includes(START) ? doc.slice(0, doc.indexOf(START)) + section + doc.slice(doc.indexOf(END) + END.length) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, next);
  console.log(`squawk ${squawk.ms.toFixed(0)} ms, ${squawkHits.length} findings; sluice ${sluice.ms.toFixed(0)} ms, ${sluiceHits.length} findings (${ratio.toFixed(2)}×)`);
  for (const [rule, c] of coverage) console.log(`  ${rule}: ${c.covered}/${c.found} covered by ${c.mapped.join(", ") || "none"}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
