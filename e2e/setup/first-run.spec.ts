import { expect, test, type Browser, type Page } from "@playwright/test";
import { startBareInstance, type BareInstance } from "../support/bare-instance";

/**
 * An install without the demo, from its first start: the setup link `npm start` prints makes
 * the first admin in the browser; the admin invites a colleague, who joins through the link in
 * a browser of their own; deactivation ends the colleague's session at once, and a password
 * reset sends them to choose a new password before anything else. /setup is gone for good.
 */
const PORT = Number(process.env.SLUICE_E2E_BARE_PORT ?? 3211);
const PG_PORT = Number(process.env.SLUICE_E2E_BARE_PG_PORT ?? 54361);
const ADMIN = { name: "Ada Admin", email: "ada@shop.test", password: "first-admin-password" };
const COLLEAGUE = { name: "Dana DBA", email: "dana@shop.test", password: "colleague-password-1" };

async function signIn(page: Page, baseUrl: string, who: { email: string; password: string }) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function fillNewPassword(page: Page, label: string, password: string) {
  await page.getByLabel(label, { exact: true }).fill(password);
  await page.getByLabel(`Confirm ${label.toLowerCase()}`, { exact: true }).fill(password);
}

test.describe.serial("first run without the demo", () => {
  let bare: BareInstance;
  let admin: Page;
  let colleague: Page;
  let setupLink = "";

  const controlPlane = <Row extends Record<string, unknown>>(text: string, values: unknown[] = []) => bare.query<Row>("sluice", text, values);
  const newPage = async (browser: Browser) => (await browser.newContext({ baseURL: bare.baseUrl })).newPage();

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    bare = await startBareInstance({ port: PORT, pgPort: PG_PORT });
    admin = await newPage(browser);
    colleague = await newPage(browser);
  });

  test.afterAll(async () => {
    await admin?.context().close();
    await colleague?.context().close();
    await bare?.stop();
  });

  test("npm start prints a one-time setup link, and nobody can sign in yet", async () => {
    await expect.poll(() => bare.output(), { timeout: 30_000 }).toMatch(/No admin yet\. Open \S+\/setup\?token=/);
    setupLink = /No admin yet\. Open (\S+\/setup\?token=[A-Za-z0-9_-]+) to create the first one \(the link works once\)\./.exec(bare.output())![1];
    expect(setupLink.startsWith(`${bare.baseUrl}/setup?token=`)).toBe(true);
    expect(bare.output()).toContain("sluice admin bootstrap");
    expect(await controlPlane(`SELECT 1 FROM "User"`)).toHaveLength(0);
    const [stored] = await controlPlane<{ tokenHash: string }>(`SELECT "tokenHash" FROM "SetupToken" WHERE "usedAt" IS NULL`);
    expect(setupLink).not.toContain(stored.tokenHash);
  });

  test("a wrong setup link says what to do instead of showing the form", async () => {
    await admin.goto("/setup?token=not-the-printed-one");
    await expect(admin.getByTestId("setup-link-invalid")).toContainText("Restart Sluice to print a new one");
    await expect(admin.getByRole("button", { name: "Create admin" })).toHaveCount(0);
  });

  test("the setup link creates the first admin, who then signs in", async () => {
    await admin.goto(setupLink);
    await expect(admin.getByRole("heading", { name: "Create the first admin" })).toBeVisible();
    await admin.getByLabel("Your name").fill(ADMIN.name);
    await admin.getByLabel("Email").fill(ADMIN.email);
    await fillNewPassword(admin, "Password", "too-short");
    await admin.getByRole("button", { name: "Create admin" }).click();
    await expect(admin.getByText("Must be at least 12 characters")).toBeVisible();
    expect(await controlPlane(`SELECT 1 FROM "User"`)).toHaveLength(0);

    await fillNewPassword(admin, "Password", ADMIN.password);
    await admin.getByRole("button", { name: "Create admin" }).click();
    await expect(admin).toHaveURL((url) => url.pathname === "/sign-in");
    await expect(admin.getByTestId("sign-in-notice")).toContainText("Admin created");
    const [row] = await controlPlane<{ siteAdmin: boolean; email: string }>(`SELECT "siteAdmin", email FROM "User"`);
    expect(row).toEqual({ siteAdmin: true, email: ADMIN.email });

    await signIn(admin, bare.baseUrl, ADMIN);
    await expect(admin).toHaveURL((url) => url.pathname === "/");
    await expect(admin.getByTestId("current-user")).toHaveText(ADMIN.name);
  });

  test("/setup is gone once an admin exists, whatever the token", async () => {
    for (const link of [setupLink, `${bare.baseUrl}/setup`]) {
      const response = await colleague.goto(link);
      expect(response?.status()).toBe(404);
    }
  });

  test("the admin invites a colleague, who joins through the link in their own browser", async () => {
    // Projects are another part of this issue: this spec only needs one to invite to.
    await controlPlane(`INSERT INTO "Project" (id, slug, name, "sourceKind") VALUES ('p_first_run', 'shop', 'Shop', 'upload')`);
    await admin.goto("/settings/people");
    const invite = admin.getByRole("form", { name: "Invite someone to Shop" });
    await invite.getByLabel("Email").fill(COLLEAGUE.email);
    await invite.getByLabel("Name").fill("Dana");
    await invite.getByLabel("Role").selectOption("approver");
    await invite.getByRole("button", { name: "Invite" }).click();
    const link = await admin.getByLabel(`Invitation link for ${COLLEAGUE.email}`).inputValue();
    expect(link).toMatch(new RegExp(`^${bare.baseUrl}/invite/[A-Za-z0-9_-]{43}$`));
    await expect(admin.getByTestId("pending-invitation")).toContainText(COLLEAGUE.email);

    await colleague.goto(link);
    await expect(colleague.getByTestId("invitation-summary")).toContainText(`${ADMIN.name} invited you as Approver`);
    await colleague.getByLabel("Your name").fill(COLLEAGUE.name);
    await fillNewPassword(colleague, "Password", COLLEAGUE.password);
    await colleague.getByRole("button", { name: "Create account" }).click();
    await expect(colleague.getByTestId("sign-in-notice")).toContainText("Your account is ready");
    await signIn(colleague, bare.baseUrl, COLLEAGUE);
    await expect(colleague.getByTestId("current-user")).toHaveText(COLLEAGUE.name);

    const [membership] = await controlPlane<{ role: string }>(`SELECT m.role::text AS role FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`, [COLLEAGUE.email]);
    expect(membership.role).toBe("approver");
    await colleague.context().newPage().then(async (again) => {
      await again.goto(link);
      await expect(again.getByTestId("invitation-problem")).toContainText("already used");
      await again.close();
    });
    await admin.reload();
    await expect(admin.getByTestId("pending-invitation")).toHaveCount(0);
    await expect(admin.getByRole("listitem", { name: COLLEAGUE.name })).toBeVisible();
  });

  test("deactivating the colleague ends their session at once; reactivating lets them sign in again", async () => {
    await colleague.goto("/requests");
    await expect(colleague).toHaveURL((url) => url.pathname === "/requests");

    await admin.goto("/settings/people");
    const member = admin.getByRole("listitem", { name: COLLEAGUE.name });
    await member.getByRole("button", { name: "Deactivate" }).click();
    await member.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(member.getByText("deactivated", { exact: true })).toBeVisible();

    await colleague.goto("/requests");
    await expect(colleague).toHaveURL((url) => url.pathname === "/sign-in");
    await signIn(colleague, bare.baseUrl, COLLEAGUE);
    await expect(colleague.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");

    await member.getByRole("button", { name: "Reactivate" }).click();
    await member.getByRole("alertdialog").getByRole("button", { name: "Reactivate" }).click();
    await expect(member.getByText("deactivated", { exact: true })).toHaveCount(0);
  });

  test("a password reset makes the colleague choose a new password before anything else", async () => {
    const member = admin.getByRole("listitem", { name: COLLEAGUE.name });
    await member.getByRole("button", { name: "Reset password" }).click();
    await member.getByRole("alertdialog").getByRole("button", { name: "Reset password" }).click();
    const temporary = await member.getByLabel(`Temporary password for ${COLLEAGUE.email}`).inputValue();
    expect(temporary).toMatch(/^[A-Za-z2-9]{20}$/);

    await signIn(colleague, bare.baseUrl, { email: COLLEAGUE.email, password: temporary });
    await expect(colleague).toHaveURL((url) => url.pathname === "/settings/account");
    await expect(colleague.getByTestId("password-change-required")).toBeVisible();
    await colleague.goto("/requests");
    await expect(colleague).toHaveURL((url) => url.pathname === "/settings/account");

    await colleague.getByLabel("Current password").fill(temporary);
    await fillNewPassword(colleague, "New password", "my-own-new-password");
    await colleague.getByRole("button", { name: "Change password" }).click();
    await expect(colleague).toHaveURL((url) => url.pathname === "/sign-in");
    await expect(colleague.getByTestId("sign-in-notice")).toContainText("Password changed");
    await signIn(colleague, bare.baseUrl, { email: COLLEAGUE.email, password: "my-own-new-password" });
    await expect(colleague).toHaveURL((url) => url.pathname === "/");

    const actions = await controlPlane<{ action: string }>(`SELECT action FROM "AuditEvent" ORDER BY id`);
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["setup.completed", "user.created", "user.invited", "user.invitation_accepted", "membership.created", "user.deactivated", "user.reactivated", "user.password_reset", "user.password_changed"]),
    );
  });
});
