#!/usr/bin/env node
// The installed `sluice` command. Runs the prebuilt bundle (scripts/build-cli.js, built on
// postinstall) when it is newer than every source file it was built from; otherwise runs the
// TypeScript directly through tsx, so someone editing the CLI never runs a stale bundle.
const { readFileSync, statSync } = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
// `sluice lint` has a bundle of its own that leaves out the engine and the database driver.
const bundle = path.join(root, ".sluice", "cli", process.argv[2] === "lint" ? "sluice-lint.cjs" : "sluice.cjs");

function freshBundle() {
  try {
    const builtAt = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(path.join(root, ".sluice", "cli", "inputs.json"), "utf8"));
    for (const input of inputs) if (statSync(path.join(root, input)).mtimeMs > builtAt) return false;
    return true;
  } catch {
    // No bundle, or a source it was built from is gone (renamed, deleted).
    return false;
  }
}

if (process.env.SLUICE_CLI_NO_BUNDLE !== "1" && freshBundle()) {
  require(bundle);
} else {
  // The TypeScript through tsx's loader for both module systems: the commands that open the
  // Prisma client load it with import(), which tsx's CommonJS hook alone does not resolve.
  const { spawn } = require("node:child_process");
  // tsx by absolute URL: a bare "tsx" would be resolved from the caller's working directory.
  const tsx = require("node:url").pathToFileURL(require.resolve("tsx")).href;
  const child = spawn(process.execPath, ["--import", tsx, path.join(__dirname, "sluice.ts"), ...process.argv.slice(2)], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
