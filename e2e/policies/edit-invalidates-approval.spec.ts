import { expect, test } from "@playwright/test";
import { auditActionsFor, controlPlane, migrationsOf, requestByNumber, sha256 } from "../support/db";
import { createPastedRequest, deployRow, uniqueMigration } from "../support/requests";
import { demoUser, storageStateOf } from "../support/users";

async function approvals(requestId: string) {
  return controlPlane<{ decision: string; checksums: string; lintHash: string | null; invalidatedAt: Date | null; invalidatedReason: string | null }>(
    `SELECT decision::text AS decision, checksums, "lintHash", "invalidatedAt", "invalidatedReason" FROM "Approval" WHERE "requestId" = $1 ORDER BY "createdAt"`,
    [requestId],
  );
}

/**
 * An approval is bound to the SQL it was given on: when the requester edits the SQL, the
 * approval stops counting (visibly, with why), the request goes back to review, and the
 * page says what is missing again.
 */
test.describe.serial("editing the SQL after approval", () => {
  const m = uniqueMigration("edit");
  const title = `E2E edit ${m.column}`;
  const editedSql = m.sql.replace("TEXT;", "VARCHAR(64);");
  let number = 0;
  let requestId = "";

  test.describe("as the requester", () => {
    test.use({ storageState: storageStateOf("requester") });
    test("submits a request", async ({ page }) => {
      number = await createPastedRequest(page, { title, name: m.name, sql: m.sql, downSql: m.downSql });
      requestId = (await requestByNumber(number)).id;
      await expect(page.getByTestId("still-missing")).toContainText("needs 1 more approval from an approver");
    });
  });

  test.describe("as the approver", () => {
    test.use({ storageState: storageStateOf("approver") });
    test("approves it", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      await page.getByRole("button", { name: "Approve" }).click();
      await expect(page.getByTestId("review")).toContainText(`${demoUser("approver").name} approved`);
      const [approval] = await approvals(requestId);
      const [request] = await controlPlane<{ lintHash: string }>(`SELECT "lintHash" FROM "MigrationRequest" WHERE id = $1`, [requestId]);
      expect(approval).toMatchObject({ decision: "approved", checksums: sha256(m.sql), invalidatedAt: null });
      expect(approval.lintHash).toBe(request.lintHash);
      expect((await requestByNumber(number)).status).toBe("approved");
    });
  });

  test.describe("as the requester again", () => {
    test.use({ storageState: storageStateOf("requester") });
    test("edits the SQL: the approval no longer counts and the request is back in review", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      await expect(deployRow(page, "dev").getByRole("button", { name: "Deploy to dev" })).toBeEnabled();
      await page.getByRole("button", { name: "Edit request" }).click();
      const form = page.getByRole("form", { name: "Edit request" });
      await form.getByLabel(`${m.name}/migration.sql`).fill(editedSql);
      await form.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByTestId("edit-notice")).toContainText("1 review(s) no longer count");

      const review = page.getByTestId("review");
      await expect(review.getByTestId("review-invalidated")).toContainText("no longer counts: SQL changed on");
      await expect(page.getByText("In review", { exact: true }).first()).toBeVisible();
      await expect(page.getByTestId("still-missing")).toContainText("needs 1 more approval from an approver");
      await expect(page.getByTestId("still-missing")).toContainText(`${demoUser("approver").name}'s approval no longer counts (SQL changed)`);
      await expect(deployRow(page, "dev").getByRole("button", { name: "Deploy to dev" })).toBeDisabled();

      const [migration] = await migrationsOf(requestId);
      expect(migration.sql).toBe(editedSql);
      expect(migration.checksum).toBe(sha256(editedSql));
      const [approval] = await approvals(requestId);
      expect(approval.invalidatedAt).not.toBeNull();
      expect(approval.invalidatedReason).toBe("SQL changed");
      expect((await requestByNumber(number)).status).toBe("in_review");
      const events = await auditActionsFor(requestId);
      expect(events.slice(-2).map((e) => e.action)).toEqual(["approval.invalidated", "request.updated"]);
      expect(events.slice(-2).every((e) => e.actorEmail === demoUser("requester").email)).toBe(true);
    });
  });

  test.describe("as the approver again", () => {
    test.use({ storageState: storageStateOf("approver") });
    test("sees the stale approval and can approve the new SQL", async ({ page }) => {
      await page.goto(`/requests/${number}`);
      await expect(page.getByTestId("review-invalidated")).toContainText("SQL changed");
      await page.getByRole("button", { name: "Approve" }).click();
      await expect(page.locator('[data-testid="review"][data-counts="yes"]')).toContainText(`${demoUser("approver").name} approved`);
      const rows = await approvals(requestId);
      expect(rows.map((a) => [a.checksums, a.invalidatedAt === null])).toEqual([
        [sha256(m.sql), false],
        [sha256(editedSql), true],
      ]);
    });
  });
});
