import { readFileSync } from "node:fs";
// zod/mini: the same validation as zod's chained API, without the half-megabyte the `sluice lint`
// bundle would otherwise parse on every start (~25 ms).
import * as z from "zod/mini";
import { en } from "zod/locales";
import { SEVERITIES } from "./types";

// zod/mini leaves the messages out until a locale is configured ("Invalid input" otherwise).
z.config(en());

/** A rule is switched "off", "on" (default severity) or given a severity. */
const ZRuleSetting = z.enum(["off", "on", ...SEVERITIES]);

const DEFAULT_ROW_THRESHOLDS = { small: 10_000, large: 1_000_000, huge: 10_000_000 };

export const ZLintConfig = z.strictObject({
  rules: z._default(z.record(z.string(), ZRuleSetting), {}),
  tenantKey: z._default(z.string().check(z.minLength(1)), "organizationId"),
  /**
   * Row counts that size lock and rewrite findings on a real target: below `small` a finding
   * is info (nobody waits on an empty table), from `large` at least high, from `huge` critical.
   */
  rowThresholds: z._default(
    z
      .strictObject({
        small: z._default(z.int().check(z.nonnegative()), DEFAULT_ROW_THRESHOLDS.small),
        large: z._default(z.int().check(z.positive()), DEFAULT_ROW_THRESHOLDS.large),
        huge: z._default(z.int().check(z.positive()), DEFAULT_ROW_THRESHOLDS.huge),
      })
      .check(z.refine((t) => t.small < t.large && t.large < t.huge, "rowThresholds must satisfy small < large < huge")),
    DEFAULT_ROW_THRESHOLDS,
  ),
  /** An UPDATE/DELETE without batching on a table above this many rows is flagged. */
  dataChangeRowLimit: z._default(z.int().check(z.positive()), 100_000),
});

export type LintConfig = z.infer<typeof ZLintConfig>;
export type LintConfigInput = z.input<typeof ZLintConfig>;

export class LintConfigError extends Error {}

/** Validates a config object; unknown rule ids are errors so typos do not silently disable nothing. */
export function parseLintConfig(input: unknown, knownRuleIds: readonly string[], source = "config"): LintConfig {
  const result = ZLintConfig.safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
    throw new LintConfigError(`Invalid lint configuration in ${source}:\n${problems}`);
  }
  const unknown = Object.keys(result.data.rules).filter((id) => !knownRuleIds.includes(id));
  if (unknown.length > 0) {
    throw new LintConfigError(`Invalid lint configuration in ${source}: unknown rule id(s) ${unknown.join(", ")}`);
  }
  return result.data;
}

/** Reads the `lint` section of sluice.config.json (or the whole file when it has no such section). */
export function readLintConfigFile(path: string, knownRuleIds: readonly string[]): LintConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new LintConfigError(`Cannot read lint configuration ${path}: ${(error as Error).message}`);
  }
  const section = raw && typeof raw === "object" && "lint" in raw ? (raw as { lint: unknown }).lint : raw;
  return parseLintConfig(section, knownRuleIds, path);
}
