// Regenerates docs/lint-rules.md from the lint rules' metadata; lib/lint/docs.test.ts fails when it is stale.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderLintRulesDoc } from "../lib/lint/docs";

const target = path.resolve(__dirname, "../docs/lint-rules.md");
writeFileSync(target, renderLintRulesDoc());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
