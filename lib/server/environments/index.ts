// Environments of a project's promotion chain: what pages, server actions, the API and the CLI call.
export { createEnvironment } from "./create-environment";
export { updateEnvironment } from "./update-environment";
export { reorderEnvironments } from "./reorder-environments";
export { removeEnvironment, type RemovedEnvironment } from "./remove-environment";
export { testConnection, type ConnectionReport, type ConnectionToTest } from "./test-connection";
export { listEnvironments } from "./list-environments";
export { environmentsForSettings, type EnvironmentsSettings, type EnvironmentHistory } from "./settings";
export { projectBySlug, environmentIdByName } from "./lookup";
export { redactedUrl } from "./connection-url";
export type { EnvironmentView } from "./view";
