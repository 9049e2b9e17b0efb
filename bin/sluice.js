#!/usr/bin/env node
// The installed `sluice` command. Runs the prebuilt bundle (scripts/build-cli.js, built on
// postinstall) when it is newer than every source file it was built from; otherwise registers tsx
// and runs the TypeScript directly, so someone editing the CLI never runs a stale bundle.
const { readFileSync, statSync } = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const bundle = path.join(root, ".sluice", "cli", "sluice.cjs");

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
  require("tsx/cjs");
  require("./sluice.ts");
}
