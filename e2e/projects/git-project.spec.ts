import { expect, test } from "@playwright/test";
import { controlPlane } from "../support/db";
import { demoUser, storageStateOf } from "../support/users";
import { createGitRemote, type GitRemoteFixture } from "../../lib/sources/testing";

const SLUG = `shop-${Date.now().toString(36)}`;
const NAME = "Shop e2e";
let remote: GitRemoteFixture;

/**
 * A site admin brings a project from a git repository (a real bare repository made here):
 * creates it from the settings page, sees its head, refreshes it after a push and sees the
 * matrix follow, sets a webhook secret that is never shown back; someone outside the project
 * sees none of it.
 */
test.describe.serial("a project from a git repository", () => {
  test.beforeAll(async () => {
    remote = createGitRemote();
    remote.commit({ "prisma/migrations/20260101000000_init/migration.sql": "CREATE TABLE shop (id int);\n" }, "Initial schema");
    // Creating projects is a site admin's job: the demo's admin is made one for this spec.
    await controlPlane(`UPDATE "User" SET "siteAdmin" = true WHERE email = $1`, [demoUser("admin").email]);
  });
  test.afterAll(async () => {
    await controlPlane(`DELETE FROM "Project" WHERE slug = $1`, [SLUG]);
    await controlPlane(`UPDATE "User" SET "siteAdmin" = false WHERE email = $1`, [demoUser("admin").email]);
    remote?.remove();
  });

  test.describe("as a site admin", () => {
    test.use({ storageState: storageStateOf("admin") });

    test("creates it: a URL with credentials is refused next to the field, a good one is fetched at once", async ({ page }) => {
      await page.goto("/settings/projects");
      await page.getByRole("button", { name: "New project" }).click();
      const form = page.getByRole("form", { name: "New project" });
      await form.getByLabel("Name", { exact: true }).fill(NAME);
      await expect(form.getByLabel("Slug")).toHaveValue("shop-e2e");
      await form.getByLabel("Slug").fill(SLUG);
      await form.getByLabel("Repository URL").fill("https://bot:ghp_e2eSECRET@github.com/acme/shop.git");
      await form.getByRole("button", { name: "Create project" }).click();
      await expect(form.getByText("Remove the user name and password from the URL")).toBeVisible();
      await expect(form.getByLabel("Repository URL")).toHaveAttribute("aria-invalid", "true");
      expect(await controlPlane(`SELECT id FROM "Project" WHERE slug = $1`, [SLUG])).toHaveLength(0);

      await form.getByLabel("Repository URL").fill(remote.bare);
      await form.getByRole("button", { name: "Create project" }).click();
      await expect(page).toHaveURL(new RegExp(`/settings/projects/${SLUG}$`));
      const head = page.getByTestId("source-head");
      await expect(head).toContainText("Initial schema");
      await expect(head).toContainText(remote.git("rev-parse", "--short=7", "HEAD"));
      const [row] = await controlPlane<{ snapshots: number }>(`SELECT count(s.id)::int AS snapshots FROM "Project" p JOIN "SourceSnapshot" s ON s."projectId" = p.id WHERE p.slug = $1`, [SLUG]);
      expect(row.snapshots).toBe(1);
    });

    test("Refresh now picks up a push, and the matrix shows the new head", async ({ page }) => {
      const commit = remote.commit({ "prisma/migrations/20260102000000_orders/migration.sql": "CREATE TABLE orders (id int);\n" }, "Add orders");
      await page.goto(`/settings/projects/${SLUG}`);
      await page.getByRole("button", { name: `Refresh ${NAME} from its repository` }).click();
      await expect(page.getByTestId("refresh-outcome")).toHaveText(`Moved to ${commit.slice(0, 7)}: 2 migrations in the folder.`);
      await expect(page.getByTestId("source-head")).toContainText("Add orders");

      await page.goto("/migrations");
      const bar = page.getByTestId(`matrix-source-${SLUG}`);
      await expect(bar).toContainText(commit.slice(0, 7));
      await expect(bar).toContainText("Add orders");
    });

    test("a generated webhook secret is saved, then only said to be set", async ({ page }) => {
      await page.goto(`/settings/projects/${SLUG}`);
      await page.getByRole("button", { name: "Generate" }).click();
      const secret = await page.getByLabel("Push webhook secret").inputValue();
      expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByTestId("project-saved")).toHaveText("Saved. Every change is in the audit log.");
      await page.reload();
      await expect(page.getByText("A webhook secret is set (never shown again).")).toBeVisible();
      await expect(page.locator("body")).not.toContainText(secret);
      await expect(page.getByTestId("refresh-url")).toHaveText(new RegExp(`/api/v1/projects/${SLUG}/refresh$`));
      const leaks = await controlPlane<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" e WHERE row_to_json(e)::text LIKE $1`, [`%${secret}%`]);
      expect(leaks[0].n).toBe(0);
      const [updated] = await controlPlane<{ after: unknown }>(`SELECT after FROM "AuditEvent" WHERE action = 'project.updated' AND "projectId" = (SELECT id FROM "Project" WHERE slug = $1)`, [SLUG]);
      expect(updated.after).toEqual({ webhookSecret: "set" });
    });
  });

  test.describe("as someone outside the project", () => {
    test.use({ storageState: storageStateOf("deployer") });

    test("sees neither the project nor the New project button", async ({ page }) => {
      await page.goto("/settings/projects");
      await expect(page.getByTestId("project-row-riscura")).toBeVisible();
      await expect(page.getByTestId(`project-row-${SLUG}`)).toHaveCount(0);
      await expect(page.getByRole("button", { name: "New project" })).toHaveCount(0);
      // The page streams, so the answer is the not-found view rather than a 404 status.
      await page.goto(`/settings/projects/${SLUG}`);
      await expect(page.getByText("Project not found")).toBeVisible();
      await expect(page.locator("body")).not.toContainText(NAME);
    });
  });
});
