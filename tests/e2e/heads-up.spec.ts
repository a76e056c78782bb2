import type { APIRequestContext, Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { expect, pairedState, SCREENSHOT_DIR, snap, test } from "./helpers";

// Two tablets at The Harbour Kitchen. Amira raises "salmon sold out" on hers; Ben's tablet shows it
// within 5 seconds without a reload; Ben ticks off two tables; one of them complains anyway, and
// the complaint case starts at Listen with the heads-up's context. Then a promise Amira made runs
// late and her tablet prompts her to go back and tell them.

async function signIn(request: APIRequestContext, userId: string, pin: string, locationId = "loc-harbour") {
  const response = await request.post("/api/session/pin", { data: { userId, pin, locationId } });
  expect(response.ok(), await response.text()).toBe(true);
}

async function step(request: APIRequestContext, caseId: string, event: Record<string, unknown>) {
  const response = await request.post(`/api/cases/${caseId}/events`, { data: { clientEventId: randomUUID(), event } });
  expect(response.status(), await response.text()).toBe(201);
}

async function tick(page: Page, spot: string, option: RegExp) {
  await page.getByRole("textbox", { name: "Table or room" }).fill(spot);
  await page.getByRole("button", { name: option }).click();
  await page.getByRole("button", { name: "Told them" }).click();
  await expect(page.getByTestId("tables-told")).toContainText(spot);
}

test("a heads-up raised on one tablet reaches the other, tables are ticked off, and one becomes a complaint", async ({
  browser,
  page: amira,
}, testInfo) => {
  const { baseURL, viewport } = testInfo.project.use;
  const benContext = await browser.newContext({
    baseURL,
    viewport: viewport ?? undefined,
    hasTouch: true,
    storageState: pairedState("loc-harbour"),
  });
  const ben = await benContext.newPage();
  const grandContext = await browser.newContext({ baseURL, storageState: pairedState("loc-grand") });
  let headsUpUrl: string | null = null;
  try {
    await signIn(amira.request, "usr-amira", "4827");
    await signIn(ben.request, "usr-ben", "5163");
    await signIn(grandContext.request, "usr-chloe", "7394", "loc-grand");

    // Ben's tablet is on the home page, not knowing anything yet.
    await ben.goto("/");
    await expect(ben.getByRole("button", { name: /New complaint/ })).toBeVisible();
    await expect(ben.getByTestId("heads-up-banner")).toHaveCount(0);
    await ben.evaluate(() => ((window as unknown as { __noReload?: boolean }).__noReload = true));

    // Amira raises the heads-up, with the coach reading her reason.
    await amira.goto("/heads-ups");
    await amira.getByLabel("What kind of problem").selectOption("sold_out");
    await amira.getByLabel("What is happening").fill("Salmon sold out");
    await amira.getByLabel("The plain, true reason").fill("It has been more popular than ever tonight");
    await amira.getByLabel("Option 1", { exact: true }).fill("Wait 20 minutes for the last fillet from the smoker");
    await amira.getByLabel("Option 2", { exact: true }).fill("The sea bass, cooked the same way");
    await amira.getByLabel("Option 3", { exact: true }).fill("Cancel the main, no charge");
    await snap(amira, "heads-up-raise");
    await amira.getByRole("button", { name: "Raise for the whole venue" }).click();
    await expect(amira.getByRole("heading", { name: "Salmon sold out" })).toBeVisible();
    headsUpUrl = new URL(amira.url()).pathname;
    await expect(amira.getByTestId("heads-up-words")).toContainText("The reason: It has been more popular than ever tonight.");

    // Ben's tablet shows it within 5 seconds, without a reload.
    await expect(ben.getByTestId("heads-up-banner")).toContainText("Salmon sold out", { timeout: 5_000 });
    expect(await ben.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await snap(ben, "heads-up-banner-home");

    // Another venue's tablet never sees it.
    const grandFloor = (await (await grandContext.request.get("/api/floor")).json()) as { headsUps: { what: string }[] };
    expect(grandFloor.headsUps.map((h) => h.what)).not.toContain("Salmon sold out");

    // Ben ticks off two tables: who told them (him), what they chose.
    await ben.getByRole("link", { name: /Tell a table/ }).click();
    await tick(ben, "Table 4", /Change: The sea bass/);
    await tick(ben, "Table 7", /Wait: Wait 20 minutes/);
    await expect(ben.getByTestId("tables-told")).toContainText("Table 4 · told by Ben Okafor");
    await expect(ben.getByTestId("tables-told")).toContainText("Table 7 · told by Ben Okafor");
    await snap(ben, "heads-up-tables-told");

    // Amira's page shows the count on its banner too.
    await amira.goto("/");
    await expect(amira.getByTestId("heads-up-banner")).toContainText("2 told", { timeout: 5_000 });

    // Table 7 complains after all: a complaint case opens at Listen with the heads-up's context.
    await ben.getByTestId("tables-told").locator("li", { hasText: "Table 7" }).getByRole("link").click();
    await expect(ben.getByTestId("heads-up-readback")).toContainText(
      "What you chose: Wait — Wait 20 minutes for the last fillet from the smoker",
    );
    await snap(ben, "heads-up-case-confirm");
    await ben.getByRole("button", { name: /They want to complain/ }).click();
    await expect(ben.getByTestId("from-heads-up")).toContainText("Salmon sold out · Table 7");
    await expect(ben.getByTestId("from-heads-up")).toContainText("they chose “Wait 20 minutes for the last fillet from the smoker”");
    await expect(ben.getByLabel("Where")).toHaveValue("Table 7");
    await snap(ben, "heads-up-became-complaint");
  } finally {
    // Ended on record, so later tests' screens are as they were.
    if (headsUpUrl) {
      const id = headsUpUrl.split("/").pop();
      await amira.request.post(`/api/heads-ups/${id}/end`, { data: { note: "Fresh delivery arrived" } });
    }
    await benContext.close();
    await grandContext.close();
  }
});

test("an overdue promise prompts its owner to go back and tell them, and the telling is a step on the case", async ({ page }) => {
  await signIn(page.request, "usr-amira", "4827");
  const opened = await page.request.post("/api/cases", { data: { clientEventId: randomUUID() } });
  expect(opened.status()).toBe(201);
  const { caseId } = (await opened.json()) as { caseId: string };
  await step(page.request, caseId, {
    type: "complaint_heard",
    data: {
      customerWords: "We ordered dessert half an hour ago and it never came",
      category: "food_quality",
      severity: 2,
      spot: "Table 12",
      mood: "upset",
    },
  });
  await step(page.request, caseId, { type: "feeling_validated", data: { feeling: "frustrated", acknowledged: true } });
  await step(page.request, caseId, { type: "apology_given", data: { sincere: true, ourFault: true } });
  await step(page.request, caseId, { type: "options_offered", data: { options: ["Fresh dessert now", "Dessert off the bill"] } });
  await step(page.request, caseId, { type: "solution_agreed", data: { option: "Fresh dessert now" } });
  await step(page.request, caseId, { type: "compensation_skipped", data: { reason: "Not wanted" } });
  const due = new Date(Date.now() - 6 * 60_000).toISOString();
  await step(page.request, caseId, {
    type: "actions_agreed",
    data: { actions: [{ id: `act-${randomUUID()}`, description: "Bring a fresh dessert", owner: "Amira Shah", dueAt: due }] },
  });
  await step(page.request, caseId, { type: "readback_answered", data: { accepted: true } });

  await page.goto("/");
  const prompt = page.getByTestId("late-promise").filter({ hasText: "Bring a fresh dessert" });
  await expect(prompt).toContainText("Go back and tell them");
  await expect(prompt).toContainText("I said I'd come back to you");
  await snap(page, "late-promise-prompt");
  await prompt.getByLabel("New time agreed").selectOption("15");
  await prompt.getByRole("button", { name: "I've told them" }).click();
  await expect(page.getByText("✓ Recorded: you told them about “Bring a fresh dessert”.")).toBeVisible();

  const view = (await (await page.request.get(`/api/cases/${caseId}`)).json()) as { log: { type: string }[] };
  expect(view.log.map((e) => e.type)).toContain("promise_update_told");
  await page.reload();
  await expect(page.getByTestId("late-promise").filter({ hasText: "Bring a fresh dessert" })).toHaveCount(0);
});

test("a heads-up for one table is walked end to end, then replayed and scored by a trainer, and counted in the insights", async ({
  page,
  browser,
}, testInfo) => {
  await signIn(page.request, "usr-amira", "4827");
  await page.goto("/heads-ups");
  await page.getByRole("button", { name: "Tell one table or room about something" }).click();
  await expect(page.getByRole("heading", { name: "Notice" })).toBeVisible();
  const caseId = new URL(page.url()).pathname.split("/").pop()!;

  await page.getByLabel("What kind of problem").selectOption("running_late");
  await page.getByLabel("What will affect them").fill("Their mains are 20 minutes behind");
  await page.getByRole("textbox", { name: "Table or room" }).fill("Table 15");
  await page.getByRole("button", { name: "Next: explain" }).click();

  // The phrase coach hears an excuse in the reason, as it does in a complaint.
  await expect(page.getByRole("heading", { name: "Explain" })).toBeVisible();
  const reason = page.getByLabel("The plain, true reason");
  await reason.fill("Sorry, we're short staffed tonight");
  await expect(page.locator('[data-kind="excuse"]').first()).toBeVisible({ timeout: 15_000 });
  await snap(page, "heads-up-explain");
  // The playbook refuses to go on until the reason is ticked as the true one.
  await reason.fill("Every dish is cooked to order and a large party arrived at once");
  await page.getByRole("button", { name: "Next: offer options" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "plain, true reason" })).toBeVisible();
  await page.getByLabel("It's the true reason, with no excuse or blame").check();
  await page.getByRole("button", { name: "Next: offer options" }).click();

  await expect(page.getByRole("heading", { name: "Offer options" })).toBeVisible();
  await page.getByLabel("Option 1", { exact: true }).fill("Wait about 20 minutes, bread on us");
  await page.getByLabel("Option 2", { exact: true }).fill("A starter now while they wait");
  await page.getByRole("button", { name: "Next: let them decide" }).click();
  await page.getByRole("button", { name: "Wait: Wait about 20 minutes, bread on us" }).click();

  await expect(page.getByTestId("heads-up-readback")).toContainText("What you chose: Wait — Wait about 20 minutes, bread on us");
  await page.getByRole("button", { name: "They agreed" }).click();
  await page.getByLabel("What would have prevented it").fill("Stagger large parties' orders");
  await page.getByRole("button", { name: "Close the heads-up" }).click();
  await expect(page.getByText("Closed.")).toBeVisible();

  // A trainer replays it (signed in with email and password on another browser) and sees the rubric.
  const trainerContext = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: testInfo.project.use.viewport ?? undefined,
    storageState: { cookies: [], origins: [] },
  });
  try {
    const trainer = await trainerContext.newPage();
    const signedIn = await trainer.request.post("/api/session/password", {
      data: { email: "tara@example.com", password: "trainer-demo-pass" },
    });
    expect(signedIn.ok(), await signedIn.text()).toBe(true);
    await trainer.goto(`/trainer/heads-up-cases/${caseId}`);
    await expect(trainer.getByRole("heading", { name: /H-/ })).toBeVisible();
    await expect(trainer.getByRole("button", { name: /Told them early, before they had to ask/ })).toBeVisible();
    await expect(trainer.getByRole("button", { name: /Gave the plain, true reason/ })).toContainText("✓");
    await trainer.getByRole("button", { name: /Respected the customer's choice/ }).click();
    await expect(trainer.getByTestId("heads-up-replay-step")).toContainText("Step 5 of");
    await snap(trainer, "heads-up-replay");
  } finally {
    await trainerContext.close();
  }

  // The manager's insights count it.
  await signIn(page.request, "usr-maria", "9406");
  await page.goto("/manager/insights");
  const figures = page.getByTestId("prevention-figures");
  await expect(figures).toContainText("Tables and rooms told");
  await figures.scrollIntoViewIfNeeded();
  await page.locator('[aria-labelledby="prevention"]').screenshot({ path: `${SCREENSHOT_DIR}/heads-up-insights.png` });
});
