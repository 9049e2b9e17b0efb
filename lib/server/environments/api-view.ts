import type { EnvironmentView } from "./view";

/** An environment as /api/v1 answers with it (the contract's shape: names identify, no ids). */
export function apiEnvironment(view: EnvironmentView) {
  return { name: view.name, position: view.position, url: view.url, schema: view.schema, sslmode: view.sslmode, hasCaCert: view.hasCaCert, timeZone: view.timeZone };
}
