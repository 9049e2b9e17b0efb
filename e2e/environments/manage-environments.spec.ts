import { expect, test } from "@playwright/test";
import { controlPlane, databaseUrl } from "../support/db";
import { storageStateOf } from "../support/users";

const NAME = `qa-${Date.now().toString(36)}`;
const RENAMED = `${NAME}-b`;
// The embedded server's password: it must never reach a page or the audit log.
const PASSWORD = "sluice-embedded";

async function chain(): Promise<string[]> {
  const rows = await controlPlane<{ name: string }>(
    `SELECT e.name FROM "Environment" e JOIN "Project" p ON p.id = e."projectId" WHERE p.slug = 'riscura' AND e."removedAt" IS NULL ORDER BY e.position`,
  );
  return rows.map((r) => r.name);
}

/**
 * An admin adds an environment to the demo project (testing its connection before saving),
 * moves it with the keyboard, renames it keeping its URL, and removes it after the question;
 * a deployer only reads the chain.
 */
test.describe.serial("environments of a project", () => {
  test.afterAll(async () => {
    // If a step failed midway, leave the demo's chain as it was.
    await controlPlane(`DELETE FROM "Environment" WHERE name IN ($1, $2) AND "projectId" = (SELECT id FROM "Project" WHERE slug = 'riscura')`, [NAME, RENAMED]);
  });

  test.describe("as the admin", () => {
    test.use({ storageState: storageStateOf("admin") });

    test("sees the chain with redacted URLs and tests a connection", async ({ page }) => {
      await page.goto("/settings/projects/riscura/environments");
      const items = page.getByRole("list", { name: "Promotion chain, first to last" }).getByRole("listitem");
      await expect(items).toHaveCount(3);
      await expect(items.nth(0)).toHaveAttribute("aria-label", "dev, position 1 of 3");
      await expect(page.getByTestId("environment-dev").getByTestId("environment-url")).toContainText(":•••@");
      await expect(page.locator("body")).not.toContainText(PASSWORD);

      await page.getByTestId("environment-dev").getByRole("button", { name: "Test connection" }).click();
      const report = page.getByTestId("environment-dev").getByTestId("connection-report");
      await expect(report).toContainText("Connected.");
      await expect(report).toContainText("superuser");
      await expect(report).toContainText("connect as a role with the least privileges the migrations need");
    });

    test("adds an environment: a bad URL is named next to the field, the good one is tested before saving", async ({ page }) => {
      await page.goto("/settings/projects/riscura/environments");
      await page.getByRole("button", { name: "Add environment" }).click();
      const form = page.getByRole("form", { name: "Add an environment" });
      await form.getByLabel("Name").fill(NAME);
      await form.getByLabel("Connection URL").fill("mysql://app:secret@db/shop");
      await form.getByRole("button", { name: "Add environment" }).click();
      await expect(form.getByText("Must start with postgresql:// or postgres://, not mysql://")).toBeVisible();
      await expect(form.getByLabel("Connection URL")).toHaveAttribute("aria-invalid", "true");

      await form.getByLabel("Connection URL").fill(`${databaseUrl("riscura_dev")}?schema=e2e_qa`);
      await form.getByRole("button", { name: "Test connection" }).click();
      await expect(form.getByTestId("connection-report")).toContainText("does not exist yet");
      await form.getByRole("button", { name: "Add environment" }).click();

      await expect(page.getByTestId(`environment-${NAME}`)).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: `${NAME} added at position 4` })).toHaveCount(1);
      expect(await chain()).toEqual(["dev", "staging", "prod", NAME]);
      const [row] = await controlPlane<{ url: string; policies: number }>(
        `SELECT e."databaseUrlEncrypted" AS url, (SELECT count(*)::int FROM "EnvironmentPolicy" p WHERE p."environmentId" = e.id) AS policies FROM "Environment" e WHERE e.name = $1`,
        [NAME],
      );
      expect(row.url).not.toContain(PASSWORD);
      expect(row.policies).toBe(1);
      const leaks = await controlPlane<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" e WHERE row_to_json(e)::text LIKE $1`, [`%${PASSWORD}%`]);
      expect(leaks[0].n).toBe(0);
    });

    test("moves it with the keyboard, the new order announced and saved", async ({ page }) => {
      await page.goto("/settings/projects/riscura/environments");
      const up = page.getByRole("button", { name: `Move ${NAME} up` });
      await up.focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("status").filter({ hasText: `${NAME} moved up: now 3 of 4` })).toHaveCount(1);
      await expect.poll(chain).toEqual(["dev", "staging", NAME, "prod"]);
      // Focus stays on the moved environment's arrow, so pressing again keeps moving it.
      await expect(up).toBeFocused();

      await page.getByRole("button", { name: `Move ${NAME} down` }).click();
      await expect.poll(chain).toEqual(["dev", "staging", "prod", NAME]);
    });

    test("renames it, keeping the stored URL when the field is left empty", async ({ page }) => {
      const [before] = await controlPlane<{ url: string }>(`SELECT "databaseUrlEncrypted" AS url FROM "Environment" WHERE name = $1`, [NAME]);
      await page.goto("/settings/projects/riscura/environments");
      await page.getByTestId(`environment-${NAME}`).getByRole("button", { name: "Edit" }).click();
      const form = page.getByRole("form", { name: `Edit ${NAME}` });
      await expect(form.getByLabel("Connection URL")).toHaveValue("");
      await form.getByLabel("Name").fill(RENAMED);
      await form.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByTestId(`environment-${RENAMED}`)).toBeVisible();
      const [after] = await controlPlane<{ url: string }>(`SELECT "databaseUrlEncrypted" AS url FROM "Environment" WHERE name = $1`, [RENAMED]);
      expect(after.url).toBe(before.url);
    });

    test("removes it after a question that names it and says what happens", async ({ page }) => {
      await page.goto("/settings/projects/riscura/environments");
      const item = page.getByTestId(`environment-${RENAMED}`);
      await item.getByRole("button", { name: "Remove" }).click();
      const question = item.getByRole("alertdialog");
      await expect(question).toContainText(`Remove ${RENAMED} from the chain?`);
      await expect(question).toContainText("no deployments, approvals or approver scopes, so it is deleted with its policy");
      await expect(question.getByRole("button", { name: "Cancel" })).toBeFocused();
      await question.getByRole("button", { name: `Remove ${RENAMED}` }).click();
      await expect(item).toHaveCount(0);
      expect(await chain()).toEqual(["dev", "staging", "prod"]);
    });
  });

  test.describe("as a deployer", () => {
    test.use({ storageState: storageStateOf("deployer") });
    test("reads the chain, with a note instead of the controls", async ({ page }) => {
      await page.goto("/settings/projects/riscura/environments");
      await expect(page.getByTestId("settings-read-only")).toContainText("Only an admin of");
      await expect(page.getByRole("listitem")).toHaveCount(3);
      await expect(page.getByRole("button", { name: "Add environment" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Test connection" })).toHaveCount(0);
    });
  });
});
