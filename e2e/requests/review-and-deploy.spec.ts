import { expect, test } from "@playwright/test";
import {
  approvalsOf,
  auditActionsFor,
  columnExists,
  deploymentsOf,
  environmentId,
  migrationsOf,
  prismaMigration,
  requestByNumber,
  sha256,
} from "../support/db";
import { AUDIT_ACTION_LABELS, type AuditAction } from "../../lib/audit/actions";
import { createPastedRequest, deployRow, deployThroughUi, uniqueMigration } from "../support/requests";
import { actionFailure, callServerAction, recordServerAction, type RecordedAction } from "../support/server-actions";
import { demoUser, storageStateOf } from "../support/users";

/**
 * One request travels the whole path: requester → approver → deployer (staging, then
 * prod) → manager reads history and audit. A second request proves prod waits for
 * staging and that the server refuses what the UI hides. Each step runs as its role's
 * saved session and checks the page and the control plane / target databases.
 */
test.describe.serial("a request from submission to prod", () => {
  const main = uniqueMigration("main");
  const second = uniqueMigration("second");
  const title = `E2E add ${main.column} to Organization`;
  const secondTitle = `E2E add ${second.column} to Organization`;
  let number = 0;
  let requestId = "";
  let secondNumber = 0;
  let secondRequestId = "";
  let approveAction: RecordedAction;
  let deployAction: RecordedAction;
  const deploymentIds: Record<string, string> = {};

  test.describe("as the requester", () => {
    test.use({ storageState: storageStateOf("requester") });

    test("submits a request with pasted SQL and its down.sql", async ({ page }) => {
      number = await createPastedRequest(page, { title, name: main.name, sql: main.sql, downSql: main.downSql });
      await expect(page.getByText("In review", { exact: true }).first()).toBeVisible();
      await expect(page.getByText(`${main.name}/migration.sql`)).toBeVisible();
      await expect(page.getByText(`ADD COLUMN "${main.column}"`).first()).toBeVisible();

      const request = await requestByNumber(number);
      requestId = request.id;
      expect(request.status).toBe("in_review");
      expect(request.requesterEmail).toBe(demoUser("requester").email);
      const [migration] = await migrationsOf(requestId);
      expect(migration.name).toBe(main.name);
      expect(migration.sql.replace(/\r\n/g, "\n")).toBe(main.sql);
      expect(migration.checksum).toBe(sha256(migration.sql));
      expect((await auditActionsFor(requestId)).map((e) => e.action)).toContain("request.created");
    });

    test("may not review their own request", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      await expect(page.getByText("You wrote this request, so someone else must review it.")).toBeVisible();
      await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Reject" })).toHaveCount(0);
      await expect(page.getByLabel("Comment")).toHaveCount(0);
      // Not deployable anywhere before an approval, not even dev where requesters may deploy.
      await expect(deployRow(page, "dev").getByRole("button", { name: "Deploy to dev" })).toBeDisabled();
      await expect(deployRow(page, "dev")).toContainText("needs 1 more approval");
    });
  });

  test.describe("as the approver", () => {
    test.use({ storageState: storageStateOf("approver") });

    test("approves it, bound to the SQL's checksum", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      await page.getByLabel("Comment").fill("Nullable column, no rewrite: fine.");
      approveAction = await recordServerAction(page, () => page.getByRole("button", { name: "Approve" }).click());
      const review = page.getByTestId("review");
      await expect(review).toContainText(`${demoUser("approver").name} approved`);
      await expect(review).toContainText("Nullable column, no rewrite: fine.");
      await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
      await expect(page.getByTestId("decision-error")).toHaveCount(0);

      const [migration] = await migrationsOf(requestId);
      expect(await approvalsOf(requestId)).toEqual([{ decision: "approved", approverEmail: demoUser("approver").email, checksums: migration.checksum }]);
      expect((await requestByNumber(number)).status).toBe("approved");
      expect((await auditActionsFor(requestId)).filter((e) => e.action === "request.approved").map((e) => e.actorEmail)).toEqual([demoUser("approver").email]);
      expect(approveAction.actionId).toBeTruthy();
    });
  });

  test.describe("as the deployer", () => {
    test.use({ storageState: storageStateOf("deployer") });

    test("cannot deploy to prod before staging, then deploys to staging", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      await expect(deployRow(page, "prod").getByRole("button", { name: "Deploy to prod" })).toBeDisabled();
      await expect(deployRow(page, "prod")).toContainText("staging not yet deployed");
      await expect(deployRow(page, "staging").getByRole("button", { name: "Deploy to staging" })).toBeEnabled();

      let outcome;
      deployAction = await recordServerAction(page, async () => {
        outcome = await deployThroughUi(page, "staging");
      });
      await expect(outcome!).toContainText("Deployed to staging.");
      await expect(page.getByTestId("deploy-outcome").getByRole("link", { name: "Open the deployment log" })).toBeVisible();

      expect(await columnExists("riscura_staging", "Organization", main.column)).toBe(true);
      expect(await columnExists("riscura_prod", "Organization", main.column)).toBe(false);
      const [migration] = await migrationsOf(requestId);
      const rows = await prismaMigration("riscura_staging", main.name);
      expect(rows).toHaveLength(1);
      expect(rows[0].checksum).toBe(sha256(migration.sql));
      expect(rows[0].finished_at).not.toBeNull();
      expect(rows[0].rolled_back_at).toBeNull();
      expect(rows[0].applied_steps_count).toBe(1);

      const deployments = await deploymentsOf(requestId);
      expect(deployments.map(({ environment, status, startedByEmail }) => ({ environment, status, startedByEmail }))).toEqual([
        { environment: "staging", status: "succeeded", startedByEmail: demoUser("deployer").email },
      ]);
      deploymentIds.staging = deployments[0].id;
      expect((await requestByNumber(number)).status).toBe("approved");
      await expect(deployRow(page, "prod").getByRole("button", { name: "Deploy to prod" })).toBeEnabled();
    });
  });

  test.describe("a second request, as the requester", () => {
    test.use({ storageState: storageStateOf("requester") });

    test("submits it", async ({ page }) => {
      secondNumber = await createPastedRequest(page, { title: secondTitle, name: second.name, sql: second.sql, downSql: second.downSql });
      secondRequestId = (await requestByNumber(secondNumber)).id;
    });

    test("cannot approve it by calling the server action directly", async ({ page }) => {
      await page.goto(`/requests/${secondNumber}`);
      const { text } = await callServerAction(page.request, approveAction, [{ requestId: secondRequestId, decision: "approved", comment: "self-approval" }]);
      const failure = actionFailure(text);
      // A requester's role may not approve at all; the self-review rule is a second line behind it.
      expect(failure.code).toBe("FORBIDDEN");
      expect(failure.message).toContain("requester");
      expect(await approvalsOf(secondRequestId)).toEqual([]);
      expect((await requestByNumber(secondNumber)).status).toBe("in_review");
    });
  });

  test.describe("a second request, as the manager", () => {
    test.use({ storageState: storageStateOf("manager") });

    test("sees no review buttons and cannot approve through a replayed server action", async ({ page }) => {
      await page.goto(`/requests/${secondNumber}`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(secondTitle);
      await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
      const { text } = await callServerAction(page.request, approveAction, [{ requestId: secondRequestId, decision: "approved", comment: "manager sneaking in" }]);
      const failure = actionFailure(text);
      expect(failure.code).toBe("FORBIDDEN");
      expect(failure.message).toContain("manager");
      expect(await approvalsOf(secondRequestId)).toEqual([]);
      expect((await requestByNumber(secondNumber)).status).toBe("in_review");
      const actors = (await auditActionsFor(secondRequestId)).map((e) => e.actorEmail);
      expect(actors).not.toContain(demoUser("manager").email);
    });
  });

  test.describe("a second request, as the approver", () => {
    test.use({ storageState: storageStateOf("approver") });

    test("approves it", async ({ page }) => {
      await page.goto(`/requests/${secondNumber}`);
      await page.getByRole("button", { name: "Approve" }).click();
      await expect(page.getByTestId("review")).toContainText(`${demoUser("approver").name} approved`);
      expect((await approvalsOf(secondRequestId)).map((a) => a.approverEmail)).toEqual([demoUser("approver").email]);
    });
  });

  test.describe("as the deployer again", () => {
    test.use({ storageState: storageStateOf("deployer") });

    test("the second request cannot go to prod first, not even through the server action", async ({ page }) => {
      await page.goto(`/requests/${secondNumber}`);
      await expect(deployRow(page, "prod").getByRole("button", { name: "Deploy to prod" })).toBeDisabled();
      await expect(deployRow(page, "prod")).toContainText("staging not yet deployed");

      const { text } = await callServerAction(page.request, deployAction, [{ requestId: secondRequestId, environmentId: await environmentId("prod") }]);
      const failure = actionFailure(text);
      expect(failure.code).toBe("POLICY_DENIED");
      expect(failure.message).toContain("staging not yet deployed");
      expect(await deploymentsOf(secondRequestId)).toEqual([]);
      expect(await columnExists("riscura_prod", "Organization", second.column)).toBe(false);
      expect(await prismaMigration("riscura_prod", second.name)).toEqual([]);
      expect((await auditActionsFor(secondRequestId)).map((e) => e.action)).toContain("deployment.refused");
    });

    test("deploys the first request to prod once staging has it", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      await expect(deployRow(page, "prod")).toContainText("ready to deploy");
      const outcome = await deployThroughUi(page, "prod");
      await expect(outcome).toContainText("Deployed to prod.");

      expect(await columnExists("riscura_prod", "Organization", main.column)).toBe(true);
      const [migration] = await migrationsOf(requestId);
      const rows = await prismaMigration("riscura_prod", main.name);
      expect(rows).toHaveLength(1);
      expect(rows[0].checksum).toBe(sha256(migration.sql));
      expect(rows[0].finished_at).not.toBeNull();
      const deployments = await deploymentsOf(requestId);
      expect(deployments.map((d) => `${d.environment}:${d.status}`)).toEqual(["staging:succeeded", "prod:succeeded"]);
      deploymentIds.prod = deployments[1].id;
      expect((await requestByNumber(number)).status).toBe("deployed");
      await expect(page.getByText("Deployed", { exact: true }).first()).toBeVisible();
    });
  });

  test.describe("as the manager", () => {
    test.use({ storageState: storageStateOf("manager") });

    test("sees both deployments in the history, with their detail", async ({ page }) => {
      await page.goto("/history");
      await expect(page.getByRole("heading", { level: 1, name: "Deploy history" })).toBeVisible();
      const rows = page.getByTestId("deployment-row").filter({ hasText: `#${number}` });
      await expect(rows).toHaveCount(2);
      // Newest first.
      await expect(rows.nth(0)).toContainText("prod");
      await expect(rows.nth(1)).toContainText("staging");
      for (const row of [rows.nth(0), rows.nth(1)]) {
        await expect(row).toContainText("Succeeded");
        await expect(row).toContainText(demoUser("deployer").name);
      }

      await page.goto(`/history/${deploymentIds.staging}`);
      await expect(page.getByRole("heading", { level: 1, name: `Deploy of #${number} to staging` })).toBeVisible();
      await expect(page.getByText(main.name).first()).toBeVisible();
    });

    test("sees every step of the request in the audit log", async ({ page }) => {
      const events = await auditActionsFor(requestId);
      const actions = events.map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(["request.created", "request.approved", "deployment.started", "deployment.succeeded"]));
      expect(actions.filter((a) => a === "deployment.succeeded")).toHaveLength(2);

      // The log filtered to each subject shows exactly the events the database holds, by their labels.
      const subjects = [
        { type: "request", id: requestId, label: `Request #${number}` },
        { type: "deployment", id: deploymentIds.staging, label: `Deploy of #${number} to staging` },
        { type: "deployment", id: deploymentIds.prod, label: `Deploy of #${number} to prod` },
      ];
      for (const subject of subjects) {
        await page.goto(`/audit?subjectType=${subject.type}&subjectId=${encodeURIComponent(subject.id)}`);
        await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
        await expect(page.getByTestId("error-panel")).toHaveCount(0);
        await expect(page.getByTestId("chain-intact")).toBeVisible();
        const expected = (await auditActionsFor(requestId)).filter((e) => e.subjectType === subject.type && e.subjectId === subject.id);
        const rows = page.getByTestId("audit-row");
        await expect(rows).toHaveCount(expected.length);
        for (const event of expected) {
          await expect(rows.filter({ hasText: AUDIT_ACTION_LABELS[event.action as AuditAction] }).filter({ hasText: event.actorEmail }).first()).toBeVisible();
        }
        await expect(rows.first().getByRole("link", { name: subject.label })).toBeVisible();
      }
    });
  });
});
