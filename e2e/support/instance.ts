/** Where the e2e instance lives: apart from a dev instance (3000 / 54329 / .sluice). */
export const E2E_PORT = 3100;
export const E2E_PG_PORT = 54349;
export const E2E_DATA_DIR = ".sluice/e2e";
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
