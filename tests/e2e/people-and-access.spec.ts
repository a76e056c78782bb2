import { request as playwrightRequest, type Page } from "@playwright/test";
import { expect, pairTablet, signInWithPin, snap, test } from "./helpers";

/** Sign-in that fits each role, the admin area, and what a refused or throttled person sees. */

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Manager / trainer / admin sign-in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Switch user" })).toBeVisible();
}

test("an admin signs in with a password, adds a person, and that person can sign in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Manager / trainer / admin sign-in" }).click();
  await snap(page, "sign-in-password");
  await signInWithPassword(page, "admin@example.com", "admin-demo-pass");
  const tools = page.getByRole("navigation", { name: "Your tools" });
  await expect(tools.getByRole("link", { name: /Admin/ })).toBeVisible();
  await expect(tools.getByRole("link", { name: /Manager's desk/ })).toBeVisible();

  await tools.getByRole("link", { name: /Admin/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "People" }).click();

  const name = `Priya Test ${Date.now() % 100000}`;
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Role").selectOption("staff");
  // A PIN a guesser would try first is refused, with the reason.
  await page.getByLabel(/^PIN/).fill("1234");
  await page.getByRole("group", { name: "Works at" }).getByLabel("The Harbour Kitchen").check();
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("harder to guess");
  await page.getByLabel(/^PIN/).fill("473518");
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("status")).toContainText(`${name} was added.`);
  await expect(page.getByText(name, { exact: false }).first()).toBeVisible();
  await snap(page, "admin-people");

  // A validation error names the field.
  await page.getByLabel("Full name").fill("Someone");
  await page.getByLabel(/^PIN/).fill("12");
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("PIN");

  // The new person is on the tablet's list straight away, with a six-digit PIN.
  await page.getByRole("button", { name: "Switch user" }).click();
  await expect(page.getByTestId("paired-tablet")).toContainText("The Harbour Kitchen");
  await page.getByRole("button", { name: new RegExp(name) }).click();
  await page.getByLabel("PIN", { exact: true }).fill("473518");
  await page.getByRole("button", { name: "Go" }).click();
  await expect(page.getByRole("button", { name: /New complaint/ })).toBeVisible();
});

test("the tablet's name list leaves out trainers, admins and other venues' people", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: /Amira Shah/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /Chloé Martin/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Maria Costa/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /Tara Quinn/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Alex Admin/ })).toHaveCount(0);
});

test("a trainer's home shows case replay and no new complaint", async ({ page }) => {
  await signInWithPassword(page, "tara@example.com", "trainer-demo-pass");
  await expect(page.getByRole("link", { name: /Case replay/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /New complaint/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Admin/ })).toHaveCount(0);
});

test("staff sent to the admin area land on home with the reason", async ({ page }) => {
  await signInWithPin(page, "The Harbour Kitchen", "Ben Okafor", "5163");
  await expect(page.getByRole("link", { name: /Manager's desk|Admin/ })).toHaveCount(0);
  await page.goto("/admin/people");
  await expect(page).toHaveURL(/\/\?denied=1$/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("not open to your role (staff)");
});

test.describe("wrong PINs", () => {
  test("slow down with a visible reason", async ({ page, context, baseURL }) => {
    // A tablet of its own, so this test's failures do not count against the suite's shared tablets.
    await context.addCookies([await pairTablet("loc-grand", "Throttle test tablet", baseURL)]);
    // A fresh person, so no demo account is left slowed down for other tests.
    const admin = await playwrightRequest.newContext({ baseURL });
    expect(
      (await admin.post("/api/session/password", { data: { email: "admin@example.com", password: "admin-demo-pass" } })).status(),
    ).toBe(200);
    const name = `Tess Throttle ${Date.now() % 100000}`;
    const created = await admin.post("/api/admin/users", { data: { name, role: "staff", pin: "8642", locationIds: ["loc-grand"] } });
    expect(created.status(), await created.text()).toBe(201);
    await admin.dispose();

    await page.goto("/sign-in");
    await page.getByRole("button", { name: new RegExp(name) }).click();
    for (let i = 0; i < 3; i++) {
      await page.getByLabel("PIN", { exact: true }).fill("0000");
      await page.getByRole("button", { name: "Go" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("That PIN does not match. Try again.");
    }
    await page.getByLabel("PIN", { exact: true }).fill("8642");
    await page.getByRole("button", { name: "Go" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many tries — wait \d seconds$/);
    await snap(page, "sign-in-throttled");
  });
});
