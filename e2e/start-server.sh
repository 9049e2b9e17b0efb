#!/usr/bin/env bash
# Starts the e2e instance from scratch: fresh data directory, its own ports.
# Usage: e2e/start-server.sh <data dir> <web port> <postgres port>
set -euo pipefail
data_dir="$1" port="$2" pg_port="$3"

# Another run still owns these ports (e.g. a second `npm test` in this worktree):
# wiping its data directory under its running PostgreSQL would break both runs.
for p in "$port" "$pg_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "[e2e] port $p is in use: another e2e run is probably going on. Wait for it, or set SLUICE_E2E_PORT / SLUICE_E2E_PG_PORT." >&2
    exit 1
  fi
done

rm -rf "$data_dir"
# Its own build folder too, so building never replaces the .next a dev instance serves from.
# No weekend freeze on the demo's prod: the suite deploys to prod whatever the day (the
# freeze itself has its own spec, e2e/policies/freeze-window.spec.ts).
export SLUICE_DATA_DIR="$data_dir" SLUICE_PG_PORT="$pg_port" PORT="$port" SLUICE_NEXT_DIST_DIR="${SLUICE_E2E_DIST_DIR:-.next-e2e}" SLUICE_DEMO_WEEKEND_FREEZE=0
exec npm start
