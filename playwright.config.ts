import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium: Playwright cannot download its own browsers on these machines.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const port = process.env.E2E_PORT ?? "3100";
export const E2E_BASE_URL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Pairs the suite's tablets (PIN sign-in needs one): tests/e2e/helpers.ts.
  globalSetup: "./tests/e2e/global-setup.ts",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "ipad-landscape", use: { ...devices["iPad (gen 7) landscape"], browserName: "chromium" }, testIgnore: /portrait/ },
    { name: "ipad-portrait", use: { ...devices["iPad (gen 7)"], browserName: "chromium" }, testMatch: /portrait/ },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${E2E_BASE_URL}/sign-in`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
  },
});
