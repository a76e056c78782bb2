import type { Locator, Page } from "@playwright/test";
import { scriptCase } from "../support/playbook/walkthrough";
import { expect, signInWithPin, snap, test } from "./helpers";

/**
 * Practice that teaches (issue 16), on an iPad: a trainer sets a drill; the trainee fails it
 * against a customer who reacts (an excuse and a bare no: they vent again and refuse the
 * read-back; "Customer left" cannot earn full marks), then passes it; the trainer sees both runs
 * with their scores and comments on one; the trainee acknowledges the comment.
 */

async function signInAsTrainer(page: Page) {
  await page.context().clearCookies({ name: "coach_session" });
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Manager / trainer / admin sign-in" }).click();
  await page.getByLabel("Email").fill("tara@example.com");
  await page.getByLabel("Password").fill("trainer-demo-pass");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: /Case replay/ })).toBeVisible();
}

async function signInAsBen(page: Page) {
  await page.context().clearCookies({ name: "coach_session" }); // the next person, on the same paired tablet
  await signInWithPin(page, "The Harbour Kitchen", "Ben Okafor", "5163");
}

async function expectStage(page: Page, label: string) {
  await expect(page.getByRole("list", { name: /stages/i }).locator('[aria-current="step"]')).toContainText(label);
}

/** The customer's panel is on screen, below the sticky bar, after a stage change. */
async function expectCustomerInView(page: Page, customer: Locator) {
  await expect(customer).toBeInViewport({ ratio: 0.3 });
}

async function listen(page: Page) {
  const panel = page.getByTestId("stage-panel-listen");
  await panel.getByLabel("What the customer says").fill("My main came out cold and we waited forty minutes for it.");
  await panel.getByRole("group", { name: "Category" }).getByRole("button", { name: "Food quality" }).click();
  await panel
    .getByRole("group", { name: "Severity" })
    .getByRole("button", { name: /Moderate/ })
    .click();
  await panel.getByLabel("Where").fill("Table 4");
  await panel.getByRole("group", { name: "Mood" }).getByRole("button", { name: "Upset" }).click();
  await panel.getByRole("button", { name: "Heard — next" }).click();
  await expectStage(page, "Validate");
}

async function validate(page: Page, words: string) {
  const panel = page.getByTestId("stage-panel-validate");
  await panel.getByRole("group", { name: "Feeling" }).getByRole("button", { name: "Frustrated" }).click();
  await panel.getByLabel("I acknowledged how they feel").check();
  await panel.getByLabel("Your words (optional)").fill(words);
  await panel.getByRole("button", { name: "Feeling named — next" }).click();
}

async function apologise(page: Page, words: string) {
  const panel = page.getByTestId("stage-panel-apologise");
  await panel.getByLabel("Your apology (optional)").fill(words);
  await panel.getByLabel("I apologised sincerely").check();
  await panel.getByLabel("It was our fault").check();
  await panel.getByRole("button", { name: "Apology given — next" }).click();
  await expectStage(page, "Solve");
}

async function agreeActions(page: Page) {
  const confirm = page.getByTestId("stage-panel-confirm");
  await confirm.getByLabel("Action", { exact: true }).fill("Bring a fresh main to the table");
  await confirm.getByLabel("Owner", { exact: true }).fill("Ben");
  await confirm.getByRole("button", { name: "In 15 min" }).first().click();
  await confirm.getByRole("button", { name: "Save actions" }).click();
  await confirm.getByRole("button", { name: "Show the customer" }).click();
  const dialog = page.getByRole("dialog", { name: /agreed/i });
  await expect(dialog.getByTestId("practice-readback")).toBeVisible();
  // In practice the trainee cannot answer for the customer.
  await expect(dialog.getByRole("button", { name: "Yes, that's right" })).toHaveCount(0);
  return dialog;
}

