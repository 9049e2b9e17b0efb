import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { columnExists, controlPlane, deploymentsOf, query, requestByNumber } from "../support/db";
import { createPastedRequest, deployRow, uniqueMigration } from "../support/requests";
import { storageStateOf } from "../support/users";

/**
 * An admin deploys to prod a request the policy refuses (not reviewed, staging not deployed):
 * break-glass with a written reason. The deployment carries a red flag in the deploy panel,
 * in /history and on its page, the audit log records a flagged event, and because it is prod
 * the pipeline rehearsed the migration and backed up the table it changes, which the admin
 * then restores from the deployment's page.
 */
test.describe.serial("break-glass deploy to prod", () => {
  const m = uniqueMigration("breakglass");
  const reason = `E2E incident ${randomBytes(3).toString("hex")}: the column is needed now`;
  let number = 0;
  let requestId = "";

  test.describe("as the requester", () => {
    test.use({ storageState: storageStateOf("requester") });
    test("submits a migration", async ({ page }) => {
      number = await createPastedRequest(page, { title: `E2E break-glass ${m.column}`, name: m.name, sql: m.sql, downSql: m.downSql });
      requestId = (await requestByNumber(number)).id;
    });
  });

  test.describe("as the admin", () => {
    test.use({ storageState: storageStateOf("admin") });
    test("breaks glass with a written reason; the deploy is flagged everywhere", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      const prod = deployRow(page, "prod");
      await expect(prod.getByRole("button", { name: "Deploy to prod" })).toBeDisabled();
      await prod.getByRole("button", { name: "Break glass" }).click();

      const dialog = page.getByRole("dialog", { name: /Break glass: deploy to prod/ });
      const confirm = dialog.getByRole("button", { name: "Break glass and deploy to prod" });
      await dialog.getByLabel(/Reason/).fill("too short");
      await dialog.getByLabel("I take responsibility for deploying past the policy").check();
      await expect(confirm).toBeDisabled();
      await dialog.getByLabel(/Reason/).fill(reason);
      await confirm.click();

      await expect(page.getByTestId("break-glass").first()).toContainText(reason, { timeout: 30_000 });
      const outcome = page.getByTestId("deploy-outcome");
      await expect(outcome).toContainText("Deployed to prod.", { timeout: 90_000 });
      expect(await columnExists("riscura_prod", "Organization", m.column)).toBe(true);

      const [deployment] = await deploymentsOf(requestId);
      expect(deployment).toMatchObject({ environment: "prod", status: "succeeded", startedByEmail: "ada.admin@riscura.dev" });
      const [{ breakGlassReason }] = await controlPlane<{ breakGlassReason: string }>(`SELECT "breakGlassReason" FROM "Deployment" WHERE id = $1`, [deployment.id]);
      expect(breakGlassReason).toBe(reason);
      const steps = await controlPlane<{ kind: string; status: string }>(`SELECT kind::text, status::text FROM "DeploymentStep" WHERE "deploymentId" = $1 ORDER BY position`, [deployment.id]);
      expect(steps.map((s) => s.kind)).toEqual(["preflight", "rehearsal", "backup", "apply", "verify"]);
      expect(steps.find((s) => s.kind === "backup")?.status).toBe("succeeded");
      const audit = await controlPlane<{ action: string; actorEmail: string }>(`SELECT action, "actorEmail" FROM "AuditEvent" WHERE "subjectId" = $1 AND action = 'deployment.break_glass'`, [deployment.id]);
      expect(audit).toEqual([{ action: "deployment.break_glass", actorEmail: "ada.admin@riscura.dev" }]);

      // History list and the deployment's page carry the flag.
      await page.goto("/history");
      const row = page.getByTestId("deployment-row").filter({ hasText: `#${number}` });
      await expect(row.getByTestId("break-glass-flag")).toBeVisible();
      await page.goto(`/history/${deployment.id}`);
      await expect(page.getByLabel("Break-glass")).toContainText(reason);
      await expect(page.getByRole("region", { name: "Backup" })).toContainText("public.Organization");
      await expect(page.getByRole("button", { name: "Restore backup" })).toBeVisible();

      // The audit log shows the flagged event.
      await page.goto(`/audit?action=deployment.break_glass&subjectId=${deployment.id}`);
      await expect(page.getByTestId("audit-row").filter({ hasText: "Break-glass deploy" })).toHaveCount(1);
    });

    test("restores the backup taken before the deploy", async ({ page }) => {
      const [deployment] = await deploymentsOf(requestId);
      const [{ n: before }] = await query<{ n: number }>("riscura_prod", `SELECT count(*)::int AS n FROM "Organization"`);
      await page.goto(`/history/${deployment.id}`);
      await page.getByRole("button", { name: "Restore backup" }).click();
      await page.getByRole("dialog", { name: "Restore the backup on prod?" }).getByRole("button", { name: "Yes, restore on prod" }).click();
      const result = page.getByTestId("restore-result");
      await expect(result).toContainText(`Restored public.Organization (${before} rows)`, { timeout: 30_000 });
      await expect(result).toContainText(`dropped column Organization.${m.column} (added after the backup)`);
      expect(await columnExists("riscura_prod", "Organization", m.column)).toBe(false);
      expect((await query<{ n: number }>("riscura_prod", `SELECT count(*)::int AS n FROM "Organization"`))[0].n).toBe(before);
      const audit = await controlPlane<{ actorEmail: string }>(`SELECT "actorEmail" FROM "AuditEvent" WHERE "subjectId" = $1 AND action = 'deployment.restored'`, [deployment.id]);
      expect(audit).toEqual([{ actorEmail: "ada.admin@riscura.dev" }]);
    });
  });

  test.describe("as the manager", () => {
    test.use({ storageState: storageStateOf("manager") });
    test("sees the flag in history but no restore button", async ({ page }) => {
      const [deployment] = await deploymentsOf(requestId);
      await page.goto(`/history/${deployment.id}`);
      await expect(page.getByLabel("Break-glass")).toContainText(reason);
      await expect(page.getByRole("button", { name: "Restore backup" })).toHaveCount(0);
    });
  });
});
