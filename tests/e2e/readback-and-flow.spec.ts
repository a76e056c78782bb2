import type { APIRequestContext, Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { expect, goOffline, goOnline, pairedState, signInWithPin, snap, test } from "./helpers";

// Issue 11 on the iPad viewport: the read-back after a manager's counter-offer, a rejected
// read-back followed by a new agreement, the waiting state in view and in the top bar, focus on
// each new stage's heading, and the home list after an offline close.

async function expectStage(page: Page, label: string) {
  await expect(page.getByRole("list", { name: /stages/i }).locator('[aria-current="step"]')).toContainText(label);
}

async function step(request: APIRequestContext, caseId: string, event: Record<string, unknown>) {
  const response = await request.post(`/api/cases/${caseId}/events`, { data: { clientEventId: randomUUID(), event } });
  expect(response.status(), await response.text()).toBe(201);
}

type Through = "solve" | "compensate" | "confirm" | "prevent";

/** A case opened and walked through the API (the signed-in user's cookies) up to `through`. */
async function caseThrough(
  request: APIRequestContext,
  through: Through,
  words = "The burger came out raw in the middle and cold outside.",
) {
  const opened = await request.post("/api/cases", { data: { clientEventId: randomUUID() } });
  expect(opened.status()).toBe(201);
  const { caseId, reference } = (await opened.json()) as { caseId: string; reference: string };
  await step(request, caseId, {
    type: "complaint_heard",
    data: { customerWords: words, category: "food_quality", severity: 2, spot: "Table 5", mood: "upset" },
  });
  await step(request, caseId, { type: "feeling_validated", data: { feeling: "disappointed", acknowledged: true } });
  await step(request, caseId, { type: "apology_given", data: { sincere: true, ourFault: true } });
  await step(request, caseId, { type: "options_offered", data: { options: ["Cook a fresh burger now", "Take the burger off the bill"] } });
  if (through === "solve") return { caseId, reference };
  await step(request, caseId, { type: "solution_agreed", data: { option: "Take the burger off the bill" } });
  if (through === "compensate") return { caseId, reference };
  await step(request, caseId, {
    type: "compensation_offered",
    data: { id: `comp-${randomUUID()}`, kind: "free_item", description: "Drinks on us", valueCents: 800 },
  });
  if (through === "confirm") return { caseId, reference };
  await step(request, caseId, {
    type: "actions_agreed",
    data: {
      actions: [
        {
          id: `act-${randomUUID()}`,
          description: "Take the burger off the bill at the till",
          owner: "Ben",
          dueAt: new Date(Date.now() + 900_000).toISOString(),
        },
      ],
    },
  });
  await step(request, caseId, { type: "readback_answered", data: { accepted: true } });
  return { caseId, reference };
}

/** The heading of the stage now on screen has the focus and is in view, below the sticky bar. */
async function expectHeadingBroughtIntoView(page: Page, title: string) {
  const heading = page.locator("[data-stage-heading]");
  await expect(heading).toHaveText(title);
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  // Clear of the sticky bar, also once the bar has changed height (the step's "Saved" badge can
  // wrap it to a second line just after the stage changes; the page then brings the heading out).
  await expect
    .poll(async () => {
      const bar = await page.locator("[data-sticky-bar]").boundingBox();
      const box = await heading.boundingBox();
      return box && bar ? box.y - (bar.y + bar.height) : -Infinity;
    })
    .toBeGreaterThanOrEqual(-1);
}

/** Scrolled to the bottom of the page first: a stage change must not leave the screen there. */
async function fromTheBottom(page: Page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
}

async function agreeAction(page: Page, description: string, owner: string) {
  const confirm = page.getByTestId("stage-panel-confirm");
  await confirm.getByLabel("Action", { exact: true }).fill(description);
  await confirm.getByLabel("Owner", { exact: true }).fill(owner);
  await confirm.getByRole("button", { name: "In 15 min" }).first().click();
  await confirm.getByRole("button", { name: "Save actions" }).click();
  await expect(confirm.getByRole("button", { name: "Show the customer" })).toBeEnabled();
}

test("a read-back after a manager's counter-offer promises what was approved, never what was asked", async ({
  page,
  browser,
}, testInfo) => {
  await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
  const { caseId, reference } = await caseThrough(page.request, "compensate");
  await page.goto(`/cases/${caseId}`);
  await expectStage(page, "Compensate");
  const compensate = page.getByTestId("stage-panel-compensate");
  await compensate.getByRole("group", { name: "Kind" }).getByRole("button", { name: "Refund" }).click();
  await compensate.getByLabel("What you are offering").fill("Refund the whole table's bill");
  await compensate.getByLabel("Value (£)").fill("180");
  await compensate.getByRole("button", { name: "Offer compensation" }).click();
  await expect(page.getByTestId("manager-wait")).toBeInViewport();

  // Maria (limit £200) approves £60 off instead, from her desk, with a note.
  const { baseURL, viewport } = testInfo.project.use;
  const managerContext = await browser.newContext({ baseURL, viewport: viewport ?? undefined, storageState: pairedState("loc-harbour") });
  const manager = await managerContext.newPage();
  const signedIn = await manager.request.post("/api/session/pin", {
    data: { userId: "usr-maria", pin: "9406", locationId: "loc-harbour" },
  });
  expect(signedIn.ok()).toBe(true);
  await manager.goto("/manager");
  const brief = manager.getByRole("article").filter({ hasText: reference });
  await expect(brief.getByTestId("my-limit")).toContainText("£200.00");
  await brief.getByRole("button", { name: "Approve another amount or remedy" }).click();
  await brief.getByLabel("Kind", { exact: true }).selectOption("discount");
  await brief.getByLabel("In words the customer will read").fill("£60 off the table's bill");
  await brief.getByLabel(/^Value/).fill("60");
  await brief.getByLabel(/Note to Amira/).fill("The two mains come off; the drinks were fine.");
  await brief.getByRole("button", { name: "Approve this instead" }).click();
  await expect(manager.getByRole("status")).toContainText("Approved £60.00 instead");
  await manager.goto(`/manager/cases/${caseId}`);
  await expect(manager.getByRole("region", { name: /History/ })).toContainText(
    /Approved £60\.00 .* instead of “Refund the whole table's bill” \(£180\.00\)/,
  );
  await managerContext.close();

  // The tablet moves on by itself and says what was approved, and why.
  await expectStage(page, "Confirm");
  const confirm = page.getByTestId("stage-panel-confirm");
  await expect(confirm.getByTestId("counter-offer")).toContainText("instead of Refund the whole table's bill (£180.00)");
  await expect(confirm.getByTestId("counter-offer")).toContainText("The two mains come off");
  await agreeAction(page, "Take £60 off the table's bill at the till", "Amira");
  await confirm.getByRole("button", { name: "Show the customer" }).click();
  const readback = page.getByRole("dialog", { name: /agreed/i });
  await expect(readback.getByTestId("readback-agreed")).toContainText("Take the burger off the bill");
  await expect(readback.getByTestId("readback-remedy")).toContainText("£60.00 off your bill");
  await expect(readback.getByTestId("readback-remedy")).toContainText("“£60 off the table's bill”");
  await expect(readback).not.toContainText("£180");
  await expect(readback).not.toContainText(/refund/i);
  await expect(readback).not.toContainText(/We will/);
  await snap(page, "readback-counter-offer");
  await readback.getByRole("button", { name: "Yes, that's right" }).click();
  await expectStage(page, "Prevent");
});

test("a rejected read-back is followed by a new agreement: nothing of the earlier round is promised again", async ({
  page,
  browser,
}, testInfo) => {
  await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
  const { caseId } = await caseThrough(page.request, "confirm");
  await page.goto(`/cases/${caseId}`);
  await expectStage(page, "Confirm");
  await agreeAction(page, "Take the burger off the bill at the till", "Amira");
  await page.getByTestId("stage-panel-confirm").getByRole("button", { name: "Show the customer" }).click();
  let readback = page.getByRole("dialog", { name: /agreed/i });
  await expect(readback.getByTestId("readback-remedy")).toContainText("Something on the house, worth £8.00");
  await readback.getByLabel("Anything not quite right? (optional)").fill("I wanted a new burger, not money off.");
  await readback.getByRole("button", { name: "Not quite" }).click();

  // Back at Solve, heading in view; the customer's words quoted once, with one full stop.
  await expectStage(page, "Solve");
  await expectHeadingBroughtIntoView(page, "Solve");
  const solve = page.getByTestId("stage-panel-solve");
  await expect(solve).toContainText("They said: “I wanted a new burger, not money off.” That's useful");
  await expect(solve).not.toContainText(".”.");
  await solve.getByRole("radio", { name: "Cook a fresh burger now" }).check();
  await solve.getByRole("button", { name: "Agree this solution" }).click();

  // Compensate is not skipped with the old remedy: it is decided again for what is agreed now.
  await expectStage(page, "Compensate");
  const compensate = page.getByTestId("stage-panel-compensate");
  await expect(compensate.getByTestId("earlier-round")).toContainText("Drinks on us (£8.00)");
  await compensate
    .getByRole("group", { name: "Kind" })
    .getByRole("button", { name: /on the house/i })
    .click();
  await compensate.getByLabel("What you are offering").fill("Dessert on the house");
  await compensate.getByLabel("Value (£)").fill("6");
  await compensate.getByRole("button", { name: "Offer compensation" }).click();

  // Confirm starts from what is agreed now: no old action, nothing to show until it is saved.
  await expectStage(page, "Confirm");
  const confirm = page.getByTestId("stage-panel-confirm");
  await expect(confirm.getByLabel("Action", { exact: true })).toHaveValue("");
  await expect(confirm.getByRole("button", { name: "Show the customer" })).toHaveCount(0);
  await expect(confirm.getByTestId("confirm-summary")).toContainText("Cook a fresh burger now");
  await agreeAction(page, "Bring a new burger, cooked through", "Amira");
  await confirm.getByRole("button", { name: "Show the customer" }).click();
  readback = page.getByRole("dialog", { name: /agreed/i });
  await expect(readback.getByTestId("readback-agreed")).toContainText("Cook a fresh burger now");
  await expect(readback.getByTestId("readback-remedy")).toContainText("Something on the house, worth £6.00");
  await expect(readback.getByTestId("readback-actions")).toContainText("Bring a new burger, cooked through");
  await expect(readback.getByTestId("readback-actions")).toContainText("Amira will see to it by today at");
  for (const old of ["Take the burger off the bill", "£8.00", "Drinks on us", "at the till"]) await expect(readback).not.toContainText(old);
  await snap(page, "readback-after-not-quite");
  await readback.getByRole("button", { name: "Yes, that's right" }).click();
  await expectStage(page, "Prevent");

  // The manager's history keeps the first round's agreement, remedy and actions, marked superseded.
  const { baseURL, viewport } = testInfo.project.use;
  const managerContext = await browser.newContext({ baseURL, viewport: viewport ?? undefined, storageState: pairedState("loc-harbour") });
  const manager = await managerContext.newPage();
  expect(
    (await manager.request.post("/api/session/pin", { data: { userId: "usr-maria", pin: "9406", locationId: "loc-harbour" } })).ok(),
  ).toBe(true);
  await manager.goto(`/manager/cases/${caseId}`);
  const history = manager.getByRole("region", { name: /History/ });
  const superseded = history.locator("li").filter({ has: manager.getByTestId("superseded") });
  await expect(superseded).toHaveCount(3);
  await expect(superseded.nth(0)).toContainText("Agreed the solution “Take the burger off the bill”");
  await expect(superseded.nth(1)).toContainText("Drinks on us");
  await expect(superseded.nth(2)).toContainText("Agreed an action");
  await expect(manager.getByRole("region", { name: "The complaint" })).toContainText("superseded: the customer said “not quite”");
  await managerContext.close();
});

test("waiting for a manager is in view and named in the top bar; the manager approves another amount on the tablet", async ({ page }) => {
  await signInWithPin(page, "The Harbour Kitchen", "Ben Okafor", "5163");
  const { caseId } = await caseThrough(page.request, "compensate");
  await page.goto(`/cases/${caseId}`);
  const compensate = page.getByTestId("stage-panel-compensate");
  await compensate.getByRole("group", { name: "Kind" }).getByRole("button", { name: "Refund" }).click();
  await compensate.getByLabel("What you are offering").fill("Refund both main courses");
  await compensate.getByLabel("Value (£)").fill("45");
  await fromTheBottom(page);
  await compensate.getByRole("button", { name: "Offer compensation" }).click();

  const wait = page.getByTestId("manager-wait");
  await expect(wait).toBeInViewport();
  await expect(page.getByRole("heading", { name: "Waiting for a manager" })).toBeFocused();
  const topBar = page.getByRole("region", { name: "Case summary" });
  await expect(topBar.getByTestId("top-bar-waiting")).toContainText("Waiting for a manager");
  await expect(topBar.getByTestId("top-bar-waiting")).toBeInViewport();
  await snap(page, "waiting-for-manager");

  // Scrolled away, the top bar takes staff straight back to it.
  await fromTheBottom(page);
  await topBar.getByTestId("top-bar-waiting").click();
  await expect(wait.getByRole("heading", { name: "Waiting for a manager" })).toBeInViewport();

  // Maria walks over and approves £20 off instead, with her PIN and a note.
  await wait
    .getByRole("group", { name: "Manager" })
    .getByRole("button", { name: /Maria Costa/ })
    .click();
  await expect(wait.getByRole("group", { name: "Manager" })).toContainText("up to £200.00");
  await wait.getByRole("button", { name: "Approve something else" }).click();
  await wait.getByRole("group", { name: "Kind of remedy" }).getByRole("button", { name: "Discount on the bill" }).click();
  await wait.getByLabel("What you approve").fill("£20 off the bill");
  await wait.getByLabel("Value you approve (£)").fill("20");
  await wait.getByLabel(/Manager's note/).fill("Twenty is right for a late dish.");
  await wait.getByLabel("Manager PIN").fill("9406");
  await wait.getByRole("button", { name: "Approve this instead" }).click();
  await expectStage(page, "Confirm");
  await expectHeadingBroughtIntoView(page, "Confirm");
  await expect(topBar).not.toContainText("Waiting for a manager");
  await expect(page.getByTestId("counter-offer")).toContainText("instead of Refund both main courses (£45.00)");
});

/** The venue's wall clock ("HH:MM") at an instant: The Harbour Kitchen is in London. */
const londonClock = (at: number) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
const minutesOfDay = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

// A tablet set to American English in New York: the venue's dates and times still read as the venue's.
test.describe("on a tablet set to another language and time zone", () => {
  test.use({ locale: "en-US", timezoneId: "America/New_York" });

  test("each stage change brings the new stage's heading into view and moves the focus to it", async ({ page }) => {
    await signInWithPin(page, "The Harbour Kitchen", "Ewa Nowak", "3718");
    expect(await page.evaluate(() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone])).toEqual([
      "en-US",
      "America/New_York",
    ]);
    await page.getByRole("button", { name: /New complaint/ }).click();
    await expectStage(page, "Listen");
    const listen = page.getByTestId("stage-panel-listen");
    await listen.getByLabel("What the customer says").fill("Our drinks never came and we had to ask three times.");
    await listen.getByRole("group", { name: "Category" }).getByRole("button", { name: "Drinks" }).click();
    await listen.getByRole("group", { name: "Severity" }).getByRole("button", { name: /Minor/ }).click();
    await listen.getByLabel("Where").fill("Bar stool 3");
    await listen.getByRole("group", { name: "Mood" }).getByRole("button", { name: "Upset" }).click();
    await fromTheBottom(page);
    await listen.getByRole("button", { name: "Heard — next" }).click();
    await expectHeadingBroughtIntoView(page, "Validate");

    const validate = page.getByTestId("stage-panel-validate");
    await validate.getByRole("group", { name: "Feeling" }).getByRole("button", { name: "Ignored" }).click();
    await validate.getByLabel("I acknowledged how they feel").check();
    await fromTheBottom(page);
    await validate.getByRole("button", { name: "Feeling named — next" }).click();
    await expectHeadingBroughtIntoView(page, "Apologise");

    const apologise = page.getByTestId("stage-panel-apologise");
    // A "sorry, but" and an excuse: two notes, each with its own better line, none said twice (the
    // phrase coach of issue 13 never repeats a suggestion within a text, so the shared line this
    // test once expected cannot come up).
    await apologise.getByLabel("Your apology (optional)").fill("Sorry, we're short staffed and someone called in sick.");
    await expect(apologise.getByRole("list", { name: "Phrase coach" }).getByRole("listitem")).toHaveCount(2);
    await expect(apologise.getByTestId("phrase-try")).toHaveCount(2);
    const tries = await apologise.getByTestId("phrase-try").allInnerTexts();
    expect(new Set(tries).size).toBe(2);
    await expect(apologise.getByRole("list", { name: "Phrase coach" })).not.toContainText(".”.");
    await apologise.getByLabel("Your apology (optional)").fill("I'm sorry: you asked three times and that should never happen.");
    await apologise.getByLabel("I apologised sincerely").check();
    await fromTheBottom(page);
    await apologise.getByRole("button", { name: "Apology given — next" }).click();
    await expectHeadingBroughtIntoView(page, "Solve");

    // At Solve the bright button is the next sensible step: offer options first, then agree one.
    const solve = page.getByTestId("stage-panel-solve");
    await expect(solve.getByRole("button", { name: "Offer these options" })).toHaveAttribute("data-primary", "true");
    await expect(solve.getByRole("button", { name: "Agree this solution" })).not.toHaveAttribute("data-primary", "true");
    await solve.getByLabel("Option 1").fill("Bring the drinks now, on us");
    await solve.getByLabel("Option 2").fill("A round of drinks on the house next visit");
    await solve.getByRole("button", { name: "Offer these options" }).click();
    await expect(solve.getByRole("button", { name: "Agree this solution" })).toHaveAttribute("data-primary", "true");
    await expect(solve.getByRole("button", { name: "Offer these options" })).not.toHaveAttribute("data-primary", "true");
    await solve.getByRole("radio", { name: "Bring the drinks now, on us" }).check();
    await fromTheBottom(page);
    await solve.getByRole("button", { name: "Agree this solution" }).click();
    await expectHeadingBroughtIntoView(page, "Compensate");

    const compensate = page.getByTestId("stage-panel-compensate");
    await compensate.getByLabel("Why no compensation").fill("The drinks on us are the gesture.");
    await fromTheBottom(page);
    await compensate.getByRole("button", { name: "No compensation" }).click();
    await expectHeadingBroughtIntoView(page, "Confirm");

    // The due day reads as the venue says it (day before month), whatever the tablet's language.
    const confirm = page.getByTestId("stage-panel-confirm");
    await expect(confirm.getByLabel("Due", { exact: true }).locator("option").first()).toHaveText(
      /^Today \((Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}\)$/,
    );
    await agreeAction(page, "Bring both drinks to bar stool 3", "me");
    // "In 15 min" is on the venue's clock (London), not the tablet's (New York).
    const due = await confirm.getByLabel("Time", { exact: true }).inputValue();
    const ahead = (minutesOfDay(due) - minutesOfDay(londonClock(Date.now())) + 24 * 60) % (24 * 60);
    expect(ahead).toBeGreaterThanOrEqual(10);
    expect(ahead).toBeLessThanOrEqual(25);
    // A note saved at one stage does not stay on screen at the next.
    await page.getByRole("button", { name: "Add note" }).click();
    await page.getByLabel("Note", { exact: true }).fill("Regular: likes the window seat.");
    await page.getByRole("button", { name: "Save note" }).click();
    await expect(page.getByTestId("case-actions")).toContainText("Note saved");
    await page.getByTestId("stage-panel-confirm").getByRole("button", { name: "Show the customer" }).click();
    const readback = page.getByRole("dialog", { name: /agreed/i });
    await expect(readback.getByTestId("readback-actions")).toContainText(new RegExp(`I will see to it by (today|tomorrow) at ${due}\\.`));
    await readback.getByRole("button", { name: "Yes, that's right" }).click();
    await expectHeadingBroughtIntoView(page, "Prevent");
    await expect(page.getByTestId("case-actions")).not.toContainText("Note saved");

    const prevent = page.getByTestId("stage-panel-prevent");
    await prevent.getByRole("group", { name: "Root causes" }).getByRole("button", { name: "Communication" }).click();
    await prevent.getByRole("button", { name: "Tag root causes" }).click();
    await fromTheBottom(page);
    await prevent.getByRole("button", { name: "Close case" }).click();
    await expectHeadingBroughtIntoView(page, "Case closed");
    // The closing summary gives staff the figure managers and trainers see.
    await expect(page.getByTestId("case-summary")).toContainText("First apology after");
  });
});

test("after a case closed offline is sent, the home list shows it closed without a reload", async ({ page, context }) => {
  test.setTimeout(90_000);
  await signInWithPin(page, "The Harbour Kitchen", "Ben Okafor", "5163");
  await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
  const { caseId, reference } = await caseThrough(page.request, "prevent");
  // Home, online: the case is listed at Prevent (and this page is what the tablet keeps).
  await page.goto("/");
  await expect(page.getByTestId(`my-case-${reference}`)).toContainText("Prevent");
  await page.goto(`/cases/${caseId}`);
  await expectStage(page, "Prevent");

  await goOffline(context);
  const prevent = page.getByTestId("stage-panel-prevent");
  await prevent.getByRole("group", { name: "Root causes" }).getByRole("button", { name: "Product quality" }).click();
  await prevent.getByRole("button", { name: "Tag root causes" }).click();
  await prevent.getByRole("button", { name: "Close case" }).click();
  await expect(page.getByTestId("stage-panel-closed")).toBeVisible();
  // A closed case's remedy was given, not merely "offered".
  await expect(page.getByTestId("closed-remedy")).toContainText("(given)");
  await page.goto("/");
  await expect(page.getByTestId("steps-waiting")).toContainText("2 steps waiting to send");
  // Plain words, when this browser may clear what waits here.
  if (await page.getByTestId("storage-refused").isVisible()) {
    await expect(page.getByTestId("storage-refused")).toContainText("Connect to the Wi-Fi");
    await expect(page.getByTestId("storage-refused")).not.toContainText(/protected storage/i);
  }
  await expect(page.getByTestId(`my-case-${reference}`)).toContainText("Prevent");
  await page.evaluate(() => {
    (window as unknown as { __noReload?: boolean }).__noReload = true;
  });

  await goOnline(context);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(page.getByTestId("nothing-waiting")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId(`my-case-${reference}`)).toContainText("Closed", { timeout: 10_000 });
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await snap(page, "home-after-offline-close");
});
