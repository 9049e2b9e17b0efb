// Runs `prisma generate`. The schema engine binary cannot be downloaded here and
// generate does not need it, but Prisma looks for one: point it at any existing file.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

const prismaBin = path.join(__dirname, "..", "node_modules", ".bin", "prisma");
execFileSync(prismaBin, ["generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/usr/bin/true", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
