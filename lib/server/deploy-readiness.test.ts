import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";

let fx: DeployFixture;
let lib: {
  deployRequest: typeof import("@/lib/server/deployments").deployRequest;
  runDeployment: typeof import("@/lib/deploy/run").runDeployment;
  deployReadiness: typeof import("@/lib/server/deploy-policy").deployReadiness;
};

beforeAll(async () => {
  fx = await createDeployFixture();
  lib = {
    deployRequest: (await import("@/lib/server/deployments")).deployRequest,
    runDeployment: (await import("@/lib/deploy/run")).runDeployment,
    deployReadiness: (await import("@/lib/server/deploy-policy")).deployReadiness,
  };
});
afterAll(async () => {
  await fx?.drop();
});

describe("deploy readiness on the request page", () => {
  it("does not offer a deploy to a target whose _prisma_migrations holds a failed migration", async () => {
    const request = await fx.approvedRequest([{ name: "20260401000000_broken", sql: 'ALTER TABLE "no_such_table" ADD COLUMN x int;', downSql: null }]);
    const before = (await lib.deployReadiness(request.id, fx.users.deployer)).find((r) => r.name === "staging")!;
    expect(before.mayDeploy).toBe(true);

    const queued = await lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: fx.environments.staging.id });
    expect(await lib.runDeployment(queued.id, { workerId: "test" })).toEqual({ claimed: true, status: "failed" });

    const after = (await lib.deployReadiness(request.id, fx.users.deployer)).find((r) => r.name === "staging")!;
    expect(after.mayDeploy).toBe(false);
    expect(after.missing).toContain(
      "staging has a failed migration (20260401000000_broken); resolve it before deploying (Prisma's P3009: sluice migrate resolve --rolled-back or --applied).",
    );
  });
});
