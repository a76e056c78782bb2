import { expect, request as playwrightRequest, test as base, type BrowserContext, type Page, type Route } from "@playwright/test";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SCREENSHOT_DIR = path.resolve(__dirname, "..", "..", "docs", "screenshots");
mkdirSync(SCREENSHOT_DIR, { recursive: true });

/** Saves a screenshot that the README shows; look at them after a UI change. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

// ---------------------------------------------------------------------------------------------
// Paired tablets. PIN sign-in works only on a tablet paired to a venue (lib/auth/sign-in-with-pin.ts),
// so the suite pairs one tablet per demo venue once (tests/e2e/global-setup.ts, through the real
// pairing API) and every test's browser context starts as that tablet: `test` below, for pages,
// and `pairedState` / `deviceCookie` for contexts and API clients a test makes itself.
// ---------------------------------------------------------------------------------------------

export type Venue = "loc-harbour" | "loc-grand";
export type Cookie = {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: "Lax" | "Strict" | "None";
};

const port = process.env.E2E_PORT ?? "3100";
export const BASE_URL = `http://localhost:${port}`;
export const DEVICES_FILE = path.resolve(__dirname, "..", ".tmp", `e2e-devices-${port}.json`);

const ADMIN = { email: "admin@example.com", password: "admin-demo-pass" };

/**
 * Pairs a new tablet to `venue` as the demo admin would from Admin → Tablets, and returns the
 * tablet's device cookie. Tests that count failures (throttling) pair one of their own.
 */
export async function pairTablet(venue: Venue, name = `E2E tablet ${venue}`, baseURL = BASE_URL): Promise<Cookie> {
  // Explicitly empty: inside a test, new contexts inherit the test's storage state (a paired
  // tablet), and pairing a browser again unpairs its old credential.
  const none = { cookies: [], origins: [] };
  const admin = await playwrightRequest.newContext({ baseURL, storageState: none });
  try {
    const signedIn = await admin.post("/api/session/password", { data: ADMIN });
    expect(signedIn.status(), await signedIn.text()).toBe(200);
    const made = await admin.post("/api/devices/pairing-codes", { data: { locationId: venue, name } });
    expect(made.status(), await made.text()).toBe(201);
    const { code } = (await made.json()) as { code: string };
    const tablet = await playwrightRequest.newContext({ baseURL, storageState: none });
    try {
      const paired = await tablet.post("/api/devices/pair", { data: { code } });
      expect(paired.status(), await paired.text()).toBe(200);
      const cookie = (await tablet.storageState()).cookies.find((c) => c.name === "coach_device");
      if (!cookie) throw new Error("pairing set no coach_device cookie");
      return cookie;
    } finally {
      await tablet.dispose();
    }
  } finally {
    await admin.dispose();
  }
}

/** A one-time pairing code for `venue`, made as the demo admin would on Admin → Tablets. */
export async function pairingCode(venue: Venue, name: string, baseURL = BASE_URL): Promise<string> {
  const admin = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const signedIn = await admin.post("/api/session/password", { data: ADMIN });
    expect(signedIn.status(), await signedIn.text()).toBe(200);
    const made = await admin.post("/api/devices/pairing-codes", { data: { locationId: venue, name } });
    expect(made.status(), await made.text()).toBe(201);
    return ((await made.json()) as { code: string }).code;
  } finally {
    await admin.dispose();
  }
}

/** Writes the suite's paired tablets (called once, from global setup). */
export async function pairSuiteTablets(baseURL = BASE_URL): Promise<void> {
  const devices: Record<Venue, Cookie> = {
    "loc-harbour": await pairTablet("loc-harbour", "E2E tablet, The Harbour Kitchen", baseURL),
    "loc-grand": await pairTablet("loc-grand", "E2E tablet, Grand Station Hotel", baseURL),
  };
  mkdirSync(path.dirname(DEVICES_FILE), { recursive: true });
  writeFileSync(DEVICES_FILE, JSON.stringify(devices, null, 2));
}

/** The suite's paired tablet for a venue: its device cookie. */
export function deviceCookie(venue: Venue = "loc-harbour"): Cookie {
  const devices = JSON.parse(readFileSync(DEVICES_FILE, "utf8")) as Record<Venue, Cookie>;
  return devices[venue];
}

/** Storage state for a browser or API context that is the suite's paired tablet at `venue`. */
export function pairedState(venue: Venue = "loc-harbour"): { cookies: Cookie[]; origins: [] } {
  return { cookies: [deviceCookie(venue)], origins: [] };
}

/**
 * The suite's `test`: every context it makes is the paired tablet of `venue` (The Harbour Kitchen
 * unless a file says `test.use({ venue: "loc-grand" })`, or `{ paired: false }` for a plain browser).
 */
export const test = base.extend<{ venue: Venue; paired: boolean }>({
  venue: ["loc-harbour", { option: true }],
  paired: [true, { option: true }],
  storageState: async ({ venue, paired }, use) => {
    await use(paired ? pairedState(venue) : { cookies: [], origins: [] });
  },
});
export { expect };

/**
 * Signs in on a paired tablet's screen: name, then PIN. `venue` is the name the tablet shows
 * (checked, so a test knows which tablet it is on).
 */
export async function signInWithPin(page: Page, venue: string, name: string, pin: string): Promise<void> {
  await page.goto("/sign-in");
  await expect(page.getByTestId("paired-tablet")).toContainText(venue);
  await page.getByRole("button", { name: new RegExp(name) }).click();
  await page.getByLabel("PIN", { exact: true }).fill(pin);
  await page.getByRole("button", { name: "Go" }).click();
  await expect(page.getByRole("button", { name: /New complaint/ })).toBeVisible();
}

const cut = (route: Route) => route.abort("internetdisconnected");

/**
 * Cuts the tablet's network twice over: Chromium's offline emulation, and every request from the
 * page or its service worker aborted, so nothing can slip through to the server.
 */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route("**", cut);
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.unroute("**", cut);
  await context.setOffline(false);
}