async function startFromBrief(page: Page) {
  const brief = page.getByTestId("practice-brief");
  await expect(brief).toBeVisible();
  await expect(brief).not.toContainText(/real case this was|Moderate|frustrated/i);
  await brief.getByRole("button", { name: /Start practice|Practise it again/ }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  await expect(page.getByTestId("practice-banner")).toBeVisible();
}

test("a trainer sets a drill; the trainee fails it against a customer who reacts, then passes; the trainer comments and the trainee acknowledges", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const run = Date.now() % 100000;
  // A real, ended case at the Harbour Kitchen to drill on: an upset customer, a moderate failure.
  await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
  const headers = { origin: baseURL ?? "" };
  const opened = await page.request.post("/api/cases", { data: { clientEventId: `e2e-drill-${run}` }, headers });
  expect(opened.status()).toBe(201);
  const { caseId: sourceId, reference } = (await opened.json()) as { caseId: string; reference: string };
  const script = scriptCase({
    rootCauses: ["wait_time"],
    mood: "upset",
    severity: 2,
    spot: "Table 4",
    customerWords: "My main came out cold and we waited forty minutes for it.",
    id: `drill${run}`,
  });
  for (const [i, event] of script.events.slice(1).entries()) {
    const sent = await page.request.post(`/api/cases/${sourceId}/events`, {
      data: { clientEventId: `e2e-drill-${run}-${i}`, event },
      headers,
    });
    expect(sent.status(), await sent.text()).toBe(201);
  }

  // The trainer assigns it to Ben as a drill, due in a week.
  await signInAsTrainer(page);
  await page.goto(`/trainer/practice?source=${sourceId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Practice desk" })).toBeVisible();
  const form = page.getByTestId("assign-drill");
  await expect(form.getByLabel("Case to practise")).toHaveValue(sourceId);
  await form.getByLabel("For", { exact: true }).selectOption({ label: "Ben Okafor" });
  await form.getByLabel(/Note for them/).fill(`Say no with a reason and two alternatives (${run})`);
  await form.getByRole("button", { name: "Assign drill" }).click();
  await expect(form).toContainText(`Drill on case ${reference} set for Ben Okafor.`);
  const drill = page.getByTestId("drill").filter({ hasText: `(${run})` });
  await expect(drill).toContainText("Ben Okafor: not yet");
  await snap(page, "practice-desk-drill");

  // Ben finds it on his practice page.
  await signInAsBen(page);
  await page.getByRole("link", { name: /Practice/ }).click();
  const mine = page.getByTestId("my-drill").filter({ hasText: `(${run})` });
  await expect(mine).toContainText(`case ${reference}`);
  await expect(mine).toContainText("Set by Tara Quinn");
  await mine.getByRole("link", { name: "Start the drill" }).click();

  // ── Run 1: an excuse and a bare no ──
  await startFromBrief(page);
  const customer = page.getByTestId("practice-customer");
  await expect(customer).toContainText("My main came out cold");
  await listen(page);
  await validate(page, "I can see how frustrating that is after such a long wait.");
  await expectStage(page, "Apologise");
  await expectCustomerInView(page, customer);
  await expect(customer.getByTestId("customer-talk")).toContainText("Customer:");
  await apologise(page, "Sorry, we're really short staffed tonight.");
  await expect(customer.locator("[data-reactions~=excuse]")).toBeVisible();
  await expectCustomerInView(page, customer);

  const solve = page.getByTestId("stage-panel-solve");
  await solve.getByRole("button", { name: "Say no graciously" }).click();
  await solve.getByLabel("What they asked for").fill("Make the whole meal free");
  await solve.getByLabel("Reason").fill("No, we don't do that.");
  await solve.getByLabel("Alternatives").fill("Nothing else");
  await solve.getByRole("button", { name: "Say no and offer alternatives" }).click();
  // Pushed too far: the customer vents again.
  await expect(customer.getByTestId("customer-vents")).toBeVisible();
  await expect(customer).toHaveAttribute("data-venting", "true");
  await expect(customer.getByTestId("customer-venting")).toBeVisible();
  await snap(page, "practice-customer-vents");

  // Hear them out again, as the coach asks.
  await page.getByTestId("case-actions").getByRole("button", { name: "Customer is venting again" }).click();
  await page.getByTestId("case-actions").getByRole("button", { name: "Go back to Listen" }).click();
  await expectStage(page, "Listen");
  await expect(customer).toHaveAttribute("data-venting", "false");
  await listen(page);
  await validate(page, "I understand, that's really frustrating.");
  await expectStage(page, "Solve");
  await solve.getByLabel("Option 1").fill("Cook a fresh main now");
  await solve.getByRole("button", { name: "Offer these options" }).click();
  await solve.getByRole("radio", { name: "Cook a fresh main now" }).check();
  await solve.getByRole("button", { name: "Agree this solution" }).click();
  await expectStage(page, "Compensate");
  await expectCustomerInView(page, customer);
  const compensate = page.getByTestId("stage-panel-compensate");
  await compensate.getByLabel("Why no compensation").fill("Not needed");
  await compensate.getByRole("button", { name: "No compensation" }).click();
  await expectStage(page, "Confirm");

  // Nothing real was offered: the customer refuses the read-back.
  let dialog = await agreeActions(page);
  await snap(page, "practice-readback-refusing");
  await dialog.getByRole("button", { name: "Hand the tablet to the customer" }).click();
  await expectStage(page, "Solve");
  await expect(customer.getByTestId("customer-talk")).toContainText("“Not quite.");
  await snap(page, "practice-readback-refused");

  // Ending the run with "Customer left" cannot earn full marks.
  await page.getByTestId("case-actions").getByRole("button", { name: "Customer left" }).click();
  await page.getByRole("group", { name: "Confirm the customer left" }).getByLabel("What happened").fill("They left");
  await page.getByRole("group", { name: "Confirm the customer left" }).getByRole("button", { name: "Yes, end the case" }).click();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await customer.getByRole("link", { name: "See your score beside the original" }).click();
  const result = page.getByTestId("practice-result");
  const yourScore = result.getByTestId("comparison").locator("thead th").nth(1);
  await expect(yourScore).not.toContainText(/100\s*\/ 100/);
  await expect(result.getByTestId("comparison")).toContainText("Kept the customer: no walk-out");
  await expect(result.getByTestId("comparison")).toContainText("The practice run was ended with the customer still there.");
  await expect(result.getByTestId("comparison")).toContainText(/blunt no/i);

  // ── Run 2: done well ──
  await startFromBrief(page);
  await listen(page);
  await validate(page, "That sounds really frustrating, especially after waiting so long.");
  await apologise(page, "I'm so sorry, that is not the meal we want you to have.");
  await solve.getByLabel("Option 1").fill("Cook a fresh main now");
  if (
    !(await solve
      .getByLabel("Option 2")
      .isVisible()
      .catch(() => false))
  )
    await solve.getByRole("button", { name: /Add another option/ }).click();
  await solve.getByLabel("Option 2").fill("Take the main off the bill");
  await solve.getByRole("button", { name: "Offer these options" }).click();
  await solve.getByRole("radio", { name: "Cook a fresh main now" }).check();
  await solve.getByRole("button", { name: "Agree this solution" }).click();
  await expectStage(page, "Compensate");
  await compensate
    .getByRole("group", { name: "Kind" })
    .getByRole("button", { name: /on the house/i })
    .click();
  await compensate.getByLabel("What you are offering").fill("Dessert and coffee on the house");
  await compensate.getByLabel("Value (£)").fill("9");
  await compensate.getByRole("button", { name: "Offer compensation" }).click();
  await expectStage(page, "Confirm");
  await expect(customer).toHaveAttribute("data-venting", "false");
  dialog = await agreeActions(page);
  await dialog.getByRole("button", { name: "Hand the tablet to the customer" }).click();
  await expectStage(page, "Prevent");
  await expect(customer.getByTestId("customer-talk")).toContainText(/Yes|That's right/);
  await snap(page, "practice-readback-accepted");
  const prevent = page.getByTestId("stage-panel-prevent");
  await prevent.getByRole("group", { name: "Root causes" }).getByRole("button", { name: "Product quality" }).click();
  await prevent.getByRole("button", { name: "Tag root causes" }).click();
  await prevent.getByRole("button", { name: "Close case" }).click();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await customer.getByRole("link", { name: "See your score beside the original" }).click();
  await expect(page.getByTestId("practice-result").getByTestId("comparison").locator("thead th").nth(1)).toContainText(/100\s*\/ 100/);
  await snap(page, "practice-result-pass");

  // ── The trainer sees both runs with their scores, and comments on the first ──
  await signInAsTrainer(page);
  await page.goto("/trainer/practice?person=usr-ben");
  await expect(page.getByTestId("drill").filter({ hasText: `(${run})` })).toContainText("Ben Okafor: done, best 100");
  const rows = page.getByTestId("run-row").filter({ hasText: `case ${reference}` });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(/100\s*\/ 100/);
  await expect(rows.nth(1)).toContainText("Kept the customer: no walk-out");
  await page.getByRole("heading", { level: 2, name: "Practice runs" }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, document.querySelector("[data-testid=practice-runs]")?.getBoundingClientRect().top ?? 0));
  await snap(page, "practice-desk-runs");
  await rows.nth(1).getByRole("link", { name: "Replay and comment" }).click();
  await expect(page.getByTestId("replay")).toContainText("Practice run");
  // Keyboard shortcuts keep stepping after a speed change.
  await page.getByRole("group", { name: "Speed" }).getByRole("button", { name: "2×" }).click();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("replay-position")).toHaveText(/^Step 3 of/);
  await expect(page.getByRole("group", { name: "Speed" }).getByRole("button", { name: "2×" })).toHaveAttribute("aria-pressed", "true");
  const apologyItem = page.getByTestId("rubric").locator('[data-item="apology_no_excuses"]');
  await apologyItem.click();
  const step = Number((await apologyItem.textContent())?.match(/step (\d+)/)?.[1]);
  const comment = `Drop the excuse: say sorry and stop there. (${run})`;
  await page.getByLabel(`Comment on step ${step}`).fill(comment);
  await page.getByRole("button", { name: `Pin to step ${step}` }).click();
  await expect(page.getByTestId("comments")).toContainText(`Pinned to step ${step}`);
  // What the practice customer said after the excuse replays with the run.
  await expect(page.getByTestId("practice-customer-reply")).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, "practice-replay-comment");

  // ── Ben acknowledges it ──
  await signInAsBen(page);
  await page.getByRole("link", { name: /My feedback/ }).click();
  const feedback = page.getByTestId("feedback-comment").filter({ hasText: comment });
  await expect(feedback).toContainText("Tara Quinn");
  await feedback.getByRole("button", { name: `Acknowledge the comment on step ${step}` }).click();
  await expect(feedback).toContainText("✓ Acknowledged");

  // The trainer sees it acknowledged.
  await signInAsTrainer(page);
  await page.goto("/trainer/practice?person=usr-ben");
  await expect(
    page
      .getByTestId("run-row")
      .filter({ hasText: `case ${reference}` })
      .nth(1),
  ).toContainText("1 (1 seen)");
});

test("the trainer reads the practice customer's reactions", async ({ page }) => {
  await signInAsTrainer(page);
  await page.getByRole("link", { name: /Practice desk/ }).click();
  await page.getByRole("navigation", { name: "Training" }).getByRole("link", { name: "Customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The practice customer" })).toBeVisible();
  await expect(page.getByRole("region", { name: "What makes them angrier" })).toContainText("An excuse");
  await expect(page.getByRole("region", { name: "What calms them" })).toContainText("Their feeling said out loud");
  await snap(page, "practice-reactions");
});
