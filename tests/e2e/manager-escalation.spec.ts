import type { APIRequestContext, Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { deviceCookie, expect, pairedState, SCREENSHOT_DIR, test } from "./helpers";

// Two people, two tablets: Amira (staff) offers a refund above her £15 limit; Maria (manager),
// already watching the live board, sees the request appear without reloading, approves it, and
// Amira's tablet moves on to Confirm on its own.

async function signIn(request: APIRequestContext, userId: string, pin: string, locationId = "loc-harbour") {
  const response = await request.post("/api/session/pin", { data: { userId, pin, locationId } });
  expect(response.ok(), await response.text()).toBe(true);
}

async function step(request: APIRequestContext, caseId: string, event: Record<string, unknown>) {
  const response = await request.post(`/api/cases/${caseId}/events`, { data: { clientEventId: randomUUID(), event } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { phase: string; status: string };
}

/** Marks the page so the test can prove later that it was never reloaded. */
async function markNoReload(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __noReload?: boolean }).__noReload = true;
  });
}
async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
}

const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });

// One story in two tests, run in order (a retry reruns both): each stays well inside the 60 s test
// budget, which the whole walk came within a few seconds of on a loaded machine — and then failed
// now in its last steps, now while its context was being torn down.
test.describe("from a request on the floor to a tracked improvement", () => {
  test.describe.configure({ mode: "serial" });
  let story: { caseId: string; reference: string } | null = null;

  test("a manager approves a remedy from the live board and the staff tablet moves on", async ({ browser, page: manager }, testInfo) => {
    const { baseURL, viewport } = testInfo.project.use;
    const staffContext = await browser.newContext({
      baseURL,
      viewport: viewport ?? undefined,
      hasTouch: true,
      storageState: pairedState("loc-harbour"),
    });
    const staff = await staffContext.newPage();

    // The manager signs in and opens the live board first.
    await signIn(manager.request, "usr-maria", "9406");
    await manager.goto("/manager");
    await expect(manager.getByRole("heading", { name: "Live board" })).toBeVisible();
    await markNoReload(manager);

    // The staff member opens a case and works it up to a refund above their limit.
    await signIn(staff.request, "usr-amira", "4827");
    const opened = await staff.request.post("/api/cases", { data: { clientEventId: randomUUID() } });
    expect(opened.status()).toBe(201);
    const { caseId, reference } = (await opened.json()) as { caseId: string; reference: string };
    story = null;
    await step(staff.request, caseId, {
      type: "complaint_heard",
      data: {
        customerWords: "We waited an hour and the lamb was raw in the middle",
        category: "food_quality",
        severity: 4,
        spot: "Table 7",
        mood: "angry",
      },
    });
    await step(staff.request, caseId, { type: "feeling_validated", data: { feeling: "let_down", acknowledged: true } });
    await step(staff.request, caseId, { type: "apology_given", data: { sincere: true, ourFault: true } });
    await step(staff.request, caseId, {
      type: "options_offered",
      data: { options: ["Cook a fresh lamb now", "Take the lamb off the bill"] },
    });
    await step(staff.request, caseId, { type: "solution_agreed", data: { option: "Take the lamb off the bill" } });
    await staff.goto(`/cases/${caseId}`);
    await markNoReload(staff);

    const requested = await step(staff.request, caseId, {
      type: "compensation_offered",
      data: { id: `comp-${randomUUID()}`, kind: "refund", description: "Refund both main courses", valueCents: 4500 },
    });
    expect(requested.status).toBe("awaiting_manager");
    const askedAt = Date.now();

    // Within 5 seconds, without a reload, the board shows the request with its brief.
    const brief = manager.getByRole("article").filter({ hasText: reference });
    await expect(brief.getByRole("heading", { name: /Approve Refund both main courses \(£45\.00\)/ })).toBeVisible({ timeout: 5_000 });
    expect(Date.now() - askedAt).toBeLessThan(5_000);
    await expectNotReloaded(manager);
    await expect(brief).toContainText("We waited an hour and the lamb was raw in the middle");
    await expect(brief).toContainText("Amira Shah");
    await expect(brief).toContainText("Take the lamb off the bill");
    await shot(manager, "manager-board", true);

    await brief.getByLabel(/Note to Amira/).fill("Yes — and tell them dessert is on me.");
    await brief.getByRole("button", { name: "Approve as asked" }).click();
    await expect(manager.getByRole("status")).toContainText("Approved");
    await expect(brief).toHaveCount(0);

    // The staff tablet, still on the same page, moves on to Confirm by itself.
    await expect(staff.locator('[aria-label="Stages"] [aria-current="step"]')).toContainText("Confirm", { timeout: 8_000 });
    await expect(staff.getByTestId("stage-panel-confirm")).toBeVisible();
    await expectNotReloaded(staff);

    // The staff member finishes the case; one agreed action is already overdue.
    const actionText = "Call the guest tomorrow to check the refund arrived";
    await step(staff.request, caseId, {
      type: "actions_agreed",
      data: {
        actions: [
          {
            id: `act-${randomUUID()}`,
            description: actionText,
            owner: "Amira Shah",
            dueAt: new Date(Date.now() - 3_600_000).toISOString(),
          },
        ],
      },
    });
    await step(staff.request, caseId, { type: "readback_answered", data: { accepted: true } });
    await step(staff.request, caseId, {
      type: "root_causes_tagged",
      data: { tags: ["product_quality", "wait_time"], note: "Lamb rested too short on a busy night." },
    });
    await step(staff.request, caseId, { type: "case_closed", data: {} });

    // The case detail: every step in plain words, the manager's decision among them.
    await manager.goto(`/manager/cases/${caseId}`);
    await expect(manager.getByRole("heading", { name: reference })).toBeVisible();
    const history = manager.getByRole("region", { name: /History/ });
    await expect(history).toContainText("Maria Costa");
    await expect(history).toContainText("Approved the request");
    await expect(history).toContainText("Yes — and tell them dessert is on me.");
    const actions = manager.getByRole("region", { name: "Agreed actions" });
    await expect(actions).toContainText("Overdue");
    await shot(manager, "manager-case-detail");
    await shot(manager, "manager-case-detail-full", true);

    // Follow-up: each change is an appended event and the page refreshes itself.
    await actions.getByRole("button", { name: `Mark done: ${actionText}` }).click();
    await expect(actions).toContainText("Done");
    await expect(history).toContainText(`Action “${actionText}”: marked it done`);
    await manager.getByLabel("Add a manager's note").fill("Called the guest: refund received, they will come back.");
    await manager.getByRole("button", { name: "Add note" }).click();
    await expect(manager.getByRole("region", { name: "Manager's notes" })).toContainText("refund received");
    await manager.getByLabel("Why reopen it?").fill("The guest wrote in: the refund has not arrived.");
    await manager.getByRole("button", { name: "Reopen the case" }).click();
    await expect(history).toContainText("Reopened the case");
    await manager.getByRole("button", { name: "Close the case" }).click();
    await expect(history.locator("li").last()).toContainText("Closed the case");
    story = { caseId, reference };

    await staffContext.close();
  });

  test("the case is in the queue, its root causes in insights, and a repeat becomes an improvement", async ({
    page: manager,
  }, testInfo) => {
    expect(story, "the approval test ran first and got as far as closing its case").not.toBeNull();
    const { reference } = story ?? { reference: "" };
    await signIn(manager.request, "usr-maria", "9406");

    await manager.goto("/manager/cases");
    await expect(manager.getByRole("link", { name: new RegExp(reference) })).toBeVisible();
    await shot(manager, "manager-queue");

    await manager.goto("/manager/insights");
    await expect(manager.getByRole("heading", { name: "Insights" })).toBeVisible();
    await expect(manager.getByRole("img", { name: /Root causes, most common first/ })).toBeVisible();
    // Issue 17: which clock the days and weeks are on, the read-back over every round, and the
    // Pareto's shares named as shares of root-cause tags.
    await expect(manager.getByTestId("venue-clocks")).toContainText("Europe/London");
    await expect(manager.getByTestId("venue-clocks")).toContainText("Monday to Sunday");
    const readback = manager.getByRole("region", { name: /Read-back/ });
    await expect(readback).toContainText("Accepted first time");
    await expect(readback).toContainText("Accepted after changes");
    await expect(readback).toContainText("never accepted");
    await expect(manager.getByRole("figure", { name: /Root causes/ })).toContainText("80% of root-cause tags");
    await shot(manager, "manager-insights");
    await shot(manager, "manager-insights-full", true);
    await manager.getByRole("figure", { name: /Root causes/ }).screenshot({ path: testInfo.outputPath("pareto.png") });
    await manager.getByRole("figure", { name: /Cases per week by category/ }).screenshot({ path: testInfo.outputPath("weekly.png") });

    // The prevent loop: a root cause that keeps coming back becomes a tracked improvement.
    const repeats = manager.getByRole("region", { name: /Coming back/ });
    const track = repeats.getByRole("button", { name: /^Track as improvement/ }).first();
    const title = ((await track.getAttribute("aria-label")) ?? "").replace("Track as improvement: ", "");
    await track.click();
    await repeats.getByLabel("Owner").fill("Head chef");
    await repeats.getByRole("button", { name: "Create improvement" }).click();
    await expect(repeats).toContainText(`Tracked: ${title}`);

    await manager.goto("/manager/improvements");
    await expect(manager.getByRole("heading", { name: "Improvements" })).toBeVisible();
    await expect(manager.getByRole("region", { name: "Open" })).toContainText(title);
    await shot(manager, "manager-improvements");
    await manager.getByRole("button", { name: `Mark done: ${title}` }).click();
    await expect(manager.getByRole("region", { name: "Done" })).toContainText(title);
  });
});

test("the manager's desk is closed to staff and to another location's manager", async ({ page }) => {
  await signIn(page.request, "usr-amira", "4827");
  const board = await page.request.get("/api/manager/board");
  expect(board.status()).toBe(403);
  await page.goto("/manager");
  await expect(page).not.toHaveURL(/\/manager$/);

  // James works at the other venue: on that venue's tablet.
  await page.context().addCookies([deviceCookie("loc-grand")]);
  await signIn(page.request, "usr-james", "8352", "loc-grand");
  expect((await page.request.get("/api/manager/board")).status()).toBe(200);
  expect((await page.request.get("/api/manager/cases?location=loc-harbour")).status()).toBe(403);
  expect((await page.request.get("/api/manager/cases.csv?location=loc-harbour")).status()).toBe(403);
  const harbourCase = await page.request.post("/api/manager/cases/some-harbour-case/notes", {
    data: { clientEventId: randomUUID(), text: "Not mine" },
  });
  expect([403, 404]).toContain(harbourCase.status());
});
