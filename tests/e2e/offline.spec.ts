import { request as playwrightRequest, type Page } from "@playwright/test";
import { expect, goOffline, goOnline, pairedState, signInWithPin, snap, test } from "./helpers";

/**
 * Lost Wi-Fi: a member of staff opens and walks a whole complaint with the network cut, closes
 * the tab, and the case reaches the server — complete, once — when the tablet is back online.
 * The network is cut twice over: Chromium's offline emulation, and every request from the page
 * or its service worker aborted, so nothing can slip through to the server.
 */

async function expectStage(page: Page, label: string) {
  await expect(page.getByRole("list", { name: /stages/i }).locator('[aria-current="step"]')).toContainText(label);
}

async function expectKeptOnTablet(page: Page) {
  const status = page.getByTestId("save-status");
  await expect(status).toHaveAttribute("data-state", "tablet");
  await expect(status).toContainText("Offline");
  await expect(status).toContainText(/Saved on this tablet · \d+ steps? waiting to send/);
  await expect(status).not.toContainText(/✓ Saved/);
}

test("with the network cut, a complaint is walked to the end, and arrives on the server complete and once", async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(120_000);
  await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
  // The service worker has kept the home page, the case shell and their files.
  await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });

  await goOffline(context);
  await expect(page.getByTestId("offline-badge")).toBeVisible();
  await page.getByRole("button", { name: /New complaint/ }).click();
  await expect(page).toHaveURL(/\/cases\/offline\?id=c[0-9a-z]{24}$/);
  const caseId = new URL(page.url()).searchParams.get("id") ?? "";
  await expectStage(page, "Listen");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("New case");

  // Listen
  const listen = page.getByTestId("stage-panel-listen");
  await listen.getByLabel("What the customer says").fill("The room has not been cleaned and we check out tomorrow.");
  await listen.getByRole("group", { name: "Category" }).getByRole("button", { name: "Cleanliness" }).click();
  await listen
    .getByRole("group", { name: "Severity" })
    .getByRole("button", { name: /Moderate/ })
    .click();
  await listen.getByLabel("Where").fill("Room 204");
  await listen.getByRole("group", { name: "Mood" }).getByRole("button", { name: "Upset" }).click();
  await listen.getByRole("button", { name: "Heard — next" }).click();
  await expectStage(page, "Validate");
  await expectKeptOnTablet(page);
  await snap(page, "offline-validate");

  // Validate, Apologise
  const validate = page.getByTestId("stage-panel-validate");
  await validate.getByRole("group", { name: "Feeling" }).getByRole("button", { name: "Frustrated" }).click();
  await validate.getByLabel("I acknowledged how they feel").check();
  await validate.getByRole("button", { name: "Feeling named — next" }).click();
  await expectStage(page, "Apologise");
  const apologise = page.getByTestId("stage-panel-apologise");
  await apologise.getByLabel("I apologised sincerely").check();
  await apologise.getByRole("button", { name: "Apology given — next" }).click();
  await expectStage(page, "Solve");

  // Reloading offline: the shell comes from the service worker, the case from the tablet.
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expectStage(page, "Solve");
  await expect(page.getByTestId("case-spot")).toContainText("Room 204");

  // Solve
  const solve = page.getByTestId("stage-panel-solve");
  await solve.getByLabel("Option 1").fill("Housekeeping cleans the room within the hour");
  await solve.getByLabel("Option 2").fill("Move you to a clean room now");
  await solve.getByRole("button", { name: "Offer these options" }).click();
  await solve.getByRole("radio", { name: "Move you to a clean room now" }).check();
  await solve.getByRole("button", { name: "Agree this solution" }).click();
  await expectStage(page, "Compensate");

  // Compensate, within the staff member's authority
  const compensate = page.getByTestId("stage-panel-compensate");
  await compensate
    .getByRole("group", { name: "Kind" })
    .getByRole("button", { name: /on the house/i })
    .click();
  await compensate.getByLabel("What you are offering").fill("Breakfast on the house tomorrow");
  await compensate.getByLabel("Value (£)").fill("12");
  await compensate.getByRole("button", { name: "Offer compensation" }).click();
  await expectStage(page, "Confirm");

  // Confirm and read back
  const confirm = page.getByTestId("stage-panel-confirm");
  await confirm.getByLabel("Action", { exact: true }).fill("Move the guest's bags to room 310");
  await confirm.getByLabel("Owner", { exact: true }).fill("Amira");
  await confirm.getByRole("button", { name: "In 15 min" }).first().click();
  await confirm.getByRole("button", { name: "Save actions" }).click();
  await confirm.getByRole("button", { name: "Show the customer" }).click();
  const readback = page.getByRole("dialog", { name: /agreed/i });
  await expect(readback).toContainText("Move you to a clean room now");
  await readback.getByRole("button", { name: "Yes, that's right" }).click();
  await expectStage(page, "Prevent");

  // Prevent, close
  const prevent = page.getByTestId("stage-panel-prevent");
  await prevent.getByRole("group", { name: "Root causes" }).getByRole("button", { name: "Cleanliness" }).click();
  await prevent.getByRole("button", { name: "Tag root causes" }).click();
  await prevent.getByRole("button", { name: "Close case" }).click();
  await expect(page.getByTestId("stage-panel-closed")).toBeVisible();
  await expectKeptOnTablet(page);
  await expect(page.getByTestId("save-status")).toContainText("11 steps waiting to send");
  await snap(page, "offline-closed");

  // Nothing reached the server while the network was cut.
  expect((await request.get(`/api/cases/${caseId}`)).status()).not.toBe(200);

  // The home screen, still offline, says what is waiting.
  await page.goto("/");
  await expect(page.getByTestId("offline-badge")).toBeVisible();
  await expect(page.getByTestId("steps-waiting")).toContainText("11 steps waiting to send");
  await snap(page, "offline-home");

  // Close the tab; the Wi-Fi comes back; a new page starts up and sends everything.
  await page.close();
  await goOnline(context);
  const next = await context.newPage();
  await next.goto("/");
  await expect(next.getByTestId("nothing-waiting")).toBeVisible({ timeout: 30_000 });

  // On the server: the whole case, each step once, in the order it was taken.
  const response = await next.request.get(`/api/cases/${caseId}`);
  expect(response.status()).toBe(200);
  const view = (await response.json()) as { reference: string; log: { type: string; clientEventId: string; at: string }[] };
  expect(view.log.map((e) => e.type)).toEqual([
    "case_opened",
    "complaint_heard",
    "feeling_validated",
    "apology_given",
    "options_offered",
    "solution_agreed",
    "compensation_offered",
    "actions_agreed",
    "readback_answered",
    "root_causes_tagged",
    "case_closed",
  ]);
  expect(new Set(view.log.map((e) => e.clientEventId)).size).toBe(view.log.length);
  // Each step keeps the time it was captured offline, in order.
  const times = view.log.map((e) => Date.parse(e.at));
  expect([...times].sort((a, b) => a - b)).toEqual(times);

  // Opened once: the home screen lists it once, with the reference the server gave it.
  await next.reload();
  await expect(next.getByRole("link", { name: new RegExp(view.reference) })).toHaveCount(1);
  await expect(next.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
  await snap(next, "offline-back-online");
  await next.goto(`/cases/${caseId}`);
  await expect(next.getByTestId("stage-panel-closed")).toBeVisible();
});

