#!/usr/bin/env node
// The installed `sluice` command: registers tsx so the TypeScript CLI runs without a build step.
require("tsx/cjs");
require("./sluice.ts");
