import type { Page } from "@playwright/test";
import { expect, signInWithPin, snap, test } from "./helpers";

/** The stage the rail marks as current. */
async function expectStage(page: Page, label: string) {
  const rail = page.getByRole("list", { name: /stages/i });
  await expect(rail.locator('[aria-current="step"]')).toContainText(label);
}

/** Saved on the server (not just on the tablet): every step recorded there. */
async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(page.getByTestId("save-status")).toContainText("✓ Saved");
}

test("a member of staff walks a whole complaint on a tablet, with a say-no, a return to Listen and a reload", async ({ page }) => {
  await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
  await snap(page, "home");

  // Two taps: the home screen's button opens the case at Listen.
  await page.getByRole("button", { name: /New complaint/ }).click();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  await expectStage(page, "Listen");
  const caseUrl = page.url();

  // Listen
  const listen = page.getByTestId("stage-panel-listen");
  await listen.getByLabel("What the customer says").fill("We've waited fifty minutes for our mains and nobody has come to tell us why.");
  await listen.getByRole("group", { name: "Category" }).getByRole("button", { name: "Waiting" }).click();
  await listen
    .getByRole("group", { name: "Severity" })
    .getByRole("button", { name: /Moderate/ })
    .click();
  await listen.getByLabel("Where").fill("Table 12");
  await listen.getByRole("group", { name: "Mood" }).getByRole("button", { name: "Angry" }).click();
  await snap(page, "stage-listen");
  await listen.getByRole("button", { name: "Heard — next" }).click();
  await expectStage(page, "Validate");
  await waitSaved(page);

  // Validate
  const validate = page.getByTestId("stage-panel-validate");
  await validate.getByRole("group", { name: "Feeling" }).getByRole("button", { name: "Frustrated" }).click();
  await validate.getByLabel("I acknowledged how they feel").check();
  await snap(page, "stage-validate");
  await validate.getByRole("button", { name: "Feeling named — next" }).click();
  await expectStage(page, "Apologise");

  // Apologise: the phrase coach (loaded after the panel takes input) hears a fake apology and an
  // excuse as they are typed, each with one honest line to say instead.
  const apologise = page.getByTestId("stage-panel-apologise");
  await apologise.getByLabel("Your apology (optional)").fill("im sorry u feel that way but were short staffed tonight");
  const notes = apologise.getByRole("list", { name: "Phrase coach" });
  await expect(notes.locator('[data-kind="fake_apology"]')).toContainText("sorry u feel");
  await expect(notes.locator('[data-kind="excuse"]')).toContainText("short staffed");
  await expect(notes.locator('[data-kind="excuse"]')).toContainText("Try:");
  await snap(page, "phrase-coach");
  await apologise
    .getByLabel("Your apology (optional)")
    .fill("I'm so sorry — fifty minutes is far too long and we should have come to you.");
  await apologise.getByLabel("I apologised sincerely").check();
  await snap(page, "stage-apologise");
  await apologise.getByRole("button", { name: "Apology given — next" }).click();
  await expectStage(page, "Solve");

  // Reload mid-case: it resumes exactly where it was.
  await page.reload();
  await expectStage(page, "Solve");
  await expect(page.getByTestId("case-spot")).toContainText("Table 12");

  // Solve: agreeing before two options are offered is refused with the playbook's reason.
  const solve = page.getByTestId("stage-panel-solve");
  await solve.getByLabel("Option 1").fill("Bring the mains out first, within five minutes");
  await solve.getByRole("button", { name: "Offer these options" }).click();
  await waitSaved(page);
  await solve.getByRole("radio", { name: "Bring the mains out first, within five minutes" }).check();
  await solve.getByRole("button", { name: "Agree this solution" }).click();
  await expect(solve.getByTestId("agree-feedback")).toContainText(/at least 2 options/);

  // Say no graciously, with a factual reason and alternatives.
  await solve.getByRole("button", { name: "Say no graciously" }).click();
  await solve.getByLabel("What they asked for").fill("The whole meal free");
  await solve
    .getByLabel("Reason", { exact: true })
    .fill("I can take the mains off the bill; a free meal is beyond what I can offer tonight.");
  await solve.getByLabel("Alternatives").fill("Mains taken off the bill");
  await snap(page, "stage-solve-say-no");
  await solve.getByRole("button", { name: "Say no and offer alternatives" }).click();
  await waitSaved(page);
  await snap(page, "stage-solve");

  // The customer starts venting again: back to Listen, then the coach returns to Solve.
  await page.getByRole("button", { name: "Customer is venting again" }).click();
  await page.getByRole("group", { name: "Go back to" }).getByRole("button", { name: "Listen" }).click();
  await page.getByLabel("What they said (optional)").fill("They said it's their anniversary and the evening is ruined.");
  await page.getByRole("button", { name: "Go back to Listen" }).click();
  await expectStage(page, "Listen");
  await page.getByTestId("stage-panel-listen").getByRole("button", { name: "Heard — next" }).click();
  await expectStage(page, "Validate");
  const again = page.getByTestId("stage-panel-validate");
  await again.getByRole("group", { name: "Feeling" }).getByRole("button", { name: "Disappointed" }).click();
  await again.getByLabel("I acknowledged how they feel").check();
  await again.getByRole("button", { name: "Feeling named — next" }).click();
  await expectStage(page, "Solve");

  await solve.getByRole("radio", { name: "Mains taken off the bill" }).check();
  await solve.getByRole("button", { name: "Agree this solution" }).click();
  await expectStage(page, "Compensate");

  // Compensate, within the staff member's £15 authority.
  const compensate = page.getByTestId("stage-panel-compensate");
  await expect(compensate.getByTestId("remedy-suggestion")).toBeVisible();
  await compensate
    .getByRole("group", { name: "Kind" })
    .getByRole("button", { name: /on the house/i })
    .click();
  await compensate.getByLabel("What you are offering").fill("Desserts on the house for the table");
  await compensate.getByLabel("Value (£)").fill("12");
  await snap(page, "stage-compensate");
  await compensate.getByRole("button", { name: "Offer compensation" }).click();
  await expectStage(page, "Confirm");

  // Confirm: actions with owner and time, then the read-back the customer sees.
  const confirm = page.getByTestId("stage-panel-confirm");
  await confirm.getByLabel("Action", { exact: true }).fill("Bring the mains to the table");
  await confirm.getByLabel("Owner", { exact: true }).fill("Amira");
  await confirm.getByRole("button", { name: "In 15 min" }).first().click();
  await confirm.getByRole("button", { name: "Save actions" }).click();
  await waitSaved(page);
  await snap(page, "stage-confirm");
  await confirm.getByRole("button", { name: "Show the customer" }).click();
  const readback = page.getByRole("dialog", { name: /agreed/i });
  await expect(readback).toBeVisible();
  await expect(readback).toContainText("Mains taken off the bill");
  await expect(readback).toContainText("Desserts on the house for the table");
  await expect(readback).toContainText(/bring the mains to the table/i);
  await expect(readback).toContainText(/Amira will see to it/);
  const fontSize = await readback
    .getByTestId("readback-lines")
    .locator("li")
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(28);
  await snap(page, "readback");
  await readback.getByRole("button", { name: "Yes, that's right" }).click();
  await expectStage(page, "Prevent");

  // Prevent: a root cause from the database's taxonomy, then close.
  const prevent = page.getByTestId("stage-panel-prevent");
  await prevent.getByRole("group", { name: "Root causes" }).getByRole("button", { name: "Wait time" }).click();
  await prevent.getByRole("group", { name: "Root causes" }).getByRole("button", { name: "Communication" }).click();
  await prevent.getByLabel("Prevention note (optional)").fill("Tell tables about kitchen delays within ten minutes.");
  await snap(page, "stage-prevent");
  await prevent.getByRole("button", { name: "Tag root causes" }).click();
  await waitSaved(page);
  await prevent.getByRole("button", { name: "Close case" }).click();
  await expect(page.getByTestId("stage-panel-closed")).toBeVisible();
  await expect(page.getByTestId("breather")).toBeVisible(); // angry customer and a return to Listen: a hard case
  await expect(page.getByTestId("breather-why")).toContainText("don't come back");
  await snap(page, "closed");

  // Opening the case again (another tablet, or later) shows the same closed case.
  await page.goto(caseUrl);
  await expect(page.getByTestId("stage-panel-closed")).toBeVisible();
});

