import { expect, test } from "@playwright/test";
import { controlPlane } from "../support/db";
import { demoUser, storageStateOf } from "../support/users";

/**
 * Settings → API tokens as people use it: the admin makes a read-only token for one project,
 * copies the secret shown once, uses it against the API (allowed to read, refused to deploy),
 * revokes it (the API then answers 401), and makes a service token for a member. The database
 * shows only the token's hash.
 */
test.describe.serial("API tokens", () => {
  const name = `E2E pipeline ${Date.now().toString(36)}`;
  let secret = "";

  test.describe("as the admin", () => {
    test.use({ storageState: storageStateOf("admin") });

    test("says what is missing before making anything", async ({ page }) => {
      await page.goto("/settings/tokens");
      const form = page.getByRole("form", { name: "Create an API token" });
      await form.getByRole("button", { name: "Create token" }).click();
      await expect(form.getByText("Give the token a name")).toBeVisible();
      await form.getByLabel("Name").fill("nothing picked");
      await form.getByRole("checkbox", { name: /^read/ }).uncheck();
      await form.getByRole("button", { name: "Create token" }).click();
      await expect(form.getByText("Pick at least one scope")).toBeVisible();
    });

    test("makes a read token for one project and sees its secret once", async ({ page }) => {
      await page.goto("/settings/tokens");
      const form = page.getByRole("form", { name: "Create an API token" });
      await form.getByLabel("Name").fill(name);
      await form.getByRole("radio", { name: "Only these:" }).check();
      await form.getByRole("checkbox", { name: /riscura/ }).check();
      await form.getByLabel("Expires").selectOption("30");
      await form.getByRole("button", { name: "Create token" }).click();

      const shown = page.getByTestId("one-time-secret");
      await expect(shown).toContainText("you will not see it again");
      secret = await shown.getByRole("textbox").inputValue();
      expect(secret).toMatch(/^slu_/);
      const [stored] = await controlPlane<{ tokenHash: string; scopes: string[] }>(`SELECT "tokenHash", scopes FROM "ApiToken" WHERE name = $1`, [name]);
      expect(stored.scopes).toEqual(["read"]);
      expect(stored.tokenHash).not.toContain(secret);

      await shown.getByRole("button", { name: "Done, hide it" }).click();
      await expect(page.getByTestId("one-time-secret")).toHaveCount(0);
      const row = page.getByTestId("token-row").filter({ hasText: name });
      await expect(row).toContainText("riscura");
      await expect(row).toContainText("Active");
      await expect(page.locator("body")).not.toContainText(secret);
    });

    test("the token reads through the API and is refused outside its scope", async ({ request }) => {
      const headers = { authorization: `Bearer ${secret}` };
      const list = await request.get("/api/v1/requests?project=riscura", { headers });
      expect(list.status()).toBe(200);
      expect((await list.json()).requests.length).toBeGreaterThan(0);
      const deploy = await request.post("/api/v1/deployments", { headers, data: { request: 1, environment: "dev" } });
      expect(deploy.status()).toBe(403);
      expect((await deploy.json()).error.code).toBe("FORBIDDEN");
    });

    test("revokes it after a confirmation, and the API refuses it at once", async ({ page, request }) => {
      await page.goto("/settings/tokens");
      const row = page.getByTestId("token-row").filter({ hasText: name });
      await row.getByRole("button", { name: "Revoke" }).click();
      await row.getByRole("alertdialog").getByRole("button", { name: "Yes, revoke it" }).click();
      await expect(row).toContainText("Revoked");
      await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
      const refused = await request.get("/api/v1/requests", { headers: { authorization: `Bearer ${secret}` } });
      expect(refused.status()).toBe(401);
    });

    test("makes a token for a member, listed among the tokens of people in the project", async ({ page }) => {
      await page.goto("/settings/tokens");
      const form = page.getByRole("form", { name: "Create an API token" });
      await form.getByLabel("Whose token").selectOption({ label: `${demoUser("requester").name} (${demoUser("requester").email})` });
      await form.getByLabel("Name").fill(`${name} for Rita`);
      await form.getByRole("checkbox", { name: /^submit/ }).check();
      await form.getByRole("button", { name: "Create token" }).click();
      await expect(page.getByTestId("one-time-secret")).toBeVisible();
      await page.getByRole("button", { name: "Done, hide it" }).click();
      const managed = page.getByRole("region", { name: "Tokens of people in your projects" });
      await expect(managed.getByTestId("token-row").filter({ hasText: `${name} for Rita` })).toContainText(demoUser("requester").email);
    });

    test("the API reference lists every endpoint and links the OpenAPI document", async ({ page, request }) => {
      await page.goto("/settings/tokens");
      await page.getByRole("link", { name: "API reference" }).click();
      await expect(page).toHaveURL(/\/api-docs$/);
      await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
      const deploy = page.getByTestId("api-operation").filter({ hasText: "Deploy a request to an environment" });
      await expect(deploy).toContainText("/api/v1/deployments");
      await expect(deploy).toContainText("Authorization: Bearer $SLUICE_TOKEN");
      const document = await (await request.get("/api/v1/openapi.json")).json();
      const operations = Object.values(document.paths as Record<string, object>).flatMap((item) => Object.keys(item));
      await expect(page.getByTestId("api-operation")).toHaveCount(operations.length);
    });
  });

  test.describe("as the deployer", () => {
    test.use({ storageState: storageStateOf("deployer") });
    test("sees only their own tokens and makes tokens only for themselves", async ({ page }) => {
      await page.goto("/settings/tokens");
      await expect(page.getByRole("heading", { name: "Your tokens" })).toBeVisible();
      await expect(page.getByLabel("Whose token")).toHaveCount(0);
      await expect(page.getByRole("region", { name: "Tokens of people in your projects" })).toHaveCount(0);
    });
  });
});
