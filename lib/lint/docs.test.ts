import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { renderLintRulesDoc } from "./docs";
import { RULES } from "./rules";

it("docs/lint-rules.md is up to date with the rules (run `npm run docs:lint`)", () => {
  const committed = readFileSync(path.resolve(__dirname, "../../docs/lint-rules.md"), "utf8");
  expect(committed).toBe(renderLintRulesDoc());
  for (const rule of RULES) expect(committed).toContain(`### \`${rule.id}\``);
});
