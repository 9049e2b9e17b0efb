// `npm test` runs the integration suite twice: on the embedded PostgreSQL 18 (vitest's global
// setup) and, here, on the machine's own server (PostgreSQL 15 on 127.0.0.1:5432 on the CI
// machine), so behaviour that differs between versions is caught. No server there: skipped, said.
const { spawnSync } = require("node:child_process");
const pg = require("pg");

const serverUrl = process.env.SLUICE_LOCAL_TEST_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432";

async function main() {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres`, connectionTimeoutMillis: 2000 });
  let version;
  try {
    await client.connect();
    version = (await client.query("SHOW server_version")).rows[0].server_version;
    await client.end();
  } catch (error) {
    console.log(`[test] no PostgreSQL answers at ${serverUrl} (${error.message}): the second integration pass is skipped`);
    return 0;
  }
  console.log(`[test] integration tests again on PostgreSQL ${version} at ${serverUrl}`);
  const vitest = require("node:path").join(__dirname, "..", "node_modules", ".bin", "vitest");
  const run = spawnSync(vitest, ["run"], {
    stdio: "inherit",
    env: { ...process.env, SLUICE_TEST_SERVER_URL: serverUrl },
  });
  return run.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