test("a step the server refuses after the fact is shown clearly, with a way on", async ({ page, context, baseURL }) => {
  await signInWithPin(page, "The Harbour Kitchen", "Ben Okafor", "5163");
  await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
  // Opened online, then the tablet loses the Wi-Fi mid-complaint.
  await page.getByRole("button", { name: /New complaint/ }).click();
  await expect(page).toHaveURL(/\/cases\/c[0-9a-z]{24}$/);
  const caseId = page.url().split("/").pop() ?? "";
  await goOffline(context);
  const listen = page.getByTestId("stage-panel-listen");
  await listen.getByLabel("What the customer says").fill("My card was charged twice.");
  await listen.getByRole("group", { name: "Category" }).getByRole("button", { name: "Bill / payment" }).click();
  await listen
    .getByRole("group", { name: "Severity" })
    .getByRole("button", { name: /Moderate/ })
    .click();
  await listen.getByLabel("Where").fill("Front desk");
  await listen.getByRole("group", { name: "Mood" }).getByRole("button", { name: "Calm" }).click();
  await listen.getByRole("button", { name: "Heard — next" }).click();
  await expectStage(page, "Validate");

  // Meanwhile a manager's tablet closes the case on the server.
  const headers = { origin: baseURL ?? "" };
  const maria = await playwrightRequest.newContext({ baseURL, storageState: pairedState("loc-harbour") });
  expect(
    (await maria.post("/api/session/pin", { data: { userId: "usr-maria", pin: "9406", locationId: "loc-harbour" }, headers })).status(),
  ).toBe(200);
  const abandoned = await maria.post(`/api/cases/${caseId}/events`, {
    data: {
      clientEventId: `abandon-${Date.now()}`,
      event: { type: "case_abandoned", data: { reason: "Guest left before we could talk" } },
    },
    headers,
  });
  expect(abandoned.status(), await abandoned.text()).toBe(201);
  await maria.dispose();

  await goOnline(context);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  const refused = page.getByTestId("refused-step");
  await expect(refused).toBeVisible({ timeout: 20_000 });
  await expect(refused).toContainText("What the customer said");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "refused");
  await snap(page, "offline-refused");
  await refused.getByRole("button", { name: /Discard/ }).click();
  await expect(refused).toBeHidden();
  await expect(page.getByTestId("stage-panel-abandoned")).toBeVisible();
  await expect(page.getByTestId("save-status")).not.toHaveAttribute("data-state", "refused");
});
