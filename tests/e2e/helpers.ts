import { expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";

export const SCREENSHOT_DIR = path.resolve(__dirname, "..", "..", "docs", "screenshots");
mkdirSync(SCREENSHOT_DIR, { recursive: true });

/** Saves a screenshot that the README shows; look at them after a UI change. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Signs in on the shared-tablet screen: location, name, PIN. */
export async function signInWithPin(page: Page, location: string, name: string, pin: string): Promise<void> {
  await page.goto("/sign-in");
  const locationButton = page.getByRole("button", { name: location });
  if (await locationButton.isVisible().catch(() => false)) await locationButton.click();
  await page.getByRole("button", { name: new RegExp(name) }).click();
  await page.getByLabel("PIN", { exact: true }).fill(pin);
  await page.getByRole("button", { name: "Go" }).click();
  await expect(page.getByRole("button", { name: /New complaint/ })).toBeVisible();
}
