import { readFileSync } from "node:fs";
import { z } from "zod";
import { SEVERITIES } from "./types";

const ZSeverity = z.enum(SEVERITIES);

/** A rule is switched "off", "on" (default severity) or given a severity. */
const ZRuleSetting = z.union([z.literal("off"), z.literal("on"), ZSeverity]);

export const ZLintConfig = z
  .object({
    rules: z.record(z.string(), ZRuleSetting).default({}),
    tenantKey: z.string().min(1).default("organizationId"),
    /**
     * Row counts that size lock and rewrite findings on a real target: below `small` a finding
     * is info (nobody waits on an empty table), from `large` at least high, from `huge` critical.
     */
    rowThresholds: z
      .object({
        small: z.number().int().nonnegative().default(10_000),
        large: z.number().int().positive().default(1_000_000),
        huge: z.number().int().positive().default(10_000_000),
      })
      .strict()
      .refine((t) => t.small < t.large && t.large < t.huge, "rowThresholds must satisfy small < large < huge")
      .default({ small: 10_000, large: 1_000_000, huge: 10_000_000 }),
    /** An UPDATE/DELETE without batching on a table above this many rows is flagged. */
    dataChangeRowLimit: z.number().int().positive().default(100_000),
  })
  .strict();

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