test("the server enforces the playbook: a skipped stage is 409, malformed input is 400, a repeat is stored once", async ({
  page,
  baseURL,
}) => {
  await signInWithPin(page, "The Harbour Kitchen", "Ben Okafor", "5163");
  const headers = { origin: baseURL ?? "" };
  const opened = await page.request.post("/api/cases", { data: { clientEventId: `e2e-open-${Date.now()}` }, headers });
  expect(opened.status()).toBe(201);
  const { caseId } = (await opened.json()) as { caseId: string };

  const skip = await page.request.post(`/api/cases/${caseId}/events`, {
    headers,
    data: { clientEventId: `e2e-skip-${Date.now()}`, event: { type: "solution_agreed", data: { option: "A free meal" } } },
  });
  expect(skip.status()).toBe(409);
  expect(((await skip.json()) as { error: { message: string } }).error.message).toMatch(/Solve/);

  const malformed = await page.request.post(`/api/cases/${caseId}/events`, {
    headers,
    data: { clientEventId: `e2e-bad-${Date.now()}`, event: { type: "complaint_heard", data: { customerWords: "", severity: 7 } } },
  });
  expect(malformed.status()).toBe(400);

  const notJson = await page.request.post(`/api/cases/${caseId}/events`, {
    headers: { ...headers, "content-type": "application/json" },
    data: "{oops",
  });
  expect(notJson.status()).toBe(400);

  const step = {
    clientEventId: `e2e-heard-${Date.now()}`,
    event: {
      type: "complaint_heard",
      data: { customerWords: "Cold soup", category: "food_quality", severity: 1, spot: "Bar", mood: "calm" },
    },
  };
  const first = await page.request.post(`/api/cases/${caseId}/events`, { headers, data: step });
  const repeat = await page.request.post(`/api/cases/${caseId}/events`, { headers, data: step });
  expect(first.status()).toBe(201);
  expect(repeat.status()).toBe(200);
  const [a, b] = [(await first.json()) as { sequence: number }, (await repeat.json()) as { sequence: number; duplicate: boolean }];
  expect(b.sequence).toBe(a.sequence);
  expect(b.duplicate).toBe(true);

  const view = (await (await page.request.get(`/api/cases/${caseId}`)).json()) as { log: unknown[] };
  expect(view.log).toHaveLength(2);
});

test("a live case warns when the same problem keeps coming back today", async ({ page, baseURL }) => {
  await signInWithPin(page, "The Harbour Kitchen", "Ben Okafor", "5163");
  const headers = { origin: baseURL ?? "" };
  const stamp = Date.now();
  let lastCaseId = "";
  for (const n of [1, 2]) {
    const opened = await page.request.post("/api/cases", { headers, data: { clientEventId: `e2e-repeat-${stamp}-${n}` } });
    lastCaseId = ((await opened.json()) as { caseId: string }).caseId;
    const heard = await page.request.post(`/api/cases/${lastCaseId}/events`, {
      headers,
      data: {
        clientEventId: `e2e-repeat-heard-${stamp}-${n}`,
        event: {
          type: "complaint_heard",
          data: { customerWords: "The music is far too loud", category: "noise", severity: 1, spot: `Table ${n}`, mood: "upset" },
        },
      },
    });
    expect(heard.status()).toBe(201);
  }
  await page.goto(`/cases/${lastCaseId}`);
  await expect(page.getByTestId("repeat-warning")).toContainText(/noise complaint at this location today/i);
});
