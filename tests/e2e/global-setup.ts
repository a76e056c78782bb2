import { pairSuiteTablets } from "./helpers";

/**
 * Runs once the test server is up (Playwright starts webServer first): pairs one tablet per demo
 * venue through the real pairing API; tests/e2e/helpers.ts hands its cookie to every test.
 */
export default async function globalSetup(): Promise<void> {
  await pairSuiteTablets();
}
