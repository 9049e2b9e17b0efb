/**
 * Where the e2e instance lives: apart from a dev instance (3000 / 54329 / .sluice).
 * SLUICE_E2E_PORT / SLUICE_E2E_PG_PORT move it, e.g. to run two suites at once.
 */
export const E2E_PORT = Number(process.env.SLUICE_E2E_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.SLUICE_E2E_PG_PORT ?? 54349);
export const E2E_DATA_DIR = `.sluice/e2e-${E2E_PORT}`;
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
