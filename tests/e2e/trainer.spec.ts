import type { Page } from "@playwright/test";
import { scriptCase } from "../../tests/support/playbook/walkthrough";
import { expect, signInWithPin, snap, test } from "./helpers";

/** The trainer's replay, scoring and coaching, and a trainee's practice run, on an iPad. */

async function signInAsTrainer(page: Page) {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Manager / trainer / admin sign-in" }).click();
  await page.getByLabel("Email").fill("tara@example.com");
  await page.getByLabel("Password").fill("trainer-demo-pass");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: /Case replay/ })).toBeVisible();
}

async function expectStage(page: Page, label: string) {
  await expect(page.getByRole("list", { name: /stages/i }).locator('[aria-current="step"]')).toContainText(label);
}

const position = (page: Page) => page.getByTestId("replay-position");

test("a trainer replays a closed case, steps through it and pins a comment; the staff member acknowledges it", async ({ page }) => {
  await signInAsTrainer(page);
  await page.getByRole("link", { name: /Case replay/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Case replay" })).toBeVisible();

  // Amira's closed cases, newest first, each with its score.
  const search = page.getByRole("search", { name: "Find a case" });
  await search.getByLabel("Person").selectOption({ label: "Amira Shah" });
  await search.getByLabel("Ended").selectOption("closed");
  await search.getByRole("button", { name: "Find cases" }).click();
  await expect(page).toHaveURL(/staff=usr-amira/);
  const rows = page.getByTestId("replay-cases").locator("tbody tr");
  await expect(rows.first()).toContainText("Amira Shah");
  await expect(rows.first()).toContainText("/ 100");
  await snap(page, "trainer-cases");
  // An older, seeded case: its steps are minutes apart, so playback at 4× can be watched step by
  // step (cases closed by earlier browser tests took milliseconds and would play out at once).
  await rows.last().getByRole("link").first().click();

  // The player: stage rail, controls with visible keyboard hints, the first step.
  await expect(page.getByTestId("replay")).toBeVisible();
  await expect(position(page)).toHaveText(/^Step 1 of \d+$/);
  const total = Number((await position(page).textContent())?.match(/of (\d+)/)?.[1]);
  expect(total).toBeGreaterThan(8);
  await expect(page.getByTestId("keyboard-hints")).toContainText("Space");
  await expect(page.getByTestId("step-card")).toContainText(/Opened case/);
  await expectStage(page, "Listen");

  // Play at 4×: the next step arrives by itself (its real gap, at most a minute, divided by 4).
  await page.getByText("4×", { exact: true }).click();
  await page.getByTestId("play-pause").click();
  await expect(page.getByTestId("play-pause")).toHaveText(/Pause/);
  await expect(position(page)).toHaveText(/^Step 2 of/, { timeout: 20_000 });
  await expect(page.getByTestId("step-card")).toContainText(/Heard the complaint/);
  await expectStage(page, "Validate");
  // Space pauses; the arrows step forward and back.
  await page.keyboard.press("Space");
  await expect(page.getByTestId("play-pause")).toHaveText(/Play/);
  const paused = Number((await position(page).textContent())?.match(/Step (\d+)/)?.[1]);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(position(page)).toHaveText(new RegExp(`^Step ${paused + 2} of`));
  await page.keyboard.press("ArrowLeft");
  await expect(position(page)).toHaveText(new RegExp(`^Step ${paused + 1} of`));
  // "Step by step": each press of play moves one step.
  await page.getByText("Step by step", { exact: true }).click();
  await page.getByTestId("play-pause").click();
  await expect(position(page)).toHaveText(new RegExp(`^Step ${paused + 2} of`));

  // Jump along the timeline to the end: the case is closed, the read-back and the customer's answer shown.
  await page.getByRole("navigation", { name: "Timeline" }).getByRole("button").last().click();
  await expect(position(page)).toHaveText(new RegExp(`^Step ${total} of ${total}$`));
  await expect(page.getByTestId("so-far-readback")).toContainText("What we agreed:");
  await expect(page.getByTestId("so-far-readback")).toContainText(/The customer: “Yes, that's right.”/);

  // A rubric item jumps to the step that proves it, marked on the timeline.
  const apologyItem = page.getByTestId("rubric").locator('[data-item="apology_no_excuses"]');
  await apologyItem.click();
  await expect(apologyItem).toHaveAttribute("aria-pressed", "true");
  const step = Number((await apologyItem.textContent())?.match(/step (\d+)/)?.[1]);
  await expect(position(page)).toHaveText(new RegExp(`^Step ${step} of`));
  await expect(page.getByTestId("step-card")).toContainText(/Apologised/);
  await expect(page.getByTestId("step-proofs")).toContainText("Apologised without excuses");
  await expect(page.getByTestId("timeline").locator('[data-proof="true"]')).toHaveText(String(step));
  await snap(page, "trainer-replay");

  // Pin a comment to that step.
  const comment = `Good apology on step ${step}: short, no excuses. (${Date.now() % 100000})`;
  await page.getByLabel(`Comment on step ${step}`).fill(comment);
  await page.getByRole("button", { name: `Pin to step ${step}` }).click();
  await expect(page.getByTestId("comments")).toContainText(`Pinned to step ${step}`);
  await expect(page.getByTestId("comments").getByRole("button").filter({ hasText: comment })).toBeVisible();
  await expect(page.getByTestId("step-card")).toContainText(comment);
  await page.getByTestId("comments").scrollIntoViewIfNeeded();
  await snap(page, "trainer-replay-comment");

  // The staff member signs in with her PIN and finds it in "My feedback".
  await page.context().clearCookies({ name: "coach_session" }); // the next person, on the same paired tablet
  await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
  await page.getByRole("link", { name: /My feedback/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My feedback" })).toBeVisible();
  const mine = page.getByTestId("feedback-comment").filter({ hasText: comment });
  await expect(mine).toContainText(`Step ${step}: Apologised`);
  await expect(mine).toContainText("Tara Quinn");
  await snap(page, "trainer-feedback");
  await mine.getByRole("button", { name: `Acknowledge the comment on step ${step}` }).click();
  await expect(mine).toContainText("✓ Acknowledged");
  await page.reload();
  await expect(page.getByTestId("feedback-comment").filter({ hasText: comment })).toContainText("you acknowledged it");
});

test("the library and everyone's progress", async ({ page }) => {
  await signInAsTrainer(page);
  await page.goto("/trainer/library");
  await expect(page.getByRole("heading", { level: 1, name: "Case library" })).toBeVisible();
  await expect(page.getByTestId("collection").first()).toBeVisible();
  const run = Date.now() % 100000;
  const name = `Calm under fire ${run}`;
  await page.getByLabel("New collection name").fill(name);
  await page.getByLabel(/What it teaches/).fill("Furious guests, handled calmly.");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  await snap(page, "trainer-library");

  // Tag a case into it from its replay, then find it by tag.
  await page.goto("/trainer?status=closed");
  await page.getByTestId("replay-cases").locator("tbody tr").nth(1).getByRole("link").first().click();
  const panel = page.getByTestId("collection-panel");
  await panel.getByLabel("Collection").selectOption({ label: name });
  await panel.getByLabel(/Tags/).fill(`calm, e2e ${run}`);
  await panel.getByRole("button", { name: "Add to collection" }).click();
  await expect(panel).toContainText(`In “${name}” with calm, e2e ${run}.`);
  await page.goto(`/trainer/library?tag=${encodeURIComponent(`e2e ${run}`)}`);
  await expect(page.getByTestId("collection")).toHaveCount(1);
  await expect(page.getByTestId("collection")).toContainText(name);

  await page.getByRole("navigation", { name: "Training" }).getByRole("link", { name: "Progress" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Progress" })).toBeVisible();
  await expect(page.getByTestId("progress-table")).toContainText("Amira Shah");
  await expect(page.getByRole("img", { name: /Amira Shah: weekly average score/ })).toBeVisible();
  await snap(page, "trainer-progress");
});

test("trainer pages never show a customer's name, email or phone number", async ({ page, baseURL }) => {
  const email = `e2e.guest.${Date.now() % 100000}@example.net`;
  const phone = "07700 900654";
  // Ben records a whole complaint with the customer's contact details in what they said.
  await signInWithPin(page, "The Harbour Kitchen", "Ben Okafor", "5163");
  const headers = { origin: baseURL ?? "" };
  const opened = await page.request.post("/api/cases", { data: { clientEventId: `e2e-redact-${Date.now()}` }, headers });
  expect(opened.status()).toBe(201);
  const { caseId, reference } = (await opened.json()) as { caseId: string; reference: string };
  const script = scriptCase({
    rootCauses: ["wait_time"],
    customerWords: `Cold soup. I'm Rosalind Pembrooke. Email ${email} or ring ${phone}.`,
    id: `e2e${Date.now() % 100000}`,
  });
  for (const [i, event] of script.events.slice(1).entries()) {
    const sent = await page.request.post(`/api/cases/${caseId}/events`, {
      data: { clientEventId: `e2e-redact-${caseId}-${i}`, event },
      headers,
    });
    expect(sent.status(), await sent.text()).toBe(201);
  }
  expect(await (await page.request.get(`/api/cases/${caseId}`)).text()).toContain(email);

  await page.context().clearCookies({ name: "coach_session" }); // the next person, on the same paired tablet
  await signInAsTrainer(page);
  for (const url of [
    `/trainer?q=${reference}`,
    `/trainer/cases/${caseId}`,
    "/trainer/library",
    "/trainer/progress",
    `/cases/${caseId}`,
    `/api/trainer/cases/${caseId}`,
    `/api/trainer/cases?q=${reference}`,
  ]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    const body = await response.text();
    expect(body, url).not.toContain(email);
    expect(body, url).not.toContain(phone);
    expect(body, url).not.toContain("900654");
    expect(body, url).not.toContain("Pembrooke");
  }
  await page.goto(`/trainer/cases/${caseId}`);
  await page
    .getByRole("navigation", { name: "Timeline" })
    .getByRole("button", { name: /^Step 2,/ })
    .click();
  await expect(page.getByTestId("case-so-far")).toContainText("[email removed]");
  await expect(page.getByTestId("case-so-far")).toContainText("I'm [name removed].");
  expect((await page.request.get("/api/manager/cases.csv")).status()).toBe(403);
});
