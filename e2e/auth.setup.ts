import { test as setup } from "@playwright/test";
import { DEMO_ROLES, signInAs, storageStateOf } from "./support/users";

for (const role of DEMO_ROLES) {
  setup(`sign in as the demo ${role}`, async ({ page }) => {
    await signInAs(page, role);
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
