import { expect, signInWithPin, snap, test } from "./helpers";

/** The same coach held upright: nothing overflows sideways and every target stays tappable. */
test("the coach is usable in portrait", async ({ page }) => {
  await signInWithPin(page, "The Harbour Kitchen", "Ewa Nowak", "3718");
  await page.getByRole("button", { name: /New complaint/ }).click();
  await expect(page.getByTestId("stage-panel-listen")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const small = await page.evaluate(
    () =>
      [...document.querySelectorAll("main button, main input, main textarea, main a")]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.height < 44 && r.width > 0).length,
  );
  expect(small).toBe(0);
  await snap(page, "portrait-listen");
});
